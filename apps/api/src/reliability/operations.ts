/**
 * The operations of the API as its OpenAPI document states them, with a plausible value for every parameter and
 * body field: the fuzzer starts from these and breaks one thing at a time.
 */

/** The part of a JSON schema (OpenAPI 3.1) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  minItems?: number;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** with `{name}` placeholders, as in the document */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** the body's media type and schema, when the operation takes one */
  body?: { contentType: string; schema: JsonSchema; required: boolean };
  /** error statuses the document answers with a body of its own rather than the Error shape (an import's report) */
  ownErrorBodies: number[];
}

interface OperationSpec {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OperationSpec>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document, in its order. */
export function readOperations(document: OpenApiDocument): Operation[] {
  const resolve = (schema: JsonSchema): JsonSchema => resolveRefs(schema, document.components?.schemas ?? {}, 0);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const parameters = (spec.parameters ?? []).map((p) => ({ in: p.in, name: p.name, required: p.required === true, schema: resolve(p.schema ?? {}) }));
      const [contentType, media] = Object.entries(spec.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: contentType && media ? { contentType, schema: resolve(media.schema), required: spec.requestBody?.required === true } : undefined,
        ownErrorBodies: ownErrorBodies(spec),
      });
    }
  }
  return operations;
}

function ownErrorBodies(spec: OperationSpec): number[] {
  return Object.entries(spec.responses ?? {})
    .filter(([status, answer]) => Number(status) >= 400 && answer.content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error')
    .map(([status]) => Number(status));
}

function resolveRefs(schema: JsonSchema, components: Record<string, JsonSchema>, depth: number): JsonSchema {
  if (depth > 20) return {};
  const named = schema.$ref ? components[schema.$ref.replace('#/components/schemas/', '')] : undefined;
  const base = named ? { ...named, ...schema, $ref: undefined } : schema;
  const inner = (s: JsonSchema) => resolveRefs(s, components, depth + 1);
  return {
    ...base,
    properties: base.properties && Object.fromEntries(Object.entries(base.properties).map(([k, v]) => [k, inner(v)])),
    items: base.items && inner(base.items),
    anyOf: base.anyOf?.map(inner),
    oneOf: base.oneOf?.map(inner),
    allOf: base.allOf?.map(inner),
  };
}

/** Values a parameter of this name takes in the demo data, where the document gives no example. */
const BY_NAME: Record<string, string> = {
  period: '2020-05', year: '2020', code: '430100', regionCode: '430100', parent: '430100', city: '430100', region: '430100',
  id: '1', round: '1', login: 'demo-viewer', file: 'classes.xlsx', kind: 'classes',
};

/** A plausible value for a parameter: its example, first enum value, default, or the demo's value for its name. */
export function plausibleParameter(parameter: Parameter): string {
  const s = parameter.schema;
  const value = s.example ?? s.enum?.[0] ?? s.default ?? BY_NAME[parameter.name] ?? (s.type === 'integer' ? 1 : 'x');
  return String(value);
}

/** A plausible instance of a schema: examples, enums and defaults where given, every property filled. */
export function plausibleValue(schema: JsonSchema): unknown {
  const s = schema.allOf?.length ? Object.assign({}, ...schema.allOf) as JsonSchema : schema;
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return plausibleValue(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]!);
  switch (typesOf(s)[0]) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausibleValue(v)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => plausibleValue(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return s.pattern === '^\\d{6}$' ? '430100' : '说明';
    default:
      return null;
  }
}

/** The JSON types a schema allows ('integer' counted as 'number'); empty when it does not say. */
export function typesOf(schema: JsonSchema): string[] {
  const direct = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(typesOf);
  const fromEnum = (schema.enum ?? []).map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v));
  const inferred = schema.properties ? ['object'] : [];
  return [...new Set([...direct, ...nested, ...fromEnum, ...inferred].map((t) => (t === 'integer' ? 'number' : t)))];
}

/** The JSON type of a value, as typesOf names them. */
export function jsonTypeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
