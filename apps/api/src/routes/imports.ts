import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  IMPORT_KINDS, importWarnings, ImportKindSchema, rowYears, ImportListSchema, ImportRecordSchema, ImportReportSchema, ImportResultSchema, type ImportReport,
} from '@dispatch/core';
import {
  DataWriteError, getImportAttempt, getImportContext, getTargetYears, listImportAttempts, revertImportAttempt, RevertRefusedError, storeImportAttempt, writeDataBatch,
  ClosedPeriodError, type WriteOptions,
} from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { httpError } from '../errors.ts';
import { fileAnswer, FILE_TYPES } from '../file-answer.ts';
import { classesInWorker, ClassesRefusedError, warmImportWorker } from '../imports/classes-in-worker.ts';
import { ImportFileError, readImport, renderImportReport, renderImportTemplate, reportFileName, templateFileName } from '../imports/index.ts';
import { importBatch, MAX_UPLOAD_BYTES, uploadedFile, writeProblems } from '../imports/upload.ts';
import type { AppEnv } from '../router.ts';
import { createRouter } from '../router.ts';
import { errorResponses, errorsFor, jsonOf, jsonRoute } from '../schemas.ts';

const TemplateParamSchema = z.object({
  file: z
    .string()
    .regex(new RegExp(`^(${IMPORT_KINDS.join('|')})\\.xlsx$`), '模板应为 classes.xlsx、audits.xlsx、targets.xlsx 或 allocations.xlsx')
    .meta({ param: { name: 'file', in: 'path' }, example: 'classes.xlsx' }),
});

const UploadQuerySchema = z.object({
  kind: ImportKindSchema.meta({ param: { name: 'kind', in: 'query' }, example: 'classes' }),
  dryRun: z.enum(['1'], { error: 'dryRun 只能为 1（试导入，只校验不写入）或不给' }).optional().meta({ param: { name: 'dryRun', in: 'query' } }),
});

const AttemptParamSchema = z.object({
  id: z.string().regex(/^[1-9]\d{0,9}$/, '导入记录编号应为正整数').transform(Number).meta({ param: { name: 'id', in: 'path' }, example: '1' }),
});

const MB = MAX_UPLOAD_BYTES / 1024 / 1024;
/** 湖南省: a province post's home region */
const PROVINCE_CODE = '430000';

const templateRoute = createRoute({
  method: 'get', path: '/templates/{file}', tags: ['imports'], request: { params: TemplateParamSchema },
  summary: '导入模板（Excel）：中文表头、示例行，及逐列说明填写规则的「填表说明」表',
  responses: { 200: { content: { [FILE_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) } }, description: '文件名如「培训班导入模板.xlsx」' }, ...errorResponses },
});

const uploadRoute = createRoute({
  method: 'post', path: '/', tags: ['imports'],
  summary: `导入一个月的数据文件（.xlsx 或 CSV，multipart 字段 file，最大 ${MB} MB；需请求头 X-CSRF-Token）`,
  description:
    `省级用户导入全省的数据，市州用户只能导入本市州及其县市区的行（范围外的行是错误，不会被跳过）；县市区用户与只读用户不能导入。` +
    `文件超过 ${MB} MB 时回答 413。dryRun=1 只校验并计算将新增、更新、不变的行数（200）；不给 dryRun 时校验后整文件导入（201），` +
    '文件有错误、含已关账月份或范围外的行时整文件不导入，回答 422 及逐行的问题。每次上传都记入导入历史，其 id 用于下载问题标注的文件和撤销。',
  request: {
    query: UploadQuerySchema,
    // Declared for the document only (not a zod schema): the handler checks access first, then reads the upload.
    body: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } }, required: true },
  },
  responses: {
    200: jsonOf(ImportReportSchema, '试导入（dryRun=1）的校验报告：表头映射、前 10 行预览、问题，无问题时含将改变的行数'),
    201: jsonOf(ImportResultSchema, '已导入：导入记录编号及新增、更新、不变的行数'),
    422: jsonOf(ImportReportSchema, '文件有问题，未导入任何数据：逐行的问题；标注文件见 /api/imports/{id}/report.xlsx'),
    ...errorsFor(400, 401, 403, 413),
  },
});

const listRoute = jsonRoute('get', '/', '导入历史：每次上传（试导入、被拒、已导入、已撤销），新的在前；市州用户只看本市州的', {
  tag: 'imports', answer: ImportListSchema, description: '导入记录', errors: [401, 403],
});

const revertRoute = jsonRoute('post', '/{id}/revert', '撤销一次导入：数据恢复到导入前的样子（需请求头 X-CSRF-Token）', {
  tag: 'imports', request: { params: AttemptParamSchema }, answer: ImportRecordSchema,
  description: '撤销后的导入记录；未导入、已撤销、之后又有导入改动了同样的数据或涉及已关账月份时回答 409', errors: [400, 401, 403, 404, 409],
});

const reportRoute = createRoute({
  method: 'get', path: '/{id}/report.xlsx', tags: ['imports'], request: { params: AttemptParamSchema },
  summary: '上传文件的问题标注版：出错的单元格标红并附批注，另有「问题清单」表（无问题时写「无」）',
  responses: { 200: { content: { [FILE_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) } }, description: '文件名如「培训班2020年5月（问题标注）.xlsx」' }, ...errorResponses },
});

/** The region an upload or an attempt belongs to: a city leader's city, the province for province posts. */
const regionOfScope = (scope: string | null) => scope ?? PROVINCE_CODE;

