// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { shellQuote, TOKEN_PLACEHOLDER, toCurl } from './curl.js';

describe('toCurl', () => {
  it('builds a command from a dry run, with the token as a shell variable', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'https://api.clockify.me/api/v1/workspaces/ws1/tags',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: { name: "Ana's tag" },
    });
    expect(curl).toBe(
      [
        "curl -X POST 'https://api.clockify.me/api/v1/workspaces/ws1/tags'",
        "-H 'Accept: application/json'",
        "-H 'Content-Type: application/json'",
        `-H "X-Addon-Token: ${TOKEN_PLACEHOLDER}"`,
        `--data-raw '{"name":"Ana'\\''s tag"}'`,
      ].join(' \\\n  '),
    );
  });

  it('never carries an X-Addon-Token value it was given, and sends no body for a GET', () => {
    const curl = toCurl({ method: 'GET', url: 'https://x.test/a?b=1', headers: { 'x-addon-token': 'secret' } });
    expect(curl).not.toContain('secret');
    expect(curl).not.toContain('--data-raw');
    expect(curl).toContain('$CLOCKIFY_ADDON_TOKEN');
  });

  it('quotes so that no shell expansion happens inside values', () => {
    expect(shellQuote('$HOME `id` "x"')).toBe(`'$HOME \`id\` "x"'`);
  });
});
