import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  readonly requestId: string;
}

/**
 * The current request, wherever the code runs (a plugin's handler, the store, a client call),
 * so every log line written while serving it carries its request id without passing it around.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
