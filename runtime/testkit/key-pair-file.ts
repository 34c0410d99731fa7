import { createPublicKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKeyPairPem, type KeyPairPem } from './key-pair-pem.js';

/** The pair and where it is kept; its public key is what the add-on trusts (`auth.publicKeys` / CLOCKIFY_PUBLIC_KEYS). */
export interface KeyPairFiles extends KeyPairPem {
  readonly privateKeyFile: string;
  /** A path the add-on's `auth.publicKeys` can name instead of the PEM itself. */
  readonly publicKeyFile: string;
}

export const PRIVATE_KEY_FILE = 'simulator-private-key.pem';
export const PUBLIC_KEY_FILE = 'simulator-public-key.pem';

/** Reads a key pair written as PEM files; the public key is derived from the private one when its file is missing. */
export function loadKeyPair(privateKeyFile: string, publicKeyFile: string): KeyPairFiles {
  const privateKeyPem = readFileSync(privateKeyFile, 'utf8');
  const publicKeyPem = existsSync(publicKeyFile) ? readFileSync(publicKeyFile, 'utf8') : derivePublicKey(privateKeyPem);
  if (!existsSync(publicKeyFile)) writeFileSync(publicKeyFile, publicKeyPem);
  return { privateKeyPem, publicKeyPem, privateKeyFile, publicKeyFile };
}

/**
 * The simulator's key pair kept in `dir` (under the data folder, which git ignores), created on first use, so
 * tokens minted before a restart of `npm run dev` stay valid after it and the add-on keeps trusting the same key.
 */
export function loadOrCreateKeyPair(dir: string): KeyPairFiles {
  const folder = resolve(dir);
  const privateKeyFile = join(folder, PRIVATE_KEY_FILE);
  const publicKeyFile = join(folder, PUBLIC_KEY_FILE);
  if (!existsSync(privateKeyFile)) {
    mkdirSync(folder, { recursive: true });
    const pair = generateKeyPairPem();
    // Owner-only, like the runtime's encryption key: anyone holding it can forge Clockify calls to the dev add-on.
    writeFileSync(privateKeyFile, pair.privateKeyPem, { mode: 0o600 });
    chmodSync(privateKeyFile, 0o600);
    writeFileSync(publicKeyFile, pair.publicKeyPem);
  }
  return loadKeyPair(privateKeyFile, publicKeyFile);
}

function derivePublicKey(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
}
