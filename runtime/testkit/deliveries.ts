/** One call the simulator made to the add-on: a lifecycle call or a webhook delivery. */
export interface Delivery {
  /** Unique per delivery; pass it as `replayOf` to send the same webhook again. */
  readonly id: string;
  readonly kind: 'lifecycle' | 'webhook';
  /** The lifecycle type or the webhook event. */
  readonly name: string;
  readonly url: string;
  /** The JSON body sent. */
  readonly body: unknown;
  /** The add-on's answer; 0 when it could not be reached. */
  readonly status: number;
  readonly responseText: string;
  /** Milliseconds since the epoch, when sent. */
  readonly timestamp: number;
  readonly durationMs: number;
  /** The delivery this one repeats (`duplicate`, `replayOf`). */
  readonly repeatOf?: string;
}

export interface PostOptions {
  kind: Delivery['kind'];
  name: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  id: string;
  repeatOf?: string;
}

/** POSTs JSON the way Clockify does and records the exchange; a network failure is recorded with status 0. */
export async function postJson(log: Delivery[], { kind, name, url, headers, body, id, repeatOf }: PostOptions): Promise<Delivery> {
  const timestamp = Date.now();
  const started = performance.now();
  let status = 0;
  let responseText = '';
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
      redirect: 'manual',
    });
    status = response.status;
    responseText = await response.text();
  } catch (error) {
    responseText = (error as Error).message;
  }
  const delivery: Delivery = {
    id,
    kind,
    name,
    url,
    body,
    status,
    responseText,
    timestamp,
    durationMs: performance.now() - started,
    ...(repeatOf ? { repeatOf } : {}),
  };
  log.push(delivery);
  return delivery;
}