async function loadAttempt(c: Context<AppEnv>, id: number) {
  const attempt = await getImportAttempt(c.get('db'), id);
  if (!attempt) {
    await authorize(c, 'write:data', c.get('signedIn').user.regionCode, ['导入', '数据']);
    throw httpError(404, `没有第${id}号导入记录`);
  }
  // A city leader's own city's uploads; the province's posts all of them.
  await authorize(c, 'write:data', regionOfScope(attempt.scope), ['查看或撤销', '导入记录']);
  return attempt;
}

export const importRoutes = createRouter()
  .openapi(templateRoute, async (c) => {
    const kind = ImportKindSchema.parse(c.req.valid('param').file.replace(/\.xlsx$/, ''));
    // A blank form: anyone signed in may look at what an import asks for; importing itself is 'write:data'.
    await authorize(c, 'read:headline');
    return fileAnswer(c, await renderImportTemplate(kind), 'xlsx', templateFileName(kind));
  })
  .openapi(uploadRoute, async (c) => {
    const { kind, dryRun } = c.req.valid('query');
    const { user, address } = c.get('signedIn');
    await authorize(c, 'write:data', user.regionCode, ['导入', '数据']);
    const scope = user.regionCode === PROVINCE_CODE ? null : user.regionCode;
    if (kind === 'classes') warmImportWorker(); // its start overlaps the upload
    const file = await uploadedFile(c);
    const db = c.get('db');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const context = await getImportContext(db, kind, scope ?? undefined);
    const actor = { actorId: user.id, actorLogin: user.login, address };
    const attemptOf = (report: ImportReport, status: 'checked' | 'refused' | 'applied', extra: { counts?: ImportReport['changes']; batchId?: number } = {}) =>
      ({ kind, fileName: file.name, sha256, bytes, status, rows: report.rows, problems: report.errors, scope, ...extra });
    const keep = (report: ImportReport, status: 'checked' | 'refused', extra: { counts?: ImportReport['changes'] } = {}) =>
      storeImportAttempt(db, attemptOf(report, status, extra), actor);
    const refuse = async (report: ImportReport) => {
      const id = await keep(report, dryRun ? 'checked' : 'refused'); // a dry run refuses nothing: it was a check
      return c.json({ ...report, ok: false, id }, dryRun ? 200 : 422);
    };
    // Classes — the large files — are read in the import worker (no lock held), then checked there while the write
    // stages the rows checked so far (the first problem rolls it back at once); the other kinds are read here first,
    // then written.
    const inWorker = kind === 'classes' ? await classesInWorker(file.name, bytes, context) : undefined;
    const inThread = inWorker ? undefined : await readImport(kind, file.name, bytes, context);
    if (inThread && !inThread.report.ok) return refuse(inThread.report);
    const readHere = inThread && { report: inThread.report, rowNumbers: inThread.rowNumbers, years: rowYears(inThread.rows) };
    const read = () => readHere ?? inWorker!.read();
    try {
      let id = 0;
      // An applied upload's record is written in the data's own transaction: a crash leaves neither.
      const inside: WriteOptions['inside'] = async (tx, { batchId, inserted, updated, unchanged }) => {
        id = await storeImportAttempt(tx, attemptOf(read().report, 'applied', { counts: { inserted, updated, unchanged }, batchId }), actor);
      };
      const batch = inWorker ? { ...importBatch(kind, [], file.name, sha256), classStream: inWorker } : importBatch(kind, inThread!.rows, file.name, sha256);
      const written = await writeDataBatch(db, batch, { actor, dryRun: dryRun === '1', inside, ...(scope ? { scope } : {}) });
      const counts = { inserted: written.inserted, updated: written.updated, unchanged: written.unchanged };
      const warnings = importWarnings(kind, read().years, await getTargetYears(db));
      if (dryRun) {
        const report = { ...read().report, changes: counts, ...(warnings.length ? { warnings } : {}) };
        return c.json({ ...report, id: await keep(report, 'checked', { counts }) }, 200);
      }
      return c.json({ id, ...counts, ...(warnings.length ? { warnings } : {}) }, 201);
    } catch (error) {
      if (error instanceof ClassesRefusedError) return refuse((error.read ?? (await inWorker!.finished)).report); // the write stopped at the first problem
      if (!(error instanceof DataWriteError)) throw error;
      return refuse({ ...read().report, errors: writeProblems(error, read().rowNumbers) });
    } finally {
      inWorker?.close(); // the worker's job, if the write failed before it asked for the rows
    }
  })
  .openapi(listRoute, async (c) => {
    const { user } = c.get('signedIn');
    await authorize(c, 'write:data', user.regionCode, ['查看', '导入记录']);
    const scope = user.regionCode === PROVINCE_CODE ? undefined : user.regionCode;
    return c.json({ imports: await listImportAttempts(c.get('db'), scope ? { scope } : {}) }, 200);
  })
  .openapi(revertRoute, async (c) => {
    const { id } = c.req.valid('param');
    await loadAttempt(c, id);
    const { user, address } = c.get('signedIn');
    const db = c.get('db');
    try {
      await revertImportAttempt(db, id, { actorId: user.id, actorLogin: user.login, address });
    } catch (error) {
      if (error instanceof RevertRefusedError || error instanceof ClosedPeriodError) throw httpError(409, error.message);
      throw error;
    }
    const [record] = await listImportAttempts(db, { id });
    return c.json(record!, 200);
  })
  .openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const attempt = await loadAttempt(c, id);
    if (!attempt.bytes) throw httpError(404, `第${id}号导入的文件已超过保留期（试导入和未导入的文件保留 30 天），不再提供标注文件`);
    try {
      const report = await renderImportReport(attempt.kind, attempt.fileName, attempt.bytes, attempt.problems);
      return fileAnswer(c, report, 'xlsx', reportFileName(attempt.fileName));
    } catch (error) {
      if (error instanceof ImportFileError) throw httpError(404, `${error.message}：无法生成标注文件`);
      throw error;
    }
  });
