// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readClaims } from './claims.js';
import { FrameToken } from './frame-token.js';

const NOW = 1_800_000_000_000;

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const claims = (overrides: Record<string, unknown> = {}) => ({
  workspaceId: 'ws1',
  user: 'u1',
  theme: 'DARK',
  language: 'DE',
  workspaceRole: 'OWNER',
  exp: NOW / 1000 + 1800,
  ...overrides,
});

/** A window-like pair: the host Clockify runs in, and the frame's own window that receives messages. */
function windows() {
  const posted: unknown[] = [];
  const host = { postMessage: (message: unknown) => posted.push(message) } as unknown as Window;
  const frame = new EventTarget() as unknown as Window;
  const send = (data: unknown, source: unknown = host) => frame.dispatchEvent(Object.assign(new Event('message'), { data, source }));
  return { host, frame, posted, send };
}

afterEach(() => vi.useRealTimers());

describe('readClaims', () => {
  it('reads the viewer, theme, language and expiry of a token, and nothing of a malformed one', () => {
    expect(readClaims(jwt(claims()))).toEqual({
      workspaceId: 'ws1',
      userId: 'u1',
      workspaceRole: 'OWNER',
      theme: 'DARK',
      language: 'DE',
      exp: NOW / 1000 + 1800,
    });
    expect(readClaims('not.a-token')).toBeUndefined();
    expect(readClaims(jwt({ user: 'u1' }))).toBeUndefined();
    expect(readClaims(undefined)).toBeUndefined();
  });

  it('decodes UTF-8 claims', () => {
    expect(readClaims(jwt(claims({ workspaceRole: 'Über' })))?.workspaceRole).toBe('Über');
  });
});

describe('FrameToken', () => {
  it('takes the token of ?auth_token= and reports missing and expired tokens', () => {
    vi.useFakeTimers({ now: NOW });
    const valid = new FrameToken({ url: `https://addon.test/ui?auth_token=${jwt(claims())}` });
    expect(valid.state).toBe('valid');
    expect(valid.token).toBeDefined();
    expect(new FrameToken({ url: 'https://addon.test/ui' }).state).toBe('missing');
    const expired = new FrameToken({ url: `https://addon.test/ui?auth_token=${jwt(claims({ exp: NOW / 1000 - 1 }))}` });
    expect(expired.state).toBe('expired');
    expect(expired.token).toBeUndefined();
  });

  it('asks the host for a fresh token before expiry, takes its answer, and says so with a change event', () => {
    vi.useFakeTimers({ now: NOW });
    const { host, frame, posted, send } = windows();
    const token = new FrameToken({ url: `https://a.test/?auth_token=${jwt(claims())}`, host, messages: frame, refreshLeadMs: 60_000 });
    const changes = vi.fn();
    token.addEventListener('change', changes);
    vi.advanceTimersByTime(1800_000 - 60_001);
    expect(posted).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(posted).toEqual([JSON.stringify({ action: 'refreshAddonToken' })]);

    const fresh = jwt(claims({ exp: NOW / 1000 + 3600 }));
    send(JSON.stringify({ title: 'TOKEN', body: { token: fresh } }));
    expect(token.token).toBe(fresh);
    expect(changes).toHaveBeenCalledTimes(1);
    // Past the first token's expiry the fresh one still holds.
    vi.advanceTimersByTime(120_000);
    expect(token.state).toBe('valid');
    token.dispose();
  });

  it('ignores tokens from other windows, of another viewer, or older than the one it has', () => {
    vi.useFakeTimers({ now: NOW });
    const { host, frame, send } = windows();
    const first = jwt(claims());
    const token = new FrameToken({ url: `https://a.test/?auth_token=${first}`, host, messages: frame });
    const later = NOW / 1000 + 3600;
    send({ token: jwt(claims({ exp: later })) }, {});
    send({ token: jwt(claims({ exp: later, user: 'someone-else' })) });
    send({ token: jwt(claims({ exp: later, workspaceId: 'ws2' })) });
    send({ token: jwt(claims({ exp: NOW / 1000 + 60 })) });
    send('not json');
    expect(token.token).toBe(first);
    send({ payload: { authToken: jwt(claims({ exp: later })) } });
    expect(token.token).not.toBe(first);
  });

  it('wakes at expiry when no fresh token came, so the page can show the expired screen', () => {
    vi.useFakeTimers({ now: NOW });
    const token = new FrameToken({ url: `https://a.test/?auth_token=${jwt(claims({ exp: NOW / 1000 + 10 }))}`, refreshLeadMs: 5_000 });
    const states: string[] = [];
    token.addEventListener('change', () => states.push(token.state));
    vi.advanceTimersByTime(11_000);
    expect(states).toEqual(['expired']);
  });
});
