import { z } from 'zod';
import { noteTextProblem } from '../notes/note-text.ts';
import { pathNumber } from './envelope.ts';
import { PeriodSchema } from './period.ts';
import { RegionCodeSchema, RegionLevelSchema } from './region.ts';

/** Who wrote or changed a note: their login and display name. */
const PersonSchema = z.object({ login: z.string(), name: z.string() });

/** One text a note has had: version 1 is what its author first wrote. */
export const NoteVersionSchema = z
  .object({ version: z.number().int(), text: z.string(), editor: PersonSchema, at: z.string().meta({ description: 'UTC ISO 时间' }) })
  .meta({ id: 'NoteVersion' });
export type NoteVersion = z.infer<typeof NoteVersionSchema>;

/** 情况说明: an explanation attached to a region's numbers for a month (「受疫情影响，5月起集中开班」). */
export const NoteSchema = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    regionName: z.string(),
    level: RegionLevelSchema,
    parentCode: z.string().nullable(),
    period: z.string().meta({ description: '所说明的月份，YYYY-MM' }),
    text: z.string(),
    author: PersonSchema,
    createdAt: z.string().meta({ description: 'UTC ISO 时间' }),
    updatedAt: z.string().meta({ description: 'UTC ISO 时间；未修改时同 createdAt' }),
    version: z.number().int().meta({ description: '修改一次加 1；修改时须给出，以免覆盖他人刚做的修改' }),
    edited: z.boolean().meta({ description: '是否修改过（界面显示「已修改」）' }),
    history: z.array(NoteVersionSchema).optional().meta({ description: '历次内容，版本 1 在前（仅单条查询与修改的回答带）' }),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof NoteSchema>;

export const NoteListSchema = z.object({ notes: z.array(NoteSchema) }).meta({ id: 'NoteList' });
export type NoteList = z.infer<typeof NoteListSchema>;

/** The text as the server keeps it: trimmed, 1–500 characters (core's rule, so the form counts the same). */
export const NoteTextSchema = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写说明内容' : '说明内容应为文字') })
  .trim()
  .superRefine((text, ctx) => {
    const problem = noteTextProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A note's number in the path: plain digits. */
export const NoteIdParamSchema = z.object({ id: pathNumber('id', '说明编号应为正整数') });

export const NotesQuerySchema = z.object({
  regionCode: RegionCodeSchema.optional().meta({ description: '只看这个地区' }),
  period: PeriodSchema.optional().meta({ description: '只看这个月；缺省为各月' }),
  city: RegionCodeSchema.optional().meta({ description: '某市州及其所辖县市区' }),
  level: z.enum(['city', 'county'], { error: '级别应为 city 或 county' }).optional(),
});
export type NotesQuery = z.input<typeof NotesQuerySchema>;

export const NewNoteSchema = z.strictObject({
  regionCode: RegionCodeSchema.meta({ description: '市州或县市区' }),
  period: PeriodSchema.meta({ description: '所说明的月份（须有数据）', example: '2020-05' }),
  text: NoteTextSchema,
});
export type NewNote = z.infer<typeof NewNoteSchema>;

export const NoteEditSchema = z.strictObject({
  text: NoteTextSchema,
  version: z
    .number({ error: '请给出所修改说明的版本号（version）' })
    .int('版本号应为正整数')
    .positive('版本号应为正整数')
    .meta({ description: '修改所依据的版本；已被他人改过时回答 409' }),
});
export type NoteEdit = z.infer<typeof NoteEditSchema>;

