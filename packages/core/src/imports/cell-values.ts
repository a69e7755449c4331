import { IMPORT_YEARS, type ColumnType } from './columns.ts';

/** A cell as a file gives it: text (CSV, or an Excel string), a number, an Excel date, a boolean, or empty. */
export type RawCell = string | number | boolean | Date | null;

/** A cell read: its value, or why not — the words that follow 「表头」 in the message. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (reason: string): Read<never> => ({ ok: false, reason });

/** What the cell shows, quoted in messages: 「1.234,00」. */
export function shownValue(cell: RawCell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '无效日期' : cell.toISOString().slice(0, 10);
  return String(cell ?? '');
}

/** Empty: null, or text that is only spaces. */
export function isBlank(cell: RawCell): boolean {
  if (typeof cell !== 'string') return cell === null;
  // most cells start with a printable ASCII character: not blank, no regex needed
  const first = cell.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f) && BLANK_TEXT.test(cell);
}
const BLANK_TEXT = /^\s*$/;

/** Full-width digits, letters and punctuation as ASCII, spaces (also U+3000 and no-break) removed. */
const folded = (text: string) => (/[^\x21-\x7e]/.test(text) ? text.normalize('NFKC').replace(/\s+/g, '') : text);

/** Excel keeps 15 significant digits: a longer number typed into a General cell has already lost its last ones. */
const EXACT_DIGITS = 1e15;

export function readText(cell: RawCell): Read<string> {
  if (typeof cell === 'number') {
    if (Math.abs(cell) < EXACT_DIGITS) return ok(String(cell));
    return fail(`读到数字 ${BigInt(Math.round(cell))}：Excel 只保留15位有效数字，长编号的末几位已经丢失，请把此列设为文本格式后重新填写`);
  }
  if (cell instanceof Date || typeof cell === 'boolean') return fail(`应为文字，读到「${shownValue(cell)}」`);
  const text = cell ?? '';
  // most cells need no tidying: no space at either end, no run of spaces or tab inside
  return ok(UNTIDY.test(text) ? text.trim().replace(/\s+/g, ' ') : text);
}
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

const pad = (n: number) => String(n).padStart(2, '0');

const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** `text`: the cell when it already is the ISO form; `written`: the cell as the file has it, echoed in a refusal. */
function isoDate(year: number, month: number, day: number, text?: string, written?: string): Read<string> {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return fail(`「${written ?? `${year}-${pad(month)}-${pad(day)}`}」不是日历上的日期`);
  }
  if (year < IMPORT_YEARS.min || year > IMPORT_YEARS.max) return fail(`年份 ${String(year).padStart(4, '0')} 不在 ${IMPORT_YEARS.min}–${IMPORT_YEARS.max} 之间`);
  return ok(text ?? `${year}-${pad(month)}-${pad(day)}`);
}

/** Excel's day 0 of the 1900 date system, as it counts (1900 taken for a leap year): 1899-12-30. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

function fromExcelSerial(serial: number): Read<string> {
  // Serials before 1900-03-01 (61) count Excel's phantom 1900-02-29: one day later than the epoch gives.
  const days = Math.floor(serial) + (serial < 61 ? 1 : 0);
  const date = new Date(EXCEL_EPOCH + days * DAY);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FORMS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A date, as ISO text: 2020-05-03, 2020/5/3, 2020.5.3, 2020年5月3日, 20200503, with or without a time after it;
 * an Excel date (read as a Date whose UTC fields are the sheet's day) or an Excel serial number (43954).
 */
export function readDate(cell: RawCell): Read<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('不是有效日期');
    return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return Number.isFinite(cell) && cell > 0 ? fromExcelSerial(cell) : fail(`「${cell}」不是日期`);
  // the common form, 2020-05-03, as it stands
  if (typeof cell === 'string' && ISO_DATE.test(cell)) return isoDate(Number(cell.slice(0, 4)), Number(cell.slice(5, 7)), Number(cell.slice(8, 10)), cell, cell);
  const written = String(cell ?? '').trim();
  const text = folded(written);
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]), undefined, written);
  }
  if (/^\d{5}$/.test(text)) return fromExcelSerial(Number(text));
  return fail(`「${written}」不是日期，请写作 2020-05-03、2020/5/3 或 2020年5月3日`);
}

