import { createHash } from 'node:crypto';
import {
  alertsOfMonth, alreadyIssuedMessage, beijingDate, buildBulletin, bulletinFileName, BulletinCorrectSchema, type BulletinDocument, BulletinDocumentSchema,
  BulletinDraftEditsSchema, BulletinDraftQuerySchema, BulletinDraftSaveSchema, BulletinFileParamSchema, BulletinFileQuerySchema, BulletinIdParamSchema,
  BulletinIssueSchema, BulletinPeriodParamSchema, bulletinSettings, comingNumbering, formatPeriod, IssuedBulletinListSchema, IssuedBulletinSchema,
  summarizeAlerts, unprintableCharacters, unprintableMessage, type BulletinNumbering, type Period,
} from '@dispatch/core';
import {
  getBulletinDraftEdits, getBulletinFile, getBulletinSnapshot, getMetricRows, isDemoData, listActions, listBulletins, listNotes, listReallocationRounds,
  saveBulletinDraftEdits, storeBulletin, type BulletinExtractToStore, type BulletinSnapshot, type Db,
} from '@dispatch/db';
import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access.ts';
import { alertContexts, loadAlertContexts } from '../alert-contexts.ts';
import { computed } from '../computed-cache.ts';
import { httpError } from '../errors.ts';
import { fileAnswer, FILE_TYPES } from '../file-answer.ts';
import { cachedJson, isCurrentTag } from '../cached-json.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { requestVersions } from '../versions.ts';
import { renderBulletinDocx } from '../renderers/bulletin-docx.ts';
import { renderBulletinPdf } from '../renderers/bulletin-pdf.ts';
import { charactersNotInFonts } from '../renderers/bulletin-pdf/page.ts';
import { renderBulletinXlsx } from '../renderers/bulletin-xlsx.ts';
import { errorsFor, jsonBody, jsonRoute } from '../schemas.ts';
import { knownRegion, parameterError, refuseUnprintable, resolvePeriod } from './params.ts';

const binary = (description: string) => ({ schema: z.string().meta({ format: 'binary', description }) });

const draftRoute = createRoute({
  method: 'get', path: '/draft', tags: ['bulletins'], request: { query: BulletinDraftQuerySchema },
  summary: '月通报草稿：由当前数据生成的文档模型（标题、正文各部分、市州表与图、附件），含工作人员已保存的修改；或其 PDF、Word、Excel 文件',
  responses: {
    200: {
      description:
        '草稿随数据变化；format=json 为文档模型，pdf、docx 为通报全文，xlsx 为附件表；给出 city 为该市州的摘编。日期为今天（北京时间），期数、文号和版本为此刻印发（已印发的月份为更正）所得，' +
        '仍标「草稿」；文件名如「2020年1—5月通报（草稿）.pdf」。json 另带 unprintable：数据中通报字体印不出的字及其位置（有则不能印发）',
      content: {
        'application/json': { schema: BulletinDocumentSchema },
        [FILE_TYPES.pdf]: binary('PDF（A4，GB/T 9704 版式）'),
        [FILE_TYPES.docx]: binary('Word 文件，供编辑'),
        [FILE_TYPES.xlsx]: binary('Excel：每个附件一张表'),
      },
    },
    ...errorsFor(400, 401, 403, 404),
  },
});

const RENDERERS = { pdf: renderBulletinPdf, docx: renderBulletinDocx, xlsx: renderBulletinXlsx } as const;

const saveRoute = jsonRoute('put', '/draft/{period}', '保存月通报草稿中工作人员撰写的部分（存在问题、下一步工作要求；省级岗位；需请求头 X-CSRF-Token）', {
  tag: 'bulletins', request: { params: BulletinPeriodParamSchema, body: jsonBody(BulletinDraftSaveSchema) }, answer: BulletinDraftEditsSchema,
  description: '已保存的修改及新版本号；版本已变时回答 409', errors: [400, 401, 403, 404, 409],
});

