import { expect } from 'vitest';
import type { RawClockifyClaims } from '../../runtime/index.js';
import { type ClockifySimulator, createClockifySimulator, reservePort } from '../../runtime/testkit/index.js';
import { startTestAddon, type TestAddon } from './start-addon.js';

export interface ExplorerTestOptions {
  /** The explorer plugin's options. */
  explorer?: Record<string, unknown>;
  /** The add-on's scopes (default: project, tag and user reads, tag writes). */
  scopes?: string[];
  /** The document the simulator serves (default ./openapi.json). */
  openapiPath?: string;
  databaseUrl?: string;
  /** The API client's per-attempt timeout (default 10000). */
  clientTimeoutMs?: number;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface ExplorerTest {
  addon: TestAddon;
  simulator: ClockifySimulator;
  /** Every response body the add-on sent during the test, for the token scan. */
  readonly bodies: string[];
  /** A user token for the simulated workspace: the owner unless claims say otherwise. */
  token(claims?: Partial<RawClockifyClaims>, ttlSeconds?: number): Promise<string>;
  /** Calls the add-on with a user token (the owner's unless `token` is given). */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; raw?: string },
  ): Promise<Answer<T>>;
  close(): Promise<void>;
}

export const MEMBER_ID = '64f1c0ffee00000000000001';

/**
 * A Clockify simulator and an add-on with auth, lifecycle and explorer, installed into the simulated workspace and
 * talking over real HTTP; the add-on's logs are captured for the token scan.
 */
export async function startExplorerTest(options: ExplorerTestOptions = {}): Promise<ExplorerTest> {
  const { scopes = ['PROJECT_READ', 'TAG_READ', 'TAG_WRITE', 'USER_READ', 'WORKSPACE_READ'] } = options;
  const simulator = await createClockifySimulator({
    addonKey: 'test-addon',
    openapiPath: options.openapiPath,
    sizes: { projects: 12, tags: 8 },
  });
  const port = await reservePort();
  let addon: TestAddon;
  try {
    addon = await startTestAddon({
      databaseUrl: options.databaseUrl,
      config: {
        baseUrl: `http://127.0.0.1:${port}`,
        server: { port },
        scopes,
        log: { level: 'debug' },
        auth: { publicKeys: [simulator.publicKeyPem] },
        clockify: { devHosts: ['127.0.0.1:*'], retries: { maxAttempts: 1 }, timeoutMs: options.clientTimeoutMs ?? 10_000 },
        plugins: [
          { use: 'auth', options: { rateLimit: { perIpPerSecond: 10_000, perWorkspacePerSecond: 10_000 } } },
          { use: 'lifecycle', options: { subscriptionCheck: { enabled: false } } },
          { use: 'explorer', options: options.explorer ?? {} },
        ],
      },
    });
    await simulator.install(addon.url);
  } catch (error) {
    await simulator.close();
    throw error;
  }
  const bodies: string[] = [];
  const token = (claims: Partial<RawClockifyClaims> = {}, ttlSeconds?: number) => simulator.minter.userToken(claims, ttlSeconds);
  return {
    addon,
    simulator,
    bodies,
    token,
    async call(method, path, { body, token: given, raw } = {}) {
      const headers: Record<string, string> = { Authorization: `Bearer ${given ?? (await token())}` };
      if (body !== undefined || raw !== undefined) headers['Content-Type'] = 'application/json';
      // The add-on answers an oversized body before reading it all; closing lets the client read that answer.
      if (raw !== undefined) headers.Connection = 'close';
      const response = await fetch(`${addon.url}${path}`, {
        method,
        headers,
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = await response.text();
      bodies.push(text);
      const json = (/json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : {}) as never;
      return { status: response.status, headers: response.headers, json, text };
    },
    async close() {
      await addon.close();
      await simulator.close();
    },
  };
}

/** The installation token never reached a response body or a log line of the test's add-on. */
export function expectNoTokenLeak(test: ExplorerTest): void {
  const token = test.simulator.installation?.authToken ?? '';
  expect(token.length).toBeGreaterThan(100);
  for (const body of test.bodies) expect(body).not.toContain(token);
  expect(test.addon.logs.text()).not.toContain(token);
}
