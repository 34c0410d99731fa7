import type { ApiOperation, ClockifyClient, ClockifyMethod } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import type { CallParams } from './execute-input.js';

/** A validated call, ready for the Clockify API client. */
export interface OutboundRequest {
  operationId: string;
  method: ClockifyMethod;
  /** Where it goes, built by the client that sends it: the API base, the path filled and encoded, the query. */
  url: string;
  /** The filled and encoded path, relative to the API base. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
  /** What was asked, unencoded, for the history and replays. */
  params: CallParams;
}

const SENDABLE: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies ClockifyMethod[];

/** The operation's method, when the API client sends it. */
export function sendableMethod(operation: ApiOperation): ClockifyMethod {
  if (!SENDABLE.includes(operation.method)) {
    throw new HttpError(
      400,
      'METHOD_UNSUPPORTED',
      `${operation.method} operations cannot be sent; the API client sends ${SENDABLE.join(', ')}`,
    );
  }
  return operation.method as ClockifyMethod;
}

/** The request as sent: exactly the parameters given (defaults stay the server's), the body as given. */
export function toOutboundRequest(
  client: Pick<ClockifyClient, 'url' | 'baseUrl'>,
  operation: ApiOperation,
  method: ClockifyMethod,
  params: CallParams,
  body: unknown,
): OutboundRequest {
  const url = client.url({ path: operation.path, params: params.path, query: params.query });
  return {
    operationId: operation.operationId,
    method,
    url,
    // The client's URL is its base, then the filled path, then the query (a filled path holds no "?").
    path: url.slice(client.baseUrl.length).replace(/\?.*$/, ''),
    query: params.query,
    headers: params.header,
    ...(body === undefined ? {} : { body }),
    params,
  };
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
