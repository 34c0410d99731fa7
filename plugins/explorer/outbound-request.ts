import type { ApiOperation, ClockifyMethod } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import type { CallParams } from './execute-input.js';
import { fillPath } from './path-values.js';

/** A validated call, ready for the Clockify API client: the path filled and encoded, relative to the API base. */
export interface OutboundRequest {
  operationId: string;
  method: ClockifyMethod;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
  /** What was asked, unencoded, for the history and replays. */
  params: CallParams;
}

const SENDABLE: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies ClockifyMethod[];

/** The request as sent: exactly the parameters given (defaults stay the server's), the body as given. */
export function toOutboundRequest(operation: ApiOperation, params: CallParams, body: unknown): OutboundRequest {
  if (!SENDABLE.includes(operation.method)) {
    throw new HttpError(
      400,
      'METHOD_UNSUPPORTED',
      `${operation.method} operations cannot be sent; the API client sends ${SENDABLE.join(', ')}`,
    );
  }
  return {
    operationId: operation.operationId,
    method: operation.method as ClockifyMethod,
    path: fillPath(operation.path, params.path),
    query: params.query,
    headers: params.header,
    ...(body === undefined ? {} : { body }),
    params,
  };
}

/** The full URL a request goes to, built the way the API client builds it (query parameters appended in order). */
export function requestUrl(baseUrl: string, request: Pick<OutboundRequest, 'path' | 'query'>): string {
  const url = new URL(`${baseUrl}${request.path}`);
  for (const [name, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item);
  }
  return url.toString();
}

/**
 * Headers as sent, without `X-Addon-Token`, which the API client adds itself and no caller ever sees. Bodies always
 * travel as JSON text, so a body that is a JSON string is sent quoted, as its schema means it.
 */
export function wireHeaders(request: Pick<OutboundRequest, 'headers' | 'body'>): Record<string, string> {
  return { ...request.headers, Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) };
}

export function wireBody(request: Pick<OutboundRequest, 'body'>): string | undefined {
  return request.body === undefined ? undefined : JSON.stringify(request.body);
}
