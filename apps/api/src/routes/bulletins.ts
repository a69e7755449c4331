import {
  alertsOfMonth, beijingDate, buildBulletin, bulletinFileName, BulletinDocumentSchema, BulletinDraftEditsSchema, BulletinDraftQuerySchema, BulletinDraftSaveSchema,
  BulletinPeriodParamSchema, bulletinSettings, formatPeriod, summarizeAlerts, type Period,
} from '@dispatch/core';
import { getBulletinDraftEdits, getMetricRows, isDemoData, listActions, listNotes, listReallocationRounds, saveBulletinDraftEdits } from '@dispatch/db';
import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../access.ts';
import { alertContexts } from '../alert-contexts.ts';
import { httpError } from '../errors.ts';
import { fileAnswer, FILE_TYPES } from '../file-answer.ts';
import { createRouter, type AppEnv } from '../router.ts';
import { renderBulletinDocx } from '../renderers/bulletin-docx.ts';
import { renderBulletinPdf } from '../renderers/bulletin-pdf.ts';
import { renderBulletinXlsx } from '../renderers/bulletin-xlsx.ts';
import { errorsFor, jsonBody, jsonRoute } from '../schemas.ts';
import { knownRegion, parameterError, resolvePeriod } from './params.ts';

const binary = (description: string) => ({ schema: z.string().meta({ format: 'binary', description }) });

const draftRoute = createRoute({
  method: 'get', path: '/draft', tags: ['bulletins'], request: { query: BulletinDraftQuerySchema },
  summary: '月通报草稿：由当前数据生成的文档模型（标题、正文各部分、市州表与图、附件），含工作人员已保存的修改；或其 PDF、Word、Excel 文件',
  responses: {
    200: {
      description: '草稿随数据变化；format=json 为文档模型，pdf、docx 为通报全文，xlsx 为附件表；给出 city 为该市州的摘编。文件名如「2020年1—5月通报（草稿）.pdf」',
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

/** The metric rows of a period, as `/api/metrics` answers them, kept until the data change. */
function periodRows(c: Context<AppEnv>, period: Period) {
  const db = c.get('db');
  return c.get('cache').getOrCompute(db, `bulletin-rows|${formatPeriod(period)}`, async () => {
    const [province, cities, counties] = await Promise.all(
      (['province', 'city', 'county'] as const).map((level) => getMetricRows(db, { period, level })),
    );
    return { province: province![0]!, cities: cities!, counties: counties! };
  });
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
    const cityRegion = city === undefined ? undefined : await knownRegion(db, city, 'city');
    if (cityRegion && cityRegion.level !== 'city') throw parameterError('city', `${cityRegion.name}（${city}）不是市州，摘编按市州提供`);
    const period = await resolvePeriod(db, requested);
    const key = formatPeriod(period);
    const [rows, contexts, actions, notes, rounds, draft, demo] = await Promise.all([
      periodRows(c, period), alertContexts(c, period), listActions(db, { scope: null, today: beijingDate(new Date()) }), listNotes(db, { period: key }),
      listReallocationRounds(db), getBulletinDraftEdits(db, key), isDemoData(db),
    ]);
    const document = buildBulletin({
      period, ...rows, alerts: alertsOfMonth(contexts), summary: summarizeAlerts(key, contexts), actions, notes, rounds,
      edits: draft.edits, settings: bulletinSettings(period), demo, city,
    });
    if (format === 'json') return c.json({ ...document, draft }, 200);
    return fileAnswer(c, await RENDERERS[format](document), format, bulletinFileName(document, format));
  })
  .openapi(saveRoute, async (c) => {
    const db = c.get('db');
    await authorize(c, 'publish:bulletin');
    const key = formatPeriod(await resolvePeriod(db, c.req.valid('param').period));
    const { edits, version } = c.req.valid('json');
    const { user, address } = c.get('signedIn');
    const result = await saveBulletinDraftEdits(db, key, edits, version, { actorId: user.id, actorLogin: user.login, address });
    if (!result.ok) throw httpError(409, `该月通报草稿已被他人修改（当前版本 ${result.current}），请刷新后重试`, 'CONFLICT');
    return c.json(await getBulletinDraftEdits(db, key), 200);
  });
