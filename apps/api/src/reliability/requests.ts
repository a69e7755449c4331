/**
 * One fuzzed request for an operation: plausible values everywhere but one thing broken — a path parameter, a query
 * value, the body's syntax, its content type, one field's type, a missing field, a hostile string, extra keys.
 */
import { edgeValuesFor, HOSTILE_HEADERS, HOSTILE_STRINGS, MALFORMED_BODIES, RAW_PATH_VALUES, WRONG_TYPED_VALUES } from './hostile.ts';
import { jsonTypeOf, plausibleParameter, plausibleValue, typesOf, type JsonSchema, type Operation, type Parameter } from './operations.ts';
import type { Prng } from './prng.ts';

export type Mutation = 'none' | 'edges' | 'method' | 'headers' | 'path' | 'query' | 'query-extra' | 'body-malformed' | 'body-content-type' | 'body-wrong-type' | 'body-missing' | 'body-string' | 'body-extra';

/**
 * Mutations that make a request invalid whatever else it carries: a hostile path parameter (none of them is an id,
 * code, period or file that exists), a body that is not the JSON object asked for, a field of a type the schema does
 * not allow, a required field missing. A signed-in write with its CSRF token gets only these, so that no valid write
 * can slip through by accident and the data checksum must stay equal.
 */
export const REFUSED_WHATEVER: readonly Mutation[] = ['path', 'body-malformed', 'body-content-type', 'body-wrong-type', 'body-missing'];

