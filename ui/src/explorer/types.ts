/**
 * The shapes of the explorer's JSON API (plugins/explorer/README.md) as the component reads them. They mirror the
 * plugin's own types; the UI bundle cannot import server modules, so they are restated here.
 * tests/contract/ui-wire-types.test.ts checks at type-check time that the server's answers still fit them.
 */

/** An OpenAPI 3.0 schema object, as much of it as the form and the validator understand. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  title?: string;
  description?: string;
  default?: unknown;
  example?: unknown;
  /** Set by the server only (response-only): the form leaves it out. */
  readOnly?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  /** A boolean in OpenAPI 3.0, a number in 3.1. */
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/** What the schemas' `$ref`s point at: `#/components/<kind>/<name>`. */
export type Components = Record<string, Record<string, JsonSchema> | undefined>;

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ListedParameter {
  in: ParameterLocation;
  name: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface ListedOperation {
  operationId: string;
  method: string;
  path: string;
  summary?: string;
  deprecated: boolean;
  readOnly: boolean;
  parameters: ListedParameter[];
  requestBody: { contentType: string; required: boolean; schema?: JsonSchema } | null;
  scopes: readonly string[];
  scopesSource: string;
  allowed: boolean;
  reason?: string;
}

export interface EndpointListing {
  document: { title?: string; version?: string; operations: number };
  grantedScopes: string[];
  groups: { tag: string; operations: ListedOperation[] }[];
  components: Components;
}

/** Parameter values as the execute route takes them: scalars, a query parameter possibly repeated. */
export type ParamValue = string | number | boolean | (string | number | boolean)[];

export interface CallParams {
  path: Record<string, ParamValue>;
  query: Record<string, ParamValue>;
  header: Record<string, ParamValue>;
}

/** The body of `POST /execute`. */
export interface ExecuteRequest {
  operationId: string;
  params: CallParams;
  body?: unknown;
  confirm?: boolean;
  dryRun?: boolean;
}

/** A call that was sent: Clockify's answer, whatever its status. */
export interface SentCall {
  operationId: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  durationMs: number;
  truncated: boolean;
  sizeBytes: number;
  attempts: number;
  historyId: number | null;
}

/** A dry run: the request as it would leave, never with the installation token. */
export interface DryRun {
  dryRun: true;
  operationId: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  note: string;
}

export interface CallSummary {
  id: number;
  userId: string;
  operationId: string;
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  responseBytes: number;
  responseTruncated: boolean;
  error: string | null;
  replayable: boolean;
  createdAt: string;
}

export interface CallDetail extends CallSummary {
  params: CallParams;
  requestBody: unknown;
  responseBody: unknown;
}

export interface PresetInput {
  name: string;
  operationId: string;
  params: CallParams;
  body?: unknown;
}

export interface Preset extends PresetInput {
  id: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One problem at the JSON pointer of the value at fault (`/params/query/page-size`, `/body/name`). */
export interface FieldError {
  pointer: string;
  message: string;
}
