/**
 * The hostile values the fuzzer sends: path tricks, strings no field expects, wrong types, huge numbers. None of them
 * names a record, region, month with data, file or account that exists (some have the right form: 0000-01, 999999)
 * — so a request carrying one in a path parameter cannot be a valid write (see requests.ts).
 */
const LONG = 'a'.repeat(5_000);

/** Raw path segments, sent as they are (already safe for a request line): traversal and encoding tricks. */
export const RAW_PATH_VALUES = [
  '..',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e',
  '%2e%2e%2f%2e%2e',
  '%00',
  'x%00.xlsx',
  '%',
  '%zz',
  '%C0%AE%C0%AE',
  '.',
  '%20',
  '430100%0d%0aSet-Cookie:%20x=1',
  '%E2%80%AE', // RTL override, percent-encoded
  '430100;',
  '430100?x=1',
  '430100#x',
] as const;

/** Strings sent percent-encoded, in path segments, query values and JSON string fields. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '99999999999999999999999',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '0x1F',
  '1.5',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  "430100' --",
  '%',
  '_',
  '\\',
  '"',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '..\\..\\windows',
  'a\u0000b',
  '\u0000',
  '\r\n',
  '\t',
  '😀',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\u202Eabc', // right-to-left override
  'مرحبا',
  '长沙市\u200B',
  '２０２０－０５', // full-width digits
  '\uFEFF2020-05',
  '\uD800', // a lone surrogate
  '2020-13',
  '2020-00',
  '2020-05-32',
  '9999-12',
  '0000-01',
  '2020-5',
  ' 2020-05',
  '43010',
  '4301000',
  '430100 ',
  '999999',
  '000000',
  LONG,
  '长'.repeat(3_000),
] as const;

/** JSON values of every type, for a field of another type. */
export const WRONG_TYPED_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  [1, 2],
  ['x'],
  {},
  { $gt: '' },
  { __proto__: { admin: true } },
];

/** A JSON document nested `depth` levels deep. */
export function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Bodies that are not a JSON object at all: malformed, truncated, other types, nested past any reason. */
export const MALFORMED_BODIES = [
  '',
  '{',
  '}',
  '{"a":',
  '{"a" 1}',
  "{'a': 1}",
  '{"a":1,}',
  '[1,2',
  'null',
  'true',
  '0',
  '-1e999',
  '"text"',
  '[]',
  '[{}]',
  'undefined',
  'NaN',
  '\u0000',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  deepNesting(5_000, 'array'),
  deepNesting(5_000, 'object'),
  `{"a":"${'x'.repeat(70_000)}"}`,
] as const;

/** Cookie headers of a forged or broken session (the session cookie is dispatch_session). */
export const FORGED_COOKIES = [
  'dispatch_session=',
  'dispatch_session=x',
  'dispatch_session=%E0%A4%A',
  'dispatch_session=%',
  'dispatch_session=%00',
  "dispatch_session=' OR '1'='1",
  `dispatch_session=${'A'.repeat(4_000)}`,
  'dispatch_session=a; dispatch_session=b',
  'dispatch_session="quoted"',
  'dispatch_session',
  '=; ;;=',
  `dispatch_session=${encodeURIComponent('😀\u202E')}`,
] as const;

/**
 * Values of the right form at the edges of the data: months without data, years outside it, a region code of
 * another level, the last page. Valid requests, so sent only where a valid one changes nothing (reads, or writes
 * without the token).
 */
export const EDGE_VALUES: Readonly<Record<string, readonly string[]>> = {
  date: ['2020-01-01', '2020-12-31', '2020-13-45', '2020-02-30', '0000-00-00', '9999-12-31', '2026-11-27'],
  period: ['2020-01', '2020-12', '2019-12', '2021-01', '1990-01', '2100-12', '2020-02'],
  year: ['1990', '2100', '2019', '2021', '2020'],
  region: ['430000', '430100', '430182', '433100', '431300', '439999', '110000', '430200'],
  number: ['1', '2', '100', '200', '201', '999999', '2147483648', '9007199254740991'],
  file: ['1.pdf', '1.docx', '1.xlsx', '999999.pdf', 'audits.xlsx', 'targets.xlsx', 'allocations.xlsx'],
  text: ['%', '_', '%%', 'a%b', '长沙', ' ', 'K2020'],
};

/** Which list of EDGE_VALUES a parameter takes its edges from. */
export function edgeValuesFor(name: string, type: string | undefined): readonly string[] {
  if (/^(from|to)$/.test(name)) return EDGE_VALUES.date!;
  if (/period/.test(name)) return EDGE_VALUES.period!;
  if (/year/.test(name)) return EDGE_VALUES.year!;
  if (/code|parent|city|region/i.test(name)) return EDGE_VALUES.region!;
  if (name === 'file') return EDGE_VALUES.file!;
  if (type === 'integer' || /id|round|page/i.test(name)) return EDGE_VALUES.number!;
  return EDGE_VALUES.text!;
}

/** Request headers the server reads, with values it does not expect: encodings, caching, origin, proxies, ranges. */
export const HOSTILE_HEADERS: readonly [string, string][] = [
  ['accept-encoding', 'br;q=NaN, gzip;q=1e999, *;q=-1'],
  ['accept-encoding', 'gzip,'.repeat(2_000)],
  ['accept-encoding', 'identity;q=0, *;q=0'],
  ['accept', 'application/xml;q=2, */*;q=-1'],
  ['if-none-match', '"' + 'x'.repeat(4_000) + '"'],
  ['if-none-match', '*'],
  ['if-none-match', 'W/"", "", ,,'],
  ['if-modified-since', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['if-modified-since', 'not a date'],
  ['range', 'bytes=0-0,-1,5-1,9999999999999999-'],
  ['origin', 'null'],
  ['origin', 'http://evil.example'],
  ['sec-fetch-site', 'cross-site'],
  ['x-csrf-token', "' OR '1'='1"],
  ['x-forwarded-for', '1.2.3.4, ' + '5.6.7.8, '.repeat(500) + "' OR 1=1"],
  ['x-forwarded-for', 'not-an-address'],
  ['x-forwarded-proto', 'gopher'],
  ['x-request-id', '\u202E' + 'r'.repeat(300)],
  ['content-length', '0'],
  ['transfer-encoding', 'gzip'],
  ['expect', '100-continue'],
  ['host', 'evil.example'],
];
