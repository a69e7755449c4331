import { z } from 'zod';
import { chineseIssueMessage } from './zod-messages.ts';

// Zod's own messages (a rule that has not said its own) in plain Chinese, like every message of the product.
z.config({ localeError: chineseIssueMessage });

/** Every failure the API answers: a code for programs, a message in Chinese for people. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** for a failed sign-in: attempts left before the account is held back */
      remaining: z.number().int().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

/**
 * A number in the path (an action's, a note's, a round's): plain digits with no leading zero — `0x5`, ` 5`, `5.0`,
 * `1e3`, `05` are refused with `message`, not read as 5 or 1000 the way a number coercion would: one number, one
 * way to write it.
 */
export function pathNumber(name: string, message: string) {
  return z
    .string({ error: message })
    .regex(/^[1-9]\d{0,14}$/, message)
    .transform(Number)
    .pipe(z.number().int(message).min(1, message))
    .meta({ param: { name, in: 'path' }, example: '1' });
}

const positiveInt = (message: string) => z.coerce.number({ error: message }).int(message).min(1, message);

/** `page` and `pageSize` query parameters, with the largest page a list allows. */
export function pageQuery(maxPageSize: number, defaultPageSize: number) {
  const sizeRule = `每页条数应为 1–${maxPageSize}`;
  return z.object({
    page: positiveInt('页码应为正整数').default(1),
    pageSize: positiveInt(sizeRule).max(maxPageSize, sizeRule).default(defaultPageSize),
  });
}

/** One page of a list: the rows, where they are, and how many match in all. */
export function pageOf<Row extends z.ZodType, Extra extends z.ZodRawShape>(row: Row, extra: Extra) {
  return z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), ...extra, rows: z.array(row) });
}
