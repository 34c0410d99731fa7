import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSPKI, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKeyPair, loadOrCreateKeyPair } from './key-pair-file.js';
import { createTokenMinter } from './mint-token.js';

const folders: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'testkit-keys-'));
  folders.push(folder);
  return join(folder, 'simulator');
};

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('loadOrCreateKeyPair', () => {
  it('creates the pair once, owner-only, and reads the same pair afterwards', () => {
    const dir = newFolder();
    const created = loadOrCreateKeyPair(dir);
    expect(created.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(created.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(statSync(created.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyPair(dir)).toEqual(created);
  });

  it('derives the public key when only the private key file is left', () => {
    const dir = newFolder();
    const created = loadOrCreateKeyPair(dir);
    rmSync(created.publicKeyFile);
    expect(loadKeyPair(created.privateKeyFile, created.publicKeyFile).publicKeyPem).toBe(created.publicKeyPem);
  });

  it('signs tokens that verify with the stored public key after a restart', async () => {
    const dir = newFolder();
    const before = await createTokenMinter({ addonKey: 'k', workspaceId: 'w', addonId: 'a', ...loadOrCreateKeyPair(dir) });
    const token = await before.installationToken();
    const after = loadOrCreateKeyPair(dir);
    const { payload } = await jwtVerify(token, await importSPKI(after.publicKeyPem, 'RS256'));
    expect(payload).toMatchObject({ iss: 'clockify', sub: 'k', workspaceId: 'w' });
  });
});