/** The metric rows of a period, as `/api/metrics` answers them, straight from the database. */
async function loadPeriodRows(db: Db, period: Period) {
  const [province, cities, counties] = await Promise.all((['province', 'city', 'county'] as const).map((level) => getMetricRows(db, { period, level })));
  return { province: province![0]!, cities: cities!, counties: counties! };
}

const issueRoute = jsonRoute('post', '/', '印发月通报：由当前数据和已保存的修改生成，编第N期和文号，冻结 PDF、Word、Excel 三个文件及其 SHA-256，连同 14 个市州摘编（省级岗位；需请求头 X-CSRF-Token）', {
  tag: 'bulletins', request: { body: jsonBody(BulletinIssueSchema) }, answer: IssuedBulletinSchema, status: 201,
  description: '已印发的通报：编号、期数、版本、三个文件的 SHA-256；该月已印发时回答 409（如需修改请发布更正）；数据中有通报字体印不出的字时回答 422，逐字说明所在位置', errors: [400, 401, 403, 409, 422],
});

const correctRoute = jsonRoute('post', '/{id}/correct', '发布更正：同一月份、同一期数的新版本（第N期（更正）），由当前数据和修改生成并冻结，连同市州摘编（省级岗位；需请求头 X-CSRF-Token；无须请求体，如给出只能是空 JSON 对象 {}）', {
  tag: 'bulletins', request: { params: BulletinIdParamSchema }, answer: IssuedBulletinSchema, status: 201,
  description: '更正后的通报（版本加一，注明所更正的通报）；只能更正该月的最新版本，否则回答 409；请求体不是 JSON 或带有参数时回答 400；有印不出的字时回答 422', errors: [400, 401, 403, 404, 409, 422],
});

const archiveRoute = jsonRoute('get', '/', '已印发通报的存档：每期每个版本的月份、期数、印发人、印发时间和三个文件的 SHA-256，新印发的在前', {
  tag: 'bulletins', answer: IssuedBulletinListSchema, description: '存档列表', errors: [401, 403],
});

const fileRoute = createRoute({
  method: 'get', path: '/{file}', tags: ['bulletins'], request: { params: BulletinFileParamSchema, query: BulletinFileQuerySchema },
  summary: '已印发通报的文件（如 1.pdf、1.docx、1.xlsx；加 ?city=430100 为该市州摘编）：印发时所存的字节，原样给出',
  responses: {
    200: {
      description: '文件名如「2020年1—5月通报（第5期）.pdf」「2020年1—5月通报·长沙市摘编（第5期）.pdf」；ETag 为其 SHA-256。印发时尚未保存摘编的通报没有摘编（404）',
      content: { [FILE_TYPES.pdf]: binary('PDF'), [FILE_TYPES.docx]: binary('Word'), [FILE_TYPES.xlsx]: binary('Excel：附件表') },
    },
    304: { description: '请求头 If-None-Match 已是该文件的 ETag：已印发的文件不再改变，客户端所存即是（无正文）' },
    ...errorsFor(400, 401, 403, 404),
  },
});

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/** Today in Beijing, by the app's clock: a bulletin's date, and the day actions' deadlines are judged against. */
const today = (c: Context<AppEnv>) => beijingDate(c.get('now')());

/** A document's three files and their SHA-256, rendered one after the other (the CPU is shared). */
async function renderFiles(document: BulletinDocument) {
  const files = { pdf: await renderBulletinPdf(document), docx: await renderBulletinDocx(document), xlsx: await renderBulletinXlsx(document) };
  return { files, sha256: { pdf: sha256(files.pdf), docx: sha256(files.docx), xlsx: sha256(files.xlsx) } };
}

/**
 * Everything a month's bulletin is made from, but its settings: the current data and staff's saved text. A draft
 * takes the metric rows and alert contexts from the app's cache (kept at the request's data version, read when the
 * request arrived); issuing reads them `fresh`: its snapshot, read after the request arrived, is what storing checks,
 * so figures cached at an older version would be frozen beside rounds and notes read now.
 */