/** Digits with thousands commas in groups of three (1,234,567), or plain digits. */
const GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)$/;

const PLAIN_COUNT = /^\d{1,15}$/;

/** A count of people: a non-negative integer, 1,234 or 35人 accepted. */
export function readCount(cell: RawCell): Read<number> {
  if (typeof cell === 'string' && PLAIN_COUNT.test(cell)) return ok(Number(cell));
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return fail(`应为整数，读到 ${cell}`);
    return cell < 0 ? fail(`不能为负数，读到 ${cell}`) : ok(cell);
  }
  const text = folded(shownValue(cell)).replace(/(人次|人)$/, '');
  if (/^-\d/.test(text)) return fail(`不能为负数，读到「${shownValue(cell)}」`);
  const match = GROUPED.exec(text);
  if (!match || !Number.isSafeInteger(Number(text.replace(/,/g, '')))) return fail(`应为不小于0的整数，读到「${shownValue(cell)}」`);
  return ok(Number(text.replace(/,/g, '')));
}

/**
 * Money in integer yuan: 1234, 1,234, 1,234.00, 1234元, ¥1234. Anything that could be read two ways is refused
 * with what was read — 1.234,00 (European separators), 1,23 (a comma not grouping thousands), 12.5 (jiao or fen),
 * 约1000 — since a silent guess would move the province's money figures.
 */
export function readMoney(cell: RawCell): Read<number> {
  if (typeof cell === 'string' && PLAIN_COUNT.test(cell)) return ok(Number(cell));
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return fail(`应为不小于0的整数元，读到 ${cell}`);
    return Number.isInteger(cell) ? ok(cell) : fail(`读到 ${cell} 元：金额须为整数元，不能有角分`);
  }
  const shown = shownValue(cell);
  const text = folded(shown).replace(/^[¥￥]/, '').replace(/元$/, '');
  if (/^-/.test(text)) return fail(`不能为负数，读到「${shown}」`);
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(text)) return fail(`读到「${shown}」：无法判断其中的点和逗号哪个是小数点，请写作不带分隔符的整数元，如 ${text.replace(/\./g, '').replace(/,\d+$/, '')}`);
  // a trailing dot with nothing after it (1234.) is as whole as 1234.00
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    return /^[\d,.]+$/.test(text)
      ? fail(`读到「${shown}」：逗号应每三位分隔千位（如 1,234），无法确定金额`)
      : fail(`读到「${shown}」：不是金额，请只填整数元，如 1234 或 1,234`);
  }
  const yuan = Number(match[1]!.replace(/,/g, ''));
  if (match[2] && /[1-9]/.test(match[2])) return fail(`读到 ${yuan}.${match[2]} 元：金额须为整数元，不能有角分`);
  return Number.isSafeInteger(yuan) ? ok(yuan) : fail(`读到「${shown}」：金额过大`);
}

/** A year: 2020, 2020年, or an Excel number. */
export function readYear(cell: RawCell): Read<number> {
  const text = typeof cell === 'number' ? String(cell) : folded(shownValue(cell)).replace(/年(度)?$/, '');
  if (!/^\d{4}$/.test(text)) return fail(`应为四位年份，读到「${shownValue(cell)}」`);
  const year = Number(text);
  return year < IMPORT_YEARS.min || year > IMPORT_YEARS.max ? fail(`年份 ${text} 不在 ${IMPORT_YEARS.min}–${IMPORT_YEARS.max} 之间`) : ok(year);
}

export type AuditStatus = 'approved' | 'rejected' | 'pending';

const STATUS_WORDS: Record<string, AuditStatus> = {
  已通过: 'approved', 通过: 'approved', 审核通过: 'approved', 已审核: 'approved', approved: 'approved',
  未通过: 'rejected', 不通过: 'rejected', 审核未通过: 'rejected', 驳回: 'rejected', 已驳回: 'rejected', rejected: 'rejected',
  待审核: 'pending', 审核中: 'pending', 未审核: 'pending', pending: 'pending',
};

/** 审核状态: 已通过 / 未通过（驳回）/ 待审核, or the English ids. */
export function readStatus(cell: RawCell): Read<AuditStatus> {
  const status = STATUS_WORDS[folded(shownValue(cell)).toLowerCase()];
  return status ? ok(status) : fail(`应为 已通过、未通过 或 待审核，读到「${shownValue(cell)}」`);
}

