import type { OpenAPIV3 } from 'openapi-types';
import type { HttpMethod } from '../http/route-table.js';

/** An OpenAPI 3 document as parsed from JSON or YAML. */
export type OpenApiDocument = OpenAPIV3.Document;

/**
 * A schema object as written in the bundled document: JSON-safe, and any `$ref` inside still points at
 * `#/components/...` of {@link OpenApi.bundled}. The dereferenced twin sits at the same pointer in {@link OpenApi.document}.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ApiParameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly description?: string;
  /** The parameter's schema with a top-level `$ref` already followed; `{}` when the document gives none. */
  readonly schema: JsonSchema;
  /** JSON pointer of that schema in the bundled document; absent when the document gives none. */
  readonly pointer?: string;
}

export interface ApiPayload {
  readonly contentType: string;
  readonly schema?: JsonSchema;
  /** JSON pointer of the schema in the bundled document. */
  readonly pointer?: string;
}

export interface ApiRequestBody extends ApiPayload {
  readonly required: boolean;
}

export interface ApiSuccessResponse extends Partial<ApiPayload> {
  /** The lowest 2xx status the operation declares (a `2XX` range counts as 200). */
  readonly status: number;
}

/** What `page-size` allows, read from the parameter's schema. */
export interface PageSizeLimits {
  readonly default?: number;
  readonly maximum?: number;
}

/** One operation of the document, flattened for lookups, validation, the explorer and the bootstrap plan. */
export interface ApiOperation {
  /** The document's operationId; `METHOD /path` when the document has none. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path template, e.g. `/v1/workspaces/{workspaceId}/projects`. */
  readonly path: string;
  /** JSON pointer of the operation object, valid in both the bundled and the dereferenced document. */
  readonly pointer: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  /** Path-level and operation-level parameters merged (the operation's win). */
  readonly parameters: readonly ApiParameter[];
  readonly requestBody?: ApiRequestBody;
  readonly successResponse?: ApiSuccessResponse;
  /** Clockify scopes from `x-scopes`; empty when the document does not say. */
  readonly scopes: readonly string[];
  /** True when the operation takes both `page` and `page-size` query parameters. */
  readonly paginated: boolean;
  readonly pageSize?: PageSizeLimits;
  /** True for methods that do not change anything (GET, HEAD, OPTIONS). */
  readonly readOnly: boolean;
  readonly deprecated: boolean;
  /** Server URLs declared on the operation or its path (e.g. another host for time off); empty when only the document's apply. */
  readonly servers: readonly string[];
}

export interface OperationMatch {
  readonly operation: ApiOperation;
  /** Path parameters taken from the concrete path, decoded. */
  readonly params: Readonly<Record<string, string>>;
}

export interface OperationIndex {
  readonly operations: readonly ApiOperation[];
  get(operationId: string): ApiOperation | undefined;
  /** Like `get`, but a missing operation is an `OPENAPI_UNKNOWN_OPERATION` error naming the closest operationId. */
  require(operationId: string): ApiOperation;
  /** The operation for a method and a concrete path (`/v1/workspaces/abc/projects`) or a path template. */
  match(method: string, path: string): OperationMatch | undefined;
}

/** One validation problem: where (a JSON pointer starting with the part: `/query/page-size`, `/body/name`) and what. */
export interface ValidationIssue {
  readonly pointer: string;
  readonly message: string;
}

export interface Validation<T> {
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
  /** The validated value; for parameters, a copy with types coerced and defaults filled in. */
  readonly value: T;
}

/** Raw request parameters as strings, the way an HTTP request carries them. */
export interface RequestParams {
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  readonly header?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export interface CoercedParams {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly header: Record<string, unknown>;
}

export type ValidatorKind = 'params' | 'body' | 'response';

/** Validators per operation, each compiled on first use and then cached. */
export interface OperationValidators {
  params(operationId: string, input: RequestParams): Validation<CoercedParams>;
  /** Validates a request body; `undefined` stands for "no body". */
  body(operationId: string, body: unknown): Validation<unknown>;
  /** Validates the body of a success response against the operation's success schema. */
  response(operationId: string, body: unknown): Validation<unknown>;
  /** Compiles the three validators of an operation now (warm-up, or proving a document compiles). */
  precompile(operationId: string): void;
  isCompiled(operationId: string, kind: ValidatorKind): boolean;
  /** How many validators have been compiled so far. */
  readonly compiledCount: number;
}

/** A loaded OpenAPI document with its operation index and validators. */
export interface OpenApi {
  /** Absolute path of the document. */
  readonly file: string;
  /** Fully dereferenced; may contain cycles, so never `JSON.stringify` it. */
  readonly document: OpenApiDocument;
  /** External references inlined, internal `$ref`s kept: JSON-safe, and what Ajv compiles from. */
  readonly bundled: OpenApiDocument;
  readonly index: OperationIndex;
  readonly validators: OperationValidators;
}
