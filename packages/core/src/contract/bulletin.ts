import { z } from 'zod';
import { pathNumber } from './envelope.ts';
import { PeriodSchema } from './period.ts';
import { RegionCodeSchema } from './region.ts';

/*
 * The monthly bulletin (通报) as a structured document: what the bulletin says, with every number already text from
 * the display model. Renderers (PDF, Word, Excel, the HTML preview) lay it out and format nothing; an issued
 * bulletin stores this document as it was, so it can be shown again without the data it was made from.
 */

/** A table cell's text and how it sits: figures right-aligned, names left. */
export const BulletinColumnSchema = z.object({
  key: z.string(),
  /** 「完成比例」 */
  label: z.string(),
  /** 「万人次」, 「%」, shown under the label */
  unit: z.string().optional(),
  align: z.enum(['left', 'right', 'center']),
  /** relative width, for renderers that share out a page's width (1 = a figure column) */
  width: z.number().positive(),
});
export type BulletinColumn = z.infer<typeof BulletinColumnSchema>;

export const BulletinTableSchema = z
  .object({
    /** 「2020年1—5月各市州完成情况」 */
    title: z.string(),
    columns: z.array(BulletinColumnSchema),
    /** each row's cells as shown, in column order; `emphasis` marks a row the text talks about (behind, summoned) */
    rows: z.array(z.object({ cells: z.array(z.string()), emphasis: z.boolean().optional() })),
    /** a total row, printed last and bold */
    total: z.array(z.string()).optional(),
    /** notes under the table: sources, definitions */
    notes: z.array(z.string()).optional(),
  })
  .meta({ id: 'BulletinTable' });
export type BulletinTable = z.infer<typeof BulletinTableSchema>;

/** A chart's data, drawn by the renderer (ECharts SSR on the server, ECharts in the preview). */
export const BulletinChartSchema = z.object({
  kind: z.literal('completion-bars'),
  title: z.string(),
  /** region names, in the order drawn */
  labels: z.array(z.string()),
  /** completion ratios in percent, rounded once by the display model */
  values: z.array(z.number()),
  /** the time line in percent (M/12) */
  timeLine: z.number(),
  /** each value as the display model writes it, the table's text without its % (9.0, not 9): the bars' labels */
  valueTexts: z.array(z.string()).optional(),
  /** the time line as the display model writes it (41.7): the dashed line's label 时序进度41.7% */
  timeLineText: z.string().optional(),
});
export type BulletinChart = z.infer<typeof BulletinChartSchema>;

/** The parts staff write before issuing; each keyed so that the edits are kept with the draft. */
export const BULLETIN_EDITABLE = ['problems', 'requirements'] as const;
export type BulletinEditable = (typeof BULLETIN_EDITABLE)[number];

export const BulletinBlockSchema = z.discriminatedUnion('kind', [
  /** 「一、总体进展」 (level 1, 黑体) or 「（一）……」 (level 2, 楷体) */
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  /** a paragraph of body text, indented two characters; `editable` names the staff-written part it shows */
  z.object({ kind: z.literal('paragraph'), text: z.string(), editable: z.enum(BULLETIN_EDITABLE).optional() }),
  z.object({ kind: z.literal('table'), table: BulletinTableSchema }),
  z.object({ kind: z.literal('chart'), chart: BulletinChartSchema }),
]);
export type BulletinBlock = z.infer<typeof BulletinBlockSchema>;

export const BulletinAttachmentSchema = z.object({
  /** 1, 2 … : 「附件1」 */
  number: z.number().int().positive(),
  /** 「2020年1—5月各县市区完成情况表」 */
  title: z.string(),
  table: BulletinTableSchema,
  /** landscape when that is what keeps every column on the page */
  orientation: z.enum(['portrait', 'landscape']),
});
export type BulletinAttachment = z.infer<typeof BulletinAttachmentSchema>;

/** What staff wrote into a month's draft, kept with it: each editable part's text. */
export const BulletinEditsSchema = z
  .strictObject(Object.fromEntries(BULLETIN_EDITABLE.map((key) => [key, z.string().max(5000).optional()])) as Record<BulletinEditable, z.ZodOptional<z.ZodString>>)
  .meta({ id: 'BulletinEdits' });
export type BulletinEdits = z.infer<typeof BulletinEditsSchema>;

/** A month's draft's edits as kept: the text, its version (0 while never saved), who saved it last and when. */
export const BulletinDraftEditsSchema = z
  .object({
    period: z.string(),
    edits: BulletinEditsSchema,
    version: z.number().int().meta({ description: '草稿的版本：从未保存为 0；保存时须给出，以免覆盖他人刚做的修改' }),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable().meta({ description: 'UTC ISO 时间' }),
  })
  .meta({ id: 'BulletinDraftEdits' });
export type BulletinDraftEdits = z.infer<typeof BulletinDraftEditsSchema>;

/** A character the bulletin's fonts cannot print, and where in the data it is: 「玗」（长沙市的说明）. */
export const BulletinUnprintableSchema = z
  .object({
    char: z.string(),
    where: z.string().meta({ description: '所在位置的中文说明，如「长沙市的说明」' }),
  })
  .meta({ id: 'BulletinUnprintable' });
export type BulletinUnprintable = z.infer<typeof BulletinUnprintableSchema>;