/**
 * The common forms of a text cell read without allocating a Read — plain digits for a count or money, an ISO date
 * on the calendar and within the years, a region code of six digits, tidy text — the same value the full reading
 * gives; undefined for anything else (the full reading then decides, and words its problem).
 */
export function readCommonCell(type: ColumnType, cell: RawCell): string | number | undefined {
  if (typeof cell !== 'string') return undefined;
  switch (type) {
    case 'count':
    case 'money': {
      // the value read from the characters themselves: no regex, no conversion of the text (four cells a row)
      const value = cell.length <= 15 ? digitsValue(cell, 0, cell.length) : NaN;
      return Number.isNaN(value) ? undefined : value;
    }
    case 'text':
      return isTidy(cell) ? cell : undefined;
    case 'region':
      return REGION_CODE.test(cell) ? cell : undefined;
    case 'date': {
      // YYYY-MM-DD read from its characters: no regex, no substring made for each part
      if (cell.length !== 10 || cell.charCodeAt(4) !== HYPHEN || cell.charCodeAt(7) !== HYPHEN) return undefined;
      const year = digitsValue(cell, 0, 4);
      const month = digitsValue(cell, 5, 7);
      const day = digitsValue(cell, 8, 10);
      const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && year >= IMPORT_YEARS.min && year <= IMPORT_YEARS.max;
      return valid ? cell : undefined;
    }
    default:
      return undefined;
  }
}
const REGION_CODE = /^\d{6}$/;
const HYPHEN = 0x2d;

/**
 * Whether readText keeps a text as it is (UNTIDY does not match it: no white space first or last, none doubled, none
 * but the plain space), read from its characters: three text cells a row, where the regex took a twentieth of a
 * five-year file's checking.
 */
export function isTidy(text: string): boolean {
  let afterSpace = true; // a space first is untidy
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c > 0x20 && c < 0xa0) || !isWhiteSpace(c)) {
      afterSpace = false;
    } else {
      if (c !== 0x20 || afterSpace) return false;
      afterSpace = true;
    }
  }
  return !afterSpace || text.length === 0;
}

/** What `\s` matches: JavaScript's white space and line terminators. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The number that text[start, end) writes in ASCII digits (as Number() reads it); NaN if empty or not all digits. */
function digitsValue(text: string, start: number, end: number): number {
  if (start >= end) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit; // exact: at most 15 digits, below 2^53
  }
  return value;
}

/** A region code as text: six digits, whether the cell holds text or a number. */
export function readRegionCode(cell: RawCell): Read<string> {
  const text = typeof cell === 'number' ? String(cell) : folded(shownValue(cell));
  return /^\d{6}$/.test(text) ? ok(text) : fail(`应为6位数字的行政区划代码，读到「${shownValue(cell)}」`);
}

export interface TrainingTypeRef {
  code: string;
  name: string;
}

/** 培训类型 by its code or its Chinese name (spaces and full-width forms aside), against the known types. */
export function readTrainingType(cell: RawCell, types: readonly TrainingTypeRef[]): Read<string> {
  const words = typeWords(types);
  // a cell written exactly as a known name or code (nearly every row) needs no folding of its text
  const code = (typeof cell === 'string' ? words.get(cell) : undefined) ?? words.get(folded(shownValue(cell)).toLowerCase());
  return code !== undefined ? ok(code) : fail(`「${shownValue(cell)}」不是已知的培训类型（${types.map((t) => t.name).join('、')}）`);
}

const TYPE_WORDS = new WeakMap<readonly TrainingTypeRef[], Map<string, string>>();

/** Each type's code (lower case) and folded name → its code, made once per list: a file asks for every row. */
function typeWords(types: readonly TrainingTypeRef[]): Map<string, string> {
  let words = TYPE_WORDS.get(types);
  if (!words) {
    words = new Map();
    // the first type naming a word wins, as a search in order would find it
    for (const t of [...types].reverse()) {
      words.set(folded(t.name), t.code);
      words.set(t.code.toLowerCase(), t.code);
    }
    TYPE_WORDS.set(types, words);
  }
  return words;
}