async function bulletinInput(c: Context<AppEnv>, period: Period, { fresh = false } = {}) {
  const db = c.get('db');
  const key = formatPeriod(period);
  const rowsOfPeriod = fresh ? loadPeriodRows(db, period) : computed(c, `bulletin-rows|${key}`, () => loadPeriodRows(db, period));
  const [rows, contexts, actions, notes, rounds, draft, demo] = await Promise.all([
    rowsOfPeriod, fresh ? loadAlertContexts(db, period) : alertContexts(c, period), listActions(db, { scope: null, today: today(c) }), listNotes(db, { period: key }),
    listReallocationRounds(db), getBulletinDraftEdits(db, key), isDemoData(db, period.year),
  ]);
  return { input: { period, ...rows, alerts: alertsOfMonth(contexts), summary: summarizeAlerts(key, contexts), actions, notes, rounds, edits: draft.edits, demo }, draft };
}

/** The rendered draft files kept at once (a full PDF is ~1 MB): the months and extracts being looked at. */
const DRAFT_FILES_KEPT = 24;

/**
 * Everything a month's draft depends on beyond the data and settings versions (the cache's own): the month, the
 * extract's city, the date (the draft is dated today; actions are overdue by it), the snapshot its numbers come from
 * (the draft's edits' version, the month's latest issue, the year's highest 第N期), a mark of the supervision
 * actions, the month's notes and the rounds, whose writes need not bump the data version, and the auth version: the
 * draft names who saved its text, and a renamed account bumps it. Answered with the snapshot it was made from, which
 * the draft is then numbered by (read once: the key and the document cannot disagree).
 */
async function draftKey(c: Context<AppEnv>, period: Period, city: string | undefined): Promise<{ key: string; seen: BulletinSnapshot }> {
  const db = c.get('db');
  const month = formatPeriod(period);
  const [seen, versions] = await Promise.all([getBulletinSnapshot(db, month), requestVersions(c)]);
  const latest = seen.latest ? `${seen.latest.id}.${seen.latest.version}` : '-';
  return { key: `${month}|${city ?? 'province'}|${today(c)}|d${seen.draftVersion}|l${latest}|h${seen.highestOfYear ?? '-'}|${seen.inputs}|u${versions.auth}`, seen };
}

/**
 * The draft's document (with its unprintable characters), built once per key and kept in the app's computed cache
 * until the data or settings move: 200 people opening the bulletin build it once. Dated and numbered as issuing it
 * now would be (a correction's numbers once the month is issued); still a draft.
 */
function draftDocument(c: Context<AppEnv>, period: Period, city: string | undefined, { key, seen }: { key: string; seen: BulletinSnapshot }): Promise<BulletinDocument> {
  return computed(c, `bulletin-draft|${key}`, async () => {
    const { input, draft } = await bulletinInput(c, period);
    const date = today(c);
    const { issueNumber, documentNumber, version } = comingNumbering(seen.latest, seen.highestOfYear, date);
    const built = buildBulletin({ ...input, settings: bulletinSettings(period, { issueNumber, documentNumber, date }), version, replaces: replaced(seen), city });
    return { ...built, draft, unprintable: unprintableCharacters(input, built, charactersNotInFonts) };
  });
}

/** The month's latest issued version, which issuing now would correct: its version and the day it was issued. */
const replaced = (seen: BulletinSnapshot) => (seen.latest ? { version: seen.latest.version, issuedOn: beijingDate(new Date(seen.latest.issuedAt)) } : undefined);

/** What a frozen bulletin is numbered: from the snapshot seen before rendering (the store checks it did not move). */
type Numbering = BulletinNumbering & { correctionOf: number | null };

