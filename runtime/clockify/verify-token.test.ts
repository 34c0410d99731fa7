import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '../errors/index.js';
import { createTokenMinter, type TokenMinter } from '../testkit/mint-token.js';
import type { RawClockifyClaims } from './claims.js';
import { loadTrustedKeys, type TrustedKey } from './trusted-keys.js';
import { createTokenVerifier, type TokenVerifierOptions } from './verify-token.js';

const ADDON_KEY = 'test-addon';
const identity = { addonKey: ADDON_KEY, workspaceId: 'ws-1', addonId: 'addon-1' };

let minter: TokenMinter;
let stranger: TokenMinter;
let keys: TrustedKey[];

beforeAll(async () => {
  minter = await createTokenMinter(identity);
  stranger = await createTokenMinter(identity);
  keys = await loadTrustedKeys({ publicKeys: [minter.publicKeyPem], baseDir: '.' });
});

function verifier(options: Partial<TokenVerifierOptions> = {}) {
  return createTokenVerifier({ keys, addonKey: ADDON_KEY, ...options });
}

/** The code and message of the 401 a verification is rejected with. */
async function rejection(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(
    () => expect.unreachable('the token was accepted'),
    (caught: unknown) => caught,
  );
  if (!isHttpError(error)) throw error;
  return { status: error.status, code: error.code, message: error.message };
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const common = (): RawClockifyClaims => ({ iss: 'clockify', type: 'addon', sub: ADDON_KEY, workspaceId: 'ws-1', addonId: 'addon-1' });

describe('createTokenVerifier', () => {
  it('returns the claims of a token signed by a trusted key', async () => {
    const claims = await verifier().verify(await minter.webhookToken());
    expect(claims).toMatchObject(common());
    expect(Object.isFrozen(claims)).toBe(true);
  });

  it('tries every trusted key, so a token signed by a later one passes', async () => {
    const both = await loadTrustedKeys({ publicKeys: [stranger.publicKeyPem, minter.publicKeyPem], baseDir: '.' });
    const claims = await createTokenVerifier({ keys: both, addonKey: ADDON_KEY }).verify(await minter.installationToken());
    expect(claims.user).toBeTypeOf('string');
  });

  it('rejects an empty token as TOKEN_MISSING', async () => {
    expect(await rejection(verifier().verify(''))).toMatchObject({ status: 401, code: 'TOKEN_MISSING' });
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['two parts', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0'],
    ['a header that is not JSON', `${Buffer.from('nope').toString('base64url')}.${part({})}.c2ln`],
    ['an oversized token', `${part({ alg: 'RS256' })}.${'a'.repeat(9000)}.c2ln`],
  ])('rejects %s as TOKEN_MALFORMED', async (_name, token) => {
    expect(await rejection(verifier().verify(token))).toMatchObject({ status: 401, code: 'TOKEN_MALFORMED' });
  });

  it('rejects an unsigned token (alg none) as TOKEN_ALGORITHM_REJECTED', async () => {
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part(common())}.`;
    expect(await rejection(verifier().verify(token))).toMatchObject({ code: 'TOKEN_ALGORITHM_REJECTED' });
  });

  it('rejects HS256 signed with the public key bytes as TOKEN_ALGORITHM_REJECTED', async () => {
    const secret = new TextEncoder().encode(minter.publicKeyPem);
    const token = await new SignJWT(common()).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
    expect(await rejection(verifier().verify(token))).toMatchObject({ code: 'TOKEN_ALGORITHM_REJECTED' });
  });

  it('rejects RS512 even with a trusted key as TOKEN_ALGORITHM_REJECTED', async () => {
    const { privateKey } = await generateKeyPair('RS512');
    const token = await new SignJWT(common()).setProtectedHeader({ alg: 'RS512' }).sign(privateKey);
    expect(await rejection(verifier().verify(token))).toMatchObject({ code: 'TOKEN_ALGORITHM_REJECTED' });
  });

  it('rejects a token from an untrusted key as TOKEN_SIGNATURE_INVALID', async () => {
    expect(await rejection(verifier().verify(await stranger.webhookToken()))).toMatchObject({ code: 'TOKEN_SIGNATURE_INVALID' });
  });

  it('rejects a token whose payload was altered after signing as TOKEN_SIGNATURE_INVALID', async () => {
    const [header, , signature] = (await minter.webhookToken()).split('.');
    const forged = `${header}.${part({ ...common(), workspaceId: 'ws-victim' })}.${signature}`;
    expect(await rejection(verifier().verify(forged))).toMatchObject({ code: 'TOKEN_SIGNATURE_INVALID' });
  });

  it.each([
    ['iss', { iss: 'someone-else' }],
    ['type', { type: 'user' }],
    ['sub', { sub: 'another-addon' }],
    ['workspaceId', { workspaceId: undefined }],
    ['addonId', { addonId: 42 }],
  ])('rejects a wrong "%s" as TOKEN_CLAIM_INVALID naming the claim', async (claim, override) => {
    const result = await rejection(verifier().verify(await minter.sign(Object.assign(common(), override))));
    expect(result).toMatchObject({ status: 401, code: 'TOKEN_CLAIM_INVALID' });
    expect(result.message).toContain(`"${claim}"`);
  });

  it('rejects a token that is not valid yet (nbf) as TOKEN_CLAIM_INVALID', async () => {
    const token = await minter.sign({ ...common(), nbf: Math.floor(Date.now() / 1000) + 3600 });
    expect(await rejection(verifier().verify(token))).toMatchObject({ code: 'TOKEN_CLAIM_INVALID' });
  });

  it('rejects an expired token as TOKEN_EXPIRED, and accepts one within the clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await minter.sign({ ...common(), exp: now - 120 });
    expect(await rejection(verifier({ clockSkewSeconds: 30 }).verify(expired))).toMatchObject({ code: 'TOKEN_EXPIRED' });
    const justExpired = await minter.sign({ ...common(), exp: now - 10 });
    await expect(verifier({ clockSkewSeconds: 30 }).verify(justExpired)).resolves.toMatchObject({ exp: now - 10 });
  });

  it('re-checks exp on every cache hit', async () => {
    let clock = Date.now();
    const cached = verifier({ now: () => clock });
    const token = await minter.userToken({}, 60);
    await cached.verify(token);
    await cached.verify(token);
    clock += 5 * 60_000;
    expect(await rejection(cached.verify(token))).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('does not cache failures: a token rejected once is rejected again for the same reason', async () => {
    const subject = verifier();
    const token = await stranger.webhookToken();
    expect(await rejection(subject.verify(token))).toMatchObject({ code: 'TOKEN_SIGNATURE_INVALID' });
    expect(await rejection(subject.verify(token))).toMatchObject({ code: 'TOKEN_SIGNATURE_INVALID' });
  });

  it('verifies every time when the cache is off', async () => {
    const uncached = verifier({ cacheSize: 0 });
    const token = await minter.lifecycleToken();
    await expect(uncached.verify(token)).resolves.toMatchObject({ workspaceId: 'ws-1' });
    await expect(uncached.verify(token)).resolves.toMatchObject({ workspaceId: 'ws-1' });
  });

  it('never quotes the token in its error messages', async () => {
    const token = await minter.sign({ ...common(), sub: 'another-addon' });
    const result = await rejection(verifier().verify(token));
    expect(result.message).not.toContain(token.split('.')[1]);
  });
});
