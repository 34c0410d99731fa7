import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importSPKI, importX509 } from 'jose';
import { AddonError } from '../errors/index.js';

/**
 * Clockify's published add-on signing key (RSA-2048, X.509 SPKI), from the developer docs (PLATFORM.md §3.4).
 * SHA-256 of its DER form: 0cebc449014cf940ad0763e204b29b3a2263abfa1ccd298347c9bd2db2708b16.
 */
export const CLOCKIFY_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAubktufFNO/op+E5WBWL6
/Y9QRZGSGGCsV00FmPRl5A0mSfQu3yq2Yaq47IlN0zgFy9IUG8/JJfwiehsmbrKa
49t/xSkpG1u9w1GUyY0g4eKDUwofHKAt3IPw0St4qsWLK9mO+koUo56CGQOEpTui
5bMfmefVBBfShXTaZOtXPB349FdzSuYlU/5o3L12zVWMutNhiJCKyGfsuu2uXa9+
6uQnZBw1wO3/QEci7i4TbC+ZXqW1rCcbogSMORqHAP6qSAcTFRmrjFAEsOWiUUhZ
rLDg2QJ8VTDghFnUhYklNTJlGgfo80qEWe1NLIwvZj0h3bWRfrqZHsD/Yjh0duk6
yQIDAQAB
-----END PUBLIC KEY-----
`;

/** A key tokens may be signed with, and where it came from (for logs and errors; never the key itself). */
export interface TrustedKey {
  /** `clockify` for the built-in key, `auth.publicKeys[<i>]` for configured ones. */
  readonly source: string;
  readonly key: CryptoKey;
}

export interface LoadTrustedKeysOptions {
  /** `config.auth.publicKeys`: each an inline PEM or a path to a PEM file. */
  publicKeys: readonly string[];
  /** Relative paths resolve against this folder (the config file's). */
  baseDir: string;
  /** Names the config file in errors. */
  file?: string;
}

// RS256 with a shorter modulus is forgeable in practice; jose would also refuse it, but only at request time.
const MIN_MODULUS_BITS = 2048;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/;

/**
 * Clockify's key first, then the configured ones (simulator, tests, key rotation), imported for RS256 only.
 * Any entry that is not a usable RSA public key stops the boot with AUTH_KEY_INVALID naming the entry.
 */
export async function loadTrustedKeys({ publicKeys, baseDir, file }: LoadTrustedKeysOptions): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [{ source: 'clockify', key: await importSPKI(CLOCKIFY_PUBLIC_KEY_PEM, 'RS256') }];
  for (const [index, entry] of publicKeys.entries()) {
    const path = `auth.publicKeys[${index}]`;
    keys.push({ source: path, key: await importEntry(entry, { baseDir, location: { file, path } }) });
  }
  return keys;
}

interface EntryContext {
  baseDir: string;
  location: { file?: string; path: string };
}

async function importEntry(entry: string, { baseDir, location }: EntryContext): Promise<CryptoKey> {
  const { pem, origin } = readPem(entry, baseDir, location);
  const block = PEM_BLOCK.exec(pem);
  if (!block) throw new AddonError('AUTH_KEY_INVALID', `${origin} holds no PEM block (-----BEGIN PUBLIC KEY-----)`, location);
  const label = block[1];
  if (label?.includes('PRIVATE')) {
    throw new AddonError('AUTH_KEY_INVALID', `${origin} is a private key; give its public key (openssl pkey -pubout)`, location);
  }
  let key: CryptoKey;
  try {
    key = label === 'CERTIFICATE' ? await importX509(block[0], 'RS256') : await importSPKI(block[0], 'RS256');
  } catch (cause) {
    const detail = `${origin} is not an RSA public key in SPKI PEM form (${(cause as Error).message})`;
    throw new AddonError('AUTH_KEY_INVALID', detail, location, { cause });
  }
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (bits < MIN_MODULUS_BITS) {
    throw new AddonError('AUTH_KEY_INVALID', `${origin} is an RSA key of ${bits} bits; RS256 needs at least ${MIN_MODULUS_BITS}`, location);
  }
  return key;
}

/** An entry with a PEM header is the key itself; anything else is a file path. */
function readPem(entry: string, baseDir: string, location: EntryContext['location']): { pem: string; origin: string } {
  if (entry.includes('-----BEGIN')) return { pem: entry, origin: 'the inline PEM' };
  const path = resolve(baseDir, entry.trim());
  try {
    return { pem: readFileSync(path, 'utf8'), origin: `the file ${path}` };
  } catch (cause) {
    const detail = `cannot read ${path} (${(cause as NodeJS.ErrnoException).code ?? 'error'}); give an inline PEM or a readable file path`;
    throw new AddonError('AUTH_KEY_INVALID', detail, location, { cause });
  }
}