/**
 * Freezes a month's bulletin: reads a snapshot (data version, draft version, the month's latest issue, the year's
 * highest number), builds the document from the current data, refuses it (422) if the data hold characters the fonts
 * cannot print, renders it and its 14 city extracts (same input, settings and numbers) outside any transaction, then
 * stores all the files in one short write transaction that first checks the snapshot still holds. If something moved
 * meanwhile it starts again (the numbers are decided anew: a month issued meanwhile is then refused by `numbering`).
 */
async function freeze(c: Context<AppEnv>, period: Period, action: '印发' | '发布更正', numbering: (seen: BulletinSnapshot, date: string) => Numbering) {
  const db = c.get('db');
  const key = formatPeriod(period);
  const { user, address } = c.get('signedIn');
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = await getBulletinSnapshot(db, key);
    const date = today(c);
    const { issueNumber, documentNumber, version, correctionOf } = numbering(seen, date);
    const { input } = await bulletinInput(c, period, { fresh: true });
    const made = { ...input, settings: bulletinSettings(period, { issueNumber, documentNumber, date }), version, replaces: correctionOf === null ? undefined : replaced(seen) };
    const document = buildBulletin(made);
    const unprintable = unprintableCharacters(input, document, charactersNotInFonts);
    if (unprintable.length) throw httpError(422, unprintableMessage(unprintable, action), 'UNPRINTABLE');
    const { files, sha256: hashes } = await renderFiles(document);
    const extracts: BulletinExtractToStore[] = [];
    for (const city of input.cities) {
      const extract = buildBulletin({ ...made, city: city.code });
      extracts.push({ cityCode: city.code, document: extract, ...(await renderFiles(extract)) });
    }
    const stored = await storeBulletin(db, { period: key, issueNumber, version, correctionOf, document, files, sha256: hashes, extracts }, seen, { actorId: user.id, actorLogin: user.login, address });
    if (stored.ok) return (await listBulletins(db, { id: stored.id }))[0]!;
  }
  throw httpError(409, '通报所依据的数据或草稿正在变化，请稍后重试', 'CONFLICT');
}

/** A city named by `?city=`: a known region that is a city, or a 400 naming the parameter. */
async function cityParam(db: Db, city: string | undefined) {
  if (city === undefined) return undefined;
  const region = await knownRegion(db, city, 'city');
  if (region.level !== 'city') throw parameterError('city', `${region.name}（${city}）不是市州，摘编按市州提供`);
  return region;
}

/**
 * A correction takes no parameters: no body (with or without a Content-Type), or an empty JSON object. Anything else
 * is a 400 that says what is wrong, rather than being ignored.
 */
async function emptyCorrectionBody(c: Context<AppEnv>) {
  const raw = await c.req.text();
  if (raw.trim() === '') return;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw httpError(400, `请求体须为 JSON（Content-Type: application/json）或省略；收到的是「${type || '未注明类型'}」`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw httpError(400, '请求体不是有效的 JSON');
  }
  const checked = BulletinCorrectSchema.safeParse(body);
  if (!checked.success) {
    const unknown = body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
    throw httpError(400, unknown.length ? `发布更正不接受参数：${unknown.join('、')}（请求体应省略或为 {}）` : '请求体应省略或为空的 JSON 对象 {}');
  }
}

/**
 * The monthly bulletin's draft. Reading is headline, for a city's extract too: the bulletin is sent to every city,
 * and its sections (actions and notes included) are its own content. Saving staff's text is for the posts that
 * publish bulletins.
 */
