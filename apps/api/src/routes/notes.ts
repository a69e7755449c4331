import { NewNoteSchema, NoteEditSchema, NoteIdParamSchema, NoteListSchema, NoteSchema, NotesQuerySchema, type Note } from '@dispatch/core';
import { createNote, editNote, getNoteHistory, getPeriods, listNotes, type Db } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { jsonBody, jsonRoute } from '../schemas.ts';
import { knownRegion, parameterError, refuseUnprintable } from './params.ts';

const listRoute = jsonRoute('get', '/', '情况说明：某地区、某月或某市州及其县市区的说明', {
  tag: 'notes', request: { query: NotesQuerySchema }, answer: NoteListSchema, description: '按月份、地区代码、撰写先后排列；不含历次内容', errors: [400, 401],
});

const oneRoute = jsonRoute('get', '/{id}', '一条情况说明及其历次内容', {
  tag: 'notes', request: { params: NoteIdParamSchema }, answer: NoteSchema, description: '含 history', errors: [400, 401, 404],
});

const createRoute = jsonRoute('post', '/', '为某市州或县市区某月的数字撰写情况说明（需在本人督导范围内；需请求头 X-CSRF-Token）', {
  tag: 'notes', request: { body: jsonBody(NewNoteSchema) }, answer: NoteSchema, description: '已保存（版本 1）', status: 201, errors: [400, 401, 403],
});

const editRoute = jsonRoute('patch', '/{id}', '修改本人撰写的情况说明（保留历次内容；需请求头 X-CSRF-Token）', {
  tag: 'notes', request: { params: NoteIdParamSchema, body: jsonBody(NoteEditSchema) }, answer: NoteSchema, description: '已修改，含 history', errors: [400, 401, 403, 404, 409],
});

/** A refusal names what was refused: 「无权撰写株洲市的情况说明」. */
const NOTE_WORDS = ['撰写', '情况说明'] as const;

/** The note with every text it has had, or a 404. */
async function noteWithHistory(db: Db, id: number): Promise<Note> {
  const [note] = await listNotes(db, { id });
  if (!note) throw httpError(404, `没有编号为 ${id} 的情况说明`);
  return { ...note, history: await getNoteHistory(db, id) };
}

/** A note explains a month whose numbers exist: a month without data is a 400 naming the months there are. */
async function checkNotePeriod(db: Db, period: string): Promise<void> {
  const { periods, latest } = await getPeriods(db);
  if (periods.includes(period)) return;
  throw parameterError('period', latest === null ? '暂无任何月份的数据' : `${period} 无数据；有数据的月份为 ${periods[0]} 至 ${latest}`);
}

function actorOf(c: Context<AppEnv>) {
  const { user, address } = c.get('signedIn');
  return { actorId: user.id, actorLogin: user.login, address };
}

const REFUSALS = {
  'not-author': [403, '只能修改本人撰写的说明', 'FORBIDDEN'],
  stale: [409, '该说明已被修改，请刷新后重试', 'CONFLICT'],
  unchanged: [400, '参数 text（说明内容）：内容未改动', 'BAD_REQUEST'],
} as const;

/**
 * Notes on the numbers. Reading is headline: a note explains numbers every post sees, and the bulletin prints it.
 * Writing needs write:supervision for the note's region (province posts anywhere, a city leader in their city and
 * its counties); an edit is its author's alone.
 */
export const noteRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const db = c.get('db');
    const query = c.req.valid('query');
    if (query.regionCode) await knownRegion(db, query.regionCode, 'regionCode');
    if (query.city && (await knownRegion(db, query.city, 'city')).level !== 'city') throw parameterError('city', `${query.city} 不是市州代码`);
    await authorize(c, 'read:headline');
    return c.json({ notes: await listNotes(db, query) }, 200);
  })
  .openapi(oneRoute, async (c) => {
    await authorize(c, 'read:headline');
    return c.json(await noteWithHistory(c.get('db'), c.req.valid('param').id), 200);
  })
  .openapi(createRoute, async (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    refuseUnprintable('text', body.text);
    const region = await knownRegion(db, body.regionCode, 'regionCode');
    if (region.level === 'province') throw parameterError('regionCode', '情况说明写在市州或县市区的数字旁，请选择市州或县市区');
    await checkNotePeriod(db, body.period);
    await authorize(c, 'write:supervision', region.code, NOTE_WORDS);
    const id = await createNote(db, body, actorOf(c));
    return c.json(await noteWithHistory(db, id), 201);
  })
  .openapi(editRoute, async (c) => {
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const [note] = await listNotes(db, { id });
    if (!note) throw httpError(404, `没有编号为 ${id} 的情况说明`);
    // Its author must still hold the right to write about the region (a leader moved to another city does not).
    await authorize(c, 'write:supervision', note.regionCode, NOTE_WORDS);
    refuseUnprintable('text', c.req.valid('json').text);
    const result = await editNote(db, id, c.req.valid('json'), actorOf(c));
    if (!result.ok) {
      if (result.reason === 'not-found') throw httpError(404, `没有编号为 ${id} 的情况说明`);
      const [status, message, code] = REFUSALS[result.reason];
      throw httpError(status, message, code);
    }
    return c.json(await noteWithHistory(db, id), 200);
  });
