import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAddonError } from '../errors/index.js';
import { CLOCKIFY_PUBLIC_KEY_PEM, loadTrustedKeys } from './trusted-keys.js';

// The published copy lives outside the project (PLATFORM.md §3.4); it is compared with, never copied in.
const SHARED_KEY_FILE = '/work/shared/clockify/clockify-addon-public-key.pem';
const dir = mkdtempSync(join(tmpdir(), 'trusted-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rsa = (modulusLength: number) => generateKeyPairSync('rsa', { modulusLength });
const spki = (key: ReturnType<typeof rsa>) => key.publicKey.export({ type: 'spki', format: 'pem' }).toString();

async function bootError(publicKeys: string[]): Promise<{ code: string; message: string; path?: string }> {
  const error = await loadTrustedKeys({ publicKeys, baseDir: dir, file: 'addon.config.yaml' }).then(
    () => expect.unreachable('the key was accepted'),
    (caught: unknown) => caught,
  );
  if (!isAddonError(error)) throw error;
  return { code: error.code, message: error.message, path: error.location.path };
}

describe('CLOCKIFY_PUBLIC_KEY_PEM', () => {
  it('is the key whose DER SHA-256 the developer docs publish', () => {
    const der = createPublicKey(CLOCKIFY_PUBLIC_KEY_PEM).export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe('0cebc449014cf940ad0763e204b29b3a2263abfa1ccd298347c9bd2db2708b16');
  });

  it.skipIf(!existsSync(SHARED_KEY_FILE))(`equals ${SHARED_KEY_FILE} (skipped when that folder is absent)`, () => {
    expect(CLOCKIFY_PUBLIC_KEY_PEM.trim()).toBe(readFileSync(SHARED_KEY_FILE, 'utf8').trim());
  });
});

describe('loadTrustedKeys', () => {
  it('trusts Clockify’s key with no configuration', async () => {
    const keys = await loadTrustedKeys({ publicKeys: [], baseDir: dir });
    expect(keys.map((key) => key.source)).toEqual(['clockify']);
    expect(keys[0]?.key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5' });
  });

  it('adds inline PEMs and PEM files resolved against the config folder, naming each entry', async () => {
    writeFileSync(join(dir, 'rotation.pem'), spki(rsa(2048)));
    const keys = await loadTrustedKeys({ publicKeys: [spki(rsa(2048)), './rotation.pem'], baseDir: dir });
    expect(keys.map((key) => key.source)).toEqual(['clockify', 'auth.publicKeys[0]', 'auth.publicKeys[1]']);
  });

  it('rejects text that is no PEM with AUTH_KEY_INVALID naming the entry', async () => {
    const error = await bootError([spki(rsa(2048)), '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----']);
    expect(error).toMatchObject({ code: 'AUTH_KEY_INVALID', path: 'auth.publicKeys[1]' });
    expect(error.message).toContain('addon.config.yaml');
  });

  it('rejects a missing file with AUTH_KEY_INVALID naming the path', async () => {
    const error = await bootError(['./nowhere.pem']);
    expect(error).toMatchObject({ code: 'AUTH_KEY_INVALID', path: 'auth.publicKeys[0]' });
    expect(error.message).toContain(join(dir, 'nowhere.pem'));
  });

  it('rejects a private key, telling to give its public half', async () => {
    const privatePem = rsa(2048).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const error = await bootError([privatePem]);
    expect(error.code).toBe('AUTH_KEY_INVALID');
    expect(error.message).toContain('private key');
    expect(error.message).not.toContain(privatePem.split('\n')[1]);
  });

  it('rejects a key that is not RSA', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect((await bootError([ec])).code).toBe('AUTH_KEY_INVALID');
  });

  it('rejects an RSA key shorter than 2048 bits', async () => {
    const error = await bootError([spki(rsa(1024))]);
    expect(error.code).toBe('AUTH_KEY_INVALID');
    expect(error.message).toContain('1024 bits');
  });
});