export const bulletinRoutes = createRouter()
  .openapi(draftRoute, async (c) => {
    const db = c.get('db');
    const { period: requested, format, city } = c.req.valid('query');
    await authorize(c, 'read:headline');
    await cityParam(db, city);
    const period = await resolvePeriod(db, requested);
    const drafted = await draftKey(c, period, city);
    if (format === 'json') return cachedJson(c, `bulletin-draft-json|${drafted.key}`, () => draftDocument(c, period, city, drafted));
    const document = await draftDocument(c, period, city, drafted);
    const file = await computed(c, `bulletin-draft-file|${drafted.key}|${format}`, () => RENDERERS[format](document), { group: 'bulletin-draft-file', max: DRAFT_FILES_KEPT });
    return fileAnswer(c, file, format, bulletinFileName(document, format));
  })
  .openapi(saveRoute, async (c) => {
    const db = c.get('db');
    await authorize(c, 'publish:bulletin');
    const key = formatPeriod(await resolvePeriod(db, c.req.valid('param').period));
    const { edits, version } = c.req.valid('json');
    for (const [part, text] of Object.entries(edits)) refuseUnprintable(`edits.${part}`, text);
    const { user, address } = c.get('signedIn');
    const result = await saveBulletinDraftEdits(db, key, edits, version, { actorId: user.id, actorLogin: user.login, address });
    if (!result.ok) throw httpError(409, `该月通报草稿已被他人修改（当前版本 ${result.current}），请刷新后重试`, 'CONFLICT');
    return c.json(await getBulletinDraftEdits(db, key), 200);
  })
  .openapi(archiveRoute, async (c) => {
    await authorize(c, 'read:headline');
    return c.json({ bulletins: await listBulletins(c.get('db')) }, 200);
  })
  .openapi(fileRoute, async (c) => {
    await authorize(c, 'read:headline');
    const db = c.get('db');
    const [id, format] = c.req.valid('param').file.split('.') as [string, 'pdf' | 'docx' | 'xlsx'];
    const city = await cityParam(db, c.req.valid('query').city);
    const stored = await getBulletinFile(db, Number(id), format, city?.code);
    if (!stored) throw httpError(404, `没有编号为 ${id} 的已印发通报`, 'NOT_FOUND');
    if (stored === 'no-extract') throw httpError(404, `编号为 ${id} 的通报印发时尚未保存市州摘编，没有${city!.name}的摘编`, 'NOT_FOUND');
    // an issued file never changes: its ETag is its SHA-256, and a client that has it is told so (304, no body)
    const etag = `"${stored.sha256}"`;
    if (isCurrentTag(c.req.header('if-none-match'), etag)) return c.body(null, 304, { etag, 'cache-control': 'private, no-cache' });
    const answer = fileAnswer(c, stored.file, format, bulletinFileName(stored.document, format));
    answer.headers.set('etag', etag);
    answer.headers.set('cache-control', 'private, no-cache');
    return answer;
  })
  .openapi(issueRoute, async (c) => {
    const db = c.get('db');
    await authorize(c, 'publish:bulletin');
    const period = await resolvePeriod(db, c.req.valid('json').period);
    const key = formatPeriod(period);
    const issued = await freeze(c, period, '印发', (seen, date) => {
      if (seen.latest) throw httpError(409, alreadyIssuedMessage(key, seen.latest.issueNumber, beijingDate(new Date(seen.latest.issuedAt))), 'CONFLICT');
      return { ...comingNumbering(null, seen.highestOfYear, date), correctionOf: null };
    });
    return c.json(issued, 201);
  })
  .openapi(correctRoute, async (c) => {
    const db = c.get('db');
    await authorize(c, 'publish:bulletin');
    const { id } = c.req.valid('param');
    await emptyCorrectionBody(c);
    const [original] = await listBulletins(db, { id });
    if (!original) throw httpError(404, `没有编号为 ${id} 的已印发通报`, 'NOT_FOUND');
    const period = await resolvePeriod(db, original.period);
    const corrected = await freeze(c, period, '发布更正', (seen, date) => {
      if (seen.latest?.id !== id) {
        throw httpError(409, `第${original.number}期已有更正（第${seen.latest?.version ?? original.version}版），只能更正该月的最新版本`, 'CONFLICT');
      }
      return { ...comingNumbering(seen.latest, seen.highestOfYear, date), correctionOf: id };
    });
    return c.json(corrected, 201);
  });
