export interface WaitForReadyOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls `GET {url}/ready` until it answers 200; rejects with the last answer after `timeoutMs`. */
export async function waitForReady(url: string, { timeoutMs = 15_000, intervalMs = 50 }: WaitForReadyOptions = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url}/ready did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}
