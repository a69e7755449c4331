import type { z } from 'zod';
import { formatExact } from '../display/numbers.ts';

/**
 * Zod's own messages — for a rule that has not said its own — in plain Chinese. Zod's zh-CN locale writes types
 * and sizes in English (「期望 string，实际接收 数组」「期望 string >=1 字符」), which reached people verbatim.
 * The parameter's name is added by the API around the message.
 */

const TYPES: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', bigint: '整数', nan: '非数字', boolean: '布尔值（true 或 false）', object: '对象',
  record: '对象', array: '数组', tuple: '数组', set: '数组', date: '日期', null: '空值', undefined: '空', file: '文件',
};

/** What a value is, in Chinese. */
function typeOf(value: unknown): string {
  if (value === null) return TYPES.null!;
  if (Array.isArray(value)) return TYPES.array!;
  if (typeof value === 'number') return Number.isNaN(value) ? TYPES.nan! : TYPES.number!;
  return TYPES[typeof value] ?? '其他类型';
}

const typeName = (expected: string) => TYPES[expected] ?? '其他类型';
const bound = (value: number | bigint) => (typeof value === 'bigint' ? value.toString() : formatExact(value));
const literal = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? formatExact(value) : String(value));

const COUNTED: Record<string, string> = { string: '个字符', array: '项', set: '项' };

/** A bound on a size (characters of text, items of a list) or on a value; `side` says which. */
function limit(side: 'min' | 'max', issue: { origin: string; inclusive?: boolean; exact?: boolean }, size: string): string {
  const unit = COUNTED[issue.origin];
  if (!unit) return side === 'min' ? `${issue.inclusive ? '不能小于' : '应大于'} ${size}` : `${issue.inclusive ? '不能大于' : '应小于'} ${size}`;
  if (issue.exact) return `应为 ${size} ${unit}`;
  if (side === 'min') return issue.inclusive ? `至少 ${size} ${unit}` : `应多于 ${size} ${unit}`;
  return issue.inclusive ? `最多 ${size} ${unit}` : `应少于 ${size} ${unit}`;
}

type Issue = z.core.$ZodRawIssue;

export function chineseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少此项，应为${typeName(issue.expected)}` : `应为${typeName(issue.expected)}，实际为${typeOf(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${literal(issue.values[0])}` : `应为 ${issue.values.map(literal).join('、')} 之一`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1 && !issue.exact) return '不能为空';
      return limit('min', issue, bound(issue.minimum));
    case 'too_big':
      return limit('max', issue, bound(issue.maximum));
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${formatExact(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `不接受未知的键：${issue.keys.join('、')}`;
    case 'invalid_key':
      return '含有无效的键';
    case 'invalid_element':
      return '含有无效的值';
    case 'invalid_union':
      return '不符合任何一种可接受的写法';
    default:
      return '取值无效';
  }
}
