import { expect, test } from 'vitest';
import { z } from 'zod';
import './envelope.ts'; // configures zod's messages, as every use of the contract does

const message = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;

test.each([
  ['text given a list', z.string(), ['a', 'b'], '应为文本，实际为数组'],
  ['a number given text', z.number(), 'x', '应为数字，实际为文本'],
  ['an object missing', z.object({ a: z.object({}) }), {}, '缺少此项，应为对象'],
  ['an object given null', z.object({}), null, '应为对象，实际为空值'],
  ['a boolean given a number', z.boolean(), 1, '应为布尔值（true 或 false），实际为数字'],
  ['a whole number given a fraction', z.number().int(), 1.5, '应为整数，实际为数字'],
  ['a coerced number given nothing numeric', z.coerce.number(), 'abc', '应为数字，实际为非数字'],
  ['an unknown key', z.strictObject({}), { extra: 1, other: 2 }, '不接受未知的键：extra、other'],
  ['one of several values', z.enum(['a', 'b']), 'c', '应为 a、b 之一'],
  ['one value', z.literal(true), false, '应为 true'],
  ['empty text', z.string().min(1), '', '不能为空'],
  ['short text', z.string().min(3), 'ab', '至少 3 个字符'],
  ['long text', z.string().max(2), 'abc', '最多 2 个字符'],
  ['text of a set length', z.string().length(6), 'abc', '应为 6 个字符'],
  ['a number too small', z.number().min(-10), -12, '不能小于 −10'],
  ['a number too big', z.number().lt(1), 1, '应小于 1'],
  ['too many items', z.array(z.number()).max(1), [1, 2], '最多 1 项'],
  ['a pattern', z.string().regex(/^\d+$/), 'x', '格式不正确'],
  ['a multiple', z.number().multipleOf(5), 3, '应为 5 的整数倍'],
  ['a union', z.union([z.string(), z.number()]), true, '不符合任何一种可接受的写法'],
])('%s: %s', (_, schema, input, expected) => {
  expect(message(schema, input)).toBe(expected);
});

test('no message names a type in English', () => {
  const cases: [z.ZodType, unknown][] = [
    [z.string(), undefined], [z.string(), 1], [z.number(), null], [z.object({}), []], [z.array(z.string()), {}], [z.boolean(), 'yes'], [z.date(), 'x'], [z.bigint(), 1],
  ];
  for (const [schema, input] of cases) expect(message(schema, input)).not.toMatch(/string|number|object|array|undefined|null|boolean|bigint|date|json/i);
});
