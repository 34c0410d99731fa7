import { describe, expect, it } from 'vitest';
import { redactedJson, truncateUtf8 } from './redact-json.js';

describe('redactedJson', () => {
  it('masks secret-named fields and JWTs at any depth, keeping everything else', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    let deep: unknown = { authToken: 'webhook-secret', note: `token ${jwt}` };
    for (let level = 0; level < 12; level++) deep = { level, child: deep };
    const text = redactedJson({ webhooks: [deep], emptyToken: '', count: 2 });
    expect(text).not.toContain('webhook-secret');
    expect(text).not.toContain(jwt);
    expect(text).toContain('"authToken":"[REDACTED]"');
    expect(text).toContain('"note":"token [REDACTED]"');
    expect(JSON.parse(text)).toMatchObject({ emptyToken: '', count: 2 });
  });
});

describe('truncateUtf8', () => {
  it('keeps text within the limit whole', () => {
    expect(truncateUtf8('abc', 3)).toEqual({ text: 'abc', truncated: false, bytes: 3 });
  });

  it('cuts at a character boundary', () => {
    // "é" is two bytes: cutting after 3 bytes would split the second one.
    expect(truncateUtf8('éé', 3)).toEqual({ text: 'é', truncated: true, bytes: 4 });
    expect(truncateUtf8('a€b', 2)).toEqual({ text: 'a', truncated: true, bytes: 5 });
  });
});