export interface Built {
  mutation: Mutation;
  /** another method than the operation's (the 'method' mutation) */
  method?: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export const BOUNDARY = '----reliability7MA4YWxkTrZu0gW';

/** A multipart/form-data body with BOUNDARY. */
export function multipart(parts: { name: string; filename?: string; type?: string; content: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** Percent-encodes, falling back to raw UTF-8 bytes for what encodeURIComponent refuses (a lone surrogate). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

function hostilePathValue(prng: Prng): string {
  if (prng.chance(0.05)) return 'b'.repeat(20_000); // past Node's header limit: a 431
  return prng.chance(0.4) ? prng.pick(RAW_PATH_VALUES) : encode(prng.pick(HOSTILE_STRINGS));
}

function hostileQueryValue(prng: Prng): string {
  const roll = prng.int(4);
  if (roll === 0) return encode(JSON.stringify(prng.pick(WRONG_TYPED_VALUES)) ?? '');
  if (roll === 1) return prng.pick(['1e308', '-1e308', '99999999999999999999', '-99999999999', '9007199254740993', '0', '-0', '1.0000000001']);
  return encode(prng.pick(HOSTILE_STRINGS));
}

/** A value whose JSON type the schema does not allow; undefined when the schema allows any. */
function wrongTypedFor(schema: JsonSchema, prng: Prng): unknown {
  const allowed = typesOf(schema);
  if (allowed.length === 0) return undefined;
  const wrong = WRONG_TYPED_VALUES.concat(['text', '1', '']).filter((v) => !allowed.includes(jsonTypeOf(v)));
  return wrong.length ? prng.pick(wrong) : undefined;
}

/** A value at the edge of the data for a parameter (an enum's any value, a month without data, another level's code). */
function edgeValue(parameter: Parameter, prng: Prng): string {
  if (parameter.schema.enum?.length) return String(prng.pick(parameter.schema.enum));
  const type = Array.isArray(parameter.schema.type) ? parameter.schema.type[0] : parameter.schema.type;
  return prng.pick(edgeValuesFor(parameter.name, type));
}

function pathOf(op: Operation, prng: Prng, mutation: Mutation): string {
  const broken = mutation === 'path' ? prng.pick(op.pathParams).name : undefined;
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = op.pathParams.find((p) => p.name === name)!;
    if (name === broken) return hostilePathValue(prng);
    return encode(mutation === 'edges' && prng.chance(0.7) ? edgeValue(parameter, prng) : plausibleParameter(parameter));
  });
}

function queryOf(op: Operation, prng: Prng, mutation: Mutation): string {
  const pairs: [string, string][] = op.queryParams
    .filter((p) => p.required || prng.chance(0.5))
    .map((p) => [p.name, encode(mutation === 'edges' && prng.chance(0.7) ? edgeValue(p, prng) : plausibleParameter(p))]);
  if (mutation === 'query' && op.queryParams.length) {
    const target = prng.pick(op.queryParams);
    const rest = pairs.filter(([name]) => name !== target.name);
    const roll = prng.int(5);
    if (roll === 0) pairs.splice(0, pairs.length, ...rest); // missing (a required one refused)
    else if (roll === 1) pairs.splice(0, pairs.length, ...rest, [target.name, ''], [target.name, '']);
    else if (roll === 2) pairs.splice(0, pairs.length, ...rest, [target.name, encode(plausibleParameter(target))], [target.name, hostileQueryValue(prng)]);
    else pairs.splice(0, pairs.length, ...rest, [target.name, hostileQueryValue(prng)]);
  }
  if (mutation === 'query-extra') pairs.push([encode(prng.pick(['__proto__', 'constructor', 'x', '😀', 'a[b]', 'period[]'])), hostileQueryValue(prng)]);
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

/** The body for a JSON operation, and the content type it is sent with. */
function jsonBodyOf(schema: JsonSchema, prng: Prng, mutation: Mutation): { type?: string; body: string | Buffer } {
  const value = plausibleValue(schema) as Record<string, unknown>;
  const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const properties = schema.properties ?? {};
  switch (mutation) {
    case 'body-malformed':
      return { type: 'application/json', body: prng.pick(MALFORMED_BODIES) };
    case 'body-content-type':
      return prng.pick([
        { type: 'application/x-www-form-urlencoded', body: fields.map((f) => `${f}=1`).join('&') || 'a=1' },
        { type: 'text/plain', body: JSON.stringify(value) },
        { type: `multipart/form-data; boundary=${BOUNDARY}`, body: multipart([{ name: 'json', content: JSON.stringify(value) }]) },
        { type: 'application/xml', body: '<a>1</a>' },
        { type: 'application/json; charset=gbk', body: Buffer.from([0x7b, 0x22, 0xb3, 0xa4, 0x22, 0x3a, 0x31, 0x7d]) },
      ]);
    case 'body-wrong-type': {
      const candidates = fields.filter((f) => wrongTypedFor(properties[f] ?? {}, prng) !== undefined);
      if (!candidates.length) return { type: 'application/json', body: JSON.stringify(prng.pick([[], 'x', 1, null])) };
      const field = prng.pick(candidates);
      return { type: 'application/json', body: JSON.stringify({ ...value, [field]: wrongTypedFor(properties[field]!, prng) }) };
    }
    case 'body-missing': {
      const required = schema.required ?? [];
      const field = required.length ? prng.pick(required) : undefined;
      const rest = { ...value };
      if (field) delete rest[field];
      return { type: 'application/json', body: field ? JSON.stringify(rest) : '"not an object"' };
    }
    case 'body-string': {
      const strings = fields.filter((f) => typesOf(properties[f] ?? {}).includes('string'));
      const field = strings.length ? prng.pick(strings) : prng.pick(['x', ...fields]);
      return { type: 'application/json', body: JSON.stringify({ ...value, [field]: prng.pick(HOSTILE_STRINGS) }) };
    }
    case 'body-extra': {
      const extra = { ...value, [prng.pick(['isAdmin', 'role', 'id', '__proto__', 'constructor', '😀'])]: prng.pick(WRONG_TYPED_VALUES), nulls: null };
      if (fields.length && prng.chance(0.5)) extra[prng.pick(fields)] = null;
      return { type: 'application/json', body: JSON.stringify(extra) };
    }
    default:
      return { type: 'application/json', body: JSON.stringify(value) };
  }
}

/** The body for a file upload (multipart): garbage files, a missing part, JSON instead, a broken boundary. */
function multipartBodyOf(prng: Prng, mutation: Mutation): { type?: string; body: string | Buffer } {
  const type = `multipart/form-data; boundary=${BOUNDARY}`;
  if (mutation === 'body-content-type') return { type: prng.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']), body: '{"file":"x"}' };
  if (mutation === 'body-malformed') return { type, body: prng.pick([`--${BOUNDARY}\r\nbroken`, 'no boundary at all', `--${BOUNDARY}--`, '']) };
  if (mutation === 'body-missing') return { type, body: multipart([{ name: 'other', content: 'x' }]) };
  const garbage = prng.pick<string | Buffer>([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), // a zip's signature and nothing more
    Buffer.alloc(2048, 0xff),
    '序号,班级编号\n1,' + prng.pick(HOSTILE_STRINGS),
    prng.pick(HOSTILE_STRINGS),
    '',
  ]);
  return { type, body: multipart([{ name: 'file', filename: prng.pick(['a.xlsx', 'a.csv', '../../a.xlsx', '😀.xlsx', 'a']), type: 'application/octet-stream', content: garbage }]) };
}

/** The mutations that apply to an operation; only REFUSED_WHATEVER ones when `mustBeRefused`. */
export function mutationsFor(op: Operation, mustBeRefused: boolean): Mutation[] {
  const all: Mutation[] = ['none', 'query-extra', 'method', 'headers'];
  if (op.pathParams.length || op.queryParams.length) all.push('edges', 'edges');
  if (op.pathParams.length) all.push('path');
  if (op.queryParams.length) all.push('query');
  if (op.body) all.push('body-malformed', 'body-content-type', 'body-wrong-type', 'body-missing', 'body-string', 'body-extra');
  return mustBeRefused ? all.filter((m) => REFUSED_WHATEVER.includes(m)) : all;
}

export function buildRequest(op: Operation, mutation: Mutation, prng: Prng): Built {
  const built = buildBase(op, mutation, prng);
  if (mutation === 'headers') {
    const [name, value] = prng.pick(HOSTILE_HEADERS);
    built.headers[name] = value;
  }
  return built;
}

function buildBase(op: Operation, mutation: Mutation, prng: Prng): Built {
  const path = pathOf(op, prng, mutation) + queryOf(op, prng, mutation);
  if (mutation === 'method') return { mutation, method: prng.pick(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => m !== op.method)), path, headers: {} };
  if (!op.body) return { mutation, path, headers: {} };
  const { type, body } = op.body.contentType.startsWith('multipart/') ? multipartBodyOf(prng, mutation) : jsonBodyOf(op.body.schema, prng, mutation);
  return { mutation, path, headers: type ? { 'content-type': type } : {}, body };
}
