import type { ApiOperation, HttpMethod, JsonSchema, OpenApi, ParameterLocation } from '../../runtime/index.js';
import { entryOf } from '../../runtime/index.js';
import { checkScopes, operationScopes, type ScopeSource } from './operation-scopes.js';
import { type Components, referencedComponents } from './referenced-components.js';

export interface ListedParameter {
  in: ParameterLocation;
  name: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface ListedOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  deprecated: boolean;
  /** GET and the like: runs for every user; anything else needs an admin and `confirm: true`. */
  readOnly: boolean;
  parameters: ListedParameter[];
  requestBody: { contentType: string; required: boolean; schema?: JsonSchema } | null;
  scopes: readonly string[];
  scopesSource: ScopeSource;
  /** False when the manifest lacks a scope the operation (likely) needs; `reason` says which. */
  allowed: boolean;
  reason?: string;
}

export interface EndpointListing {
  document: { title?: string; version?: string; operations: number };
  grantedScopes: string[];
  groups: { tag: string; operations: ListedOperation[] }[];
  /** What the schemas' `$ref`s point at: resolve `#/components/<kind>/<name>` against `{ components }`. */
  components: Components;
}

const UNTAGGED = 'Other';

/**
 * Every operation of the document grouped by tag (document order), each flagged against the manifest's scopes
 * rather than hidden: a user learns what the add-on could do with another scope.
 */
export function listEndpoints(openapi: OpenApi, granted: ReadonlySet<string>): EndpointListing {
  const groups = new Map<string, ListedOperation[]>();
  for (const operation of openapi.index.operations) {
    const listed = listOperation(operation, granted);
    for (const tag of operation.tags.length > 0 ? operation.tags : [UNTAGGED]) {
      entryOf(groups, tag, () => []).push(listed);
    }
  }
  const roots = openapi.index.operations.flatMap((operation) => [
    ...operation.parameters.map((parameter) => parameter.schema),
    operation.requestBody?.schema,
  ]);
  const info = openapi.bundled.info;
  return {
    document: { title: info?.title, version: info?.version, operations: openapi.index.operations.length },
    grantedScopes: [...granted],
    groups: [...groups].map(([tag, operations]) => ({ tag, operations })),
    components: referencedComponents(openapi.bundled, roots),
  };
}

function listOperation(operation: ApiOperation, granted: ReadonlySet<string>): ListedOperation {
  const needed = operationScopes(operation);
  const verdict = checkScopes(needed, granted);
  const { requestBody } = operation;
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    ...(operation.summary ? { summary: operation.summary } : {}),
    deprecated: operation.deprecated,
    readOnly: operation.readOnly,
    parameters: operation.parameters.map(({ in: location, name, required, description, schema }) => ({
      in: location,
      name,
      required,
      ...(description ? { description } : {}),
      schema,
    })),
    requestBody: requestBody ? { contentType: requestBody.contentType, required: requestBody.required, schema: requestBody.schema } : null,
    scopes: needed.scopes,
    scopesSource: needed.source,
    allowed: verdict.allowed,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
  };
}
