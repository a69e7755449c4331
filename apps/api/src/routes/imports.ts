import { createRoute, z } from '@hono/zod-openapi';
import { IMPORT_KINDS, ImportKindSchema } from '@dispatch/core';
import { authorize } from '../access.ts';
import { fileAnswer, FILE_TYPES } from '../file-answer.ts';
import { renderImportTemplate, templateFileName } from '../imports/index.ts';
import { createRouter } from '../router.ts';
import { errorResponses } from '../schemas.ts';

const TemplateParamSchema = z.object({
  file: z
    .string()
    .regex(new RegExp(`^(${IMPORT_KINDS.join('|')})\\.xlsx$`), '模板应为 classes.xlsx、audits.xlsx、targets.xlsx 或 allocations.xlsx')
    .meta({ param: { name: 'file', in: 'path' }, example: 'classes.xlsx' }),
});

const templateRoute = createRoute({
  method: 'get', path: '/templates/{file}', tags: ['imports'], request: { params: TemplateParamSchema },
  summary: '导入模板（Excel）：中文表头、示例行，及逐列说明填写规则的「填表说明」表',
  responses: { 200: { content: { [FILE_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) } }, description: '文件名如「培训班导入模板.xlsx」' }, ...errorResponses },
});

export const importRoutes = createRouter().openapi(templateRoute, async (c) => {
  const kind = ImportKindSchema.parse(c.req.valid('param').file.replace(/\.xlsx$/, ''));
  // A blank form: anyone signed in may look at what an import asks for; importing itself is 'write:data'.
  await authorize(c, 'read:headline');
  return fileAnswer(c, await renderImportTemplate(kind), 'xlsx', templateFileName(kind));
});