export const BulletinDocumentSchema = z
  .object({
    /** 'YYYY-MM', the period the numbers are for */
    period: z.string(),
    /** 关于2020年1—5月全省职业技能提升行动工作进展情况的通报 */
    title: z.string(),
    /** 第N期, from settings; null in a draft not yet numbered */
    issueNumber: z.number().int().positive().nullable(),
    /** 湘人社函〔2020〕12号, from settings */
    documentNumber: z.string().nullable(),
    /** 1 for the first issue of a month, 2 for its first correction (第N期（更正）) … */
    version: z.number().int().positive(),
    /** 'YYYY-MM-DD' and as written, 2020年6月5日 */
    date: z.string(),
    dateText: z.string(),
    /** 各市州人力资源和社会保障局 */
    addressees: z.string(),
    /** 湖南省人力资源和社会保障厅 */
    issuer: z.string(),
    /** a city's extract: its code and name; absent for the province's bulletin */
    city: z.object({ code: z.string(), name: z.string() }).optional(),
    body: z.array(BulletinBlockSchema),
    attachments: z.array(BulletinAttachmentSchema),
    /** the figures are the demo's, and the document says so */
    demo: z.boolean(),
    /** a live draft's edits and their version, for saving them back; absent from an issued bulletin */
    draft: BulletinDraftEditsSchema.optional(),
    /** a live draft's characters from the data that the bulletin's fonts cannot print; issuing is refused while any */
    unprintable: z.array(BulletinUnprintableSchema).optional(),
  })
  .meta({ id: 'BulletinDocument', description: '月通报的文档模型：数字已由统一的显示模型写成文字' });
export type BulletinDocument = z.infer<typeof BulletinDocumentSchema>;


/** The formats of a draft: the document model, or its PDF, Word and Excel (the attachments) files. */
export const BULLETIN_FORMATS = ['json', 'pdf', 'docx', 'xlsx'] as const;

export const BulletinDraftQuerySchema = z.object({
  period: PeriodSchema,
  format: z.enum(BULLETIN_FORMATS, { error: 'format 应为 json、pdf、docx 或 xlsx' }).default('json'),
  city: RegionCodeSchema.optional().meta({ description: '市州代码：该市州的摘编（本市州在市州表中标出，附件为其县市区）' }),
});
export type BulletinDraftQuery = z.input<typeof BulletinDraftQuerySchema>;

export const BulletinDraftSaveSchema = z
  .strictObject({
    edits: BulletinEditsSchema,
    version: z
      .number({ error: '请给出所修改草稿的版本号（version），从未保存过为 0' })
      .int('版本号应为非负整数')
      .min(0, '版本号应为非负整数')
      .meta({ description: '修改所依据的版本（从未保存为 0）；已被他人改过时回答 409' }),
  })
  .meta({ id: 'BulletinDraftSave' });
export type BulletinDraftSave = z.infer<typeof BulletinDraftSaveSchema>;

export const BulletinPeriodParamSchema = z.object({
  period: PeriodSchema.meta({ param: { name: 'period', in: 'path' }, example: '2020-05' }),
});

/** An issued bulletin in the archive: its numbers, who issued it and when, its three files' SHA-256. */
export const IssuedBulletinSchema = z
  .object({
    id: z.number().int(),
    period: z.string(),
    /** 第N期 */
    number: z.number().int().positive(),
    documentNumber: z.string().nullable(),
    /** 1 for the first issue, 2 for its first correction … */
    version: z.number().int().positive(),
    /** the bulletin this one corrects */
    correctionOf: z.number().int().nullable(),
    /** the issuing account's name */
    issuedBy: z.string(),
    issuedAt: z.string().meta({ description: 'UTC ISO 时间' }),
    sha256: z.object({ pdf: z.string(), docx: z.string(), xlsx: z.string() }).meta({ description: '所存三个文件的 SHA-256（十六进制），与下载所得逐字节一致' }),
    /** the latest version of its month (the one that may be corrected) */
    latest: z.boolean(),
    /** its 14 city extracts were frozen with it (false for one issued before extracts were kept) */
    extracts: z.boolean().meta({ description: '印发时是否同时冻结了各市州摘编（?city= 下载）' }),
  })
  .meta({ id: 'IssuedBulletin' });
export type IssuedBulletin = z.infer<typeof IssuedBulletinSchema>;

export const IssuedBulletinListSchema = z.object({ bulletins: z.array(IssuedBulletinSchema) }).meta({ id: 'IssuedBulletinList' });

export const BulletinIssueSchema = z
  .strictObject({ period: PeriodSchema.meta({ description: '所通报的月份（截至该月的累计）' }) })
  .meta({ id: 'BulletinIssue' });

export const BulletinIdParamSchema = z.object({
  id: pathNumber('id', '通报编号应为正整数'),
});

/** An issued bulletin's file for a city: its extract, frozen with it. */
export const BulletinFileQuerySchema = z.object({
  city: RegionCodeSchema.optional().meta({ description: '市州代码：印发时同时冻结的该市州摘编' }),
});

/** A correction's body: none, or an empty JSON object (nothing is chosen: it is made from the current data). */
export const BulletinCorrectSchema = z.strictObject({}).meta({ id: 'BulletinCorrect' });

/** An issued bulletin's file: 「12.pdf」, 「12.docx」, 「12.xlsx」. */
export const BulletinFileParamSchema = z.object({
  file: z
    .string()
    .regex(/^[1-9][0-9]{0,9}\.(pdf|docx|xlsx)$/, '文件应为「通报编号.pdf」「.docx」或「.xlsx」')
    .meta({ param: { name: 'file', in: 'path' }, example: '1.pdf' }),
});
