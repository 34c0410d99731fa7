import type { HttpMethod } from '../http/route-table.js';
import { childPointer, pointerOf, resolveLocal } from './json-pointer.js';
import type {
  ApiOperation,
  ApiParameter,
  ApiPayload,
  ApiRequestBody,
  ApiSuccessResponse,
  JsonSchema,
  PageSizeLimits,
  ParameterLocation,
} from './types.js';

type Node = Record<string, unknown>;

/** The OpenAPI operation keys the runtime can call; `trace` is left out on purpose (no HTTP client sends it). */
export const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'] satisfies ParameterLocation[];
const READ_ONLY_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS'];

export interface BuildOperationOptions {
  /** The bundled document: `$ref`s are followed inside it. */
  doc: unknown;
  path: string;
  method: (typeof OPERATION_METHODS)[number];
}

/** Flattens one operation of the bundled document into an {@link ApiOperation}. */
export function buildOperation({ doc, path, method }: BuildOperationOptions): ApiOperation | undefined {
  const itemPointer = pointerOf('paths', path);
  const item = resolveLocal(doc, (doc as { paths: Node }).paths[path], itemPointer);
  const pointer = childPointer(item?.pointer ?? itemPointer, method);
  const operation = item?.node[method];
  if (!item || !isNode(operation)) return undefined;
  const upper = method.toUpperCase() as HttpMethod;
  const parameters = mergeParameters(doc, item, operation, pointer);
  const query = new Set(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name));
  const paginated = query.has('page') && query.has('page-size');
  return {
    operationId: typeof operation.operationId === 'string' ? operation.operationId : `${upper} ${path}`,
    method: upper,
    path,
    pointer,
    summary: typeof operation.summary === 'string' ? operation.summary : undefined,
    tags: strings(operation.tags),
    parameters,
    requestBody: requestBodyOf(doc, operation.requestBody, childPointer(pointer, 'requestBody')),
    successResponse: successResponseOf(doc, operation.responses, childPointer(pointer, 'responses')),
    scopes: strings(operation['x-scopes']),
    paginated,
    pageSize: paginated ? pageSizeOf(parameters) : undefined,
    readOnly: READ_ONLY_METHODS.includes(upper),
    deprecated: operation.deprecated === true,
    servers: serverUrls(operation.servers ?? item.node.servers),
  };
}

function mergeParameters(doc: unknown, item: { node: Node; pointer: string }, operation: Node, pointer: string): ApiParameter[] {
  const merged = new Map<string, ApiParameter>();
  const lists: [unknown, string][] = [
    [item.node.parameters, childPointer(item.pointer, 'parameters')],
    [operation.parameters, childPointer(pointer, 'parameters')],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, position) => {
      const parameter = parameterOf(doc, raw, childPointer(listPointer, position));
      if (parameter) merged.set(`${parameter.in}:${parameter.name}`, parameter);
    });
  }
  return [...merged.values()];
}

function parameterOf(doc: unknown, raw: unknown, at: string): ApiParameter | undefined {
  const resolved = resolveLocal(doc, raw, at);
  if (!resolved) return undefined;
  const { node, pointer } = resolved;
  if (typeof node.name !== 'string' || typeof node.in !== 'string' || !LOCATIONS.includes(node.in)) return undefined;
  // A parameter carries its schema either directly or, for structured values, under `content`.
  const payload = isNode(node.schema)
    ? schemaAt(doc, node.schema, childPointer(pointer, 'schema'))
    : payloadOf(doc, node.content, childPointer(pointer, 'content'));
  return {
    name: node.name,
    in: node.in as ParameterLocation,
    required: node.required === true,
    description: typeof node.description === 'string' ? node.description : undefined,
    schema: payload?.schema ?? {},
    pointer: payload?.pointer,
  };
}

function requestBodyOf(doc: unknown, raw: unknown, at: string): ApiRequestBody | undefined {
  const resolved = resolveLocal(doc, raw, at);
  if (!resolved) return undefined;
  const payload = payloadOf(doc, resolved.node.content, childPointer(resolved.pointer, 'content'));
  return payload ? { ...payload, required: resolved.node.required === true } : undefined;
}

function successResponseOf(doc: unknown, responses: unknown, at: string): ApiSuccessResponse | undefined {
  if (!isNode(responses)) return undefined;
  const key = Object.keys(responses)
    .filter((status) => /^2(\d\d|XX)$/i.test(status))
    .sort()[0];
  if (key === undefined) return undefined;
  const status = /^\d+$/.test(key) ? Number(key) : 200;
  const resolved = resolveLocal(doc, responses[key], childPointer(at, key));
  const payload = resolved && payloadOf(doc, resolved.node.content, childPointer(resolved.pointer, 'content'));
  return { status, ...payload };
}

/** Picks the JSON media type of a `content` map (official Clockify documents also use `*\/*`). */
function payloadOf(doc: unknown, content: unknown, at: string): ApiPayload | undefined {
  if (!isNode(content)) return undefined;
  const types = Object.keys(content);
  const contentType =
    types.find((type) => type === 'application/json') ??
    types.find((type) => /[/+]json\b/.test(type)) ??
    types.find((type) => type === '*/*') ??
    types[0];
  if (contentType === undefined) return undefined;
  const media = content[contentType];
  const schema = isNode(media) && isNode(media.schema) ? schemaAt(doc, media.schema, childPointer(at, contentType, 'schema')) : undefined;
  return { contentType, ...schema };
}

function schemaAt(doc: unknown, raw: unknown, at: string): { schema: JsonSchema; pointer: string } | undefined {
  const resolved = resolveLocal(doc, raw, at);
  return resolved ? { schema: resolved.node, pointer: resolved.pointer } : undefined;
}

function pageSizeOf(parameters: readonly ApiParameter[]): PageSizeLimits {
  const schema = parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'page-size')?.schema ?? {};
  return { default: numberOf(schema.default), maximum: numberOf(schema.maximum) };
}

// Some official parameters type `page-size` as a string with a string default ("50").
function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function serverUrls(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((server) => (isNode(server) && typeof server.url === 'string' ? [server.url] : []));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
