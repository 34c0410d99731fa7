import { exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';
import type { RawClockifyClaims } from '../clockify/claims.js';

export interface TokenMinter {
  /** PEM of the public key; trust it with CLOCKIFY_PUBLIC_KEYS or `auth.publicKeys`. */
  readonly publicKeyPem: string;
  /** Signs any claims as given (for adversarial tests); RS256 with the minter's key. */
  sign(claims: RawClockifyClaims, header?: Record<string, unknown>): Promise<string>;
  installationToken(overrides?: Partial<RawClockifyClaims>): Promise<string>;
  /** Expires after `ttlSeconds` (30 minutes by default), like the iframe's `auth_token`. */
  userToken(overrides?: Partial<RawClockifyClaims>, ttlSeconds?: number): Promise<string>;
  lifecycleToken(overrides?: Partial<RawClockifyClaims>): Promise<string>;
  webhookToken(overrides?: Partial<RawClockifyClaims>): Promise<string>;
}

export interface MinterOptions {
  /** The manifest key: becomes `sub`. */
  addonKey: string;
  workspaceId: string;
  addonId: string;
  /** Where the simulated API lives: `backendUrl` claim (e.g. http://127.0.0.1:4010/api). */
  backendUrl?: string;
  ownerUserId?: string;
  /** PKCS#8 PEM of an RSA private key; a new 2048-bit pair is generated when absent. */
  privateKeyPem?: string;
  publicKeyPem?: string;
}

/** Mints tokens shaped like Clockify's (PLATFORM.md §3), signed with a key of its own. */
export async function createTokenMinter(options: MinterOptions): Promise<TokenMinter> {
  const { privateKey, publicKeyPem } = await loadKeys(options);
  const common = (): RawClockifyClaims => ({
    iss: 'clockify',
    type: 'addon',
    sub: options.addonKey,
    workspaceId: options.workspaceId,
    addonId: options.addonId,
  });
  const urls = (): RawClockifyClaims =>
    options.backendUrl ? { backendUrl: options.backendUrl, reportsUrl: options.backendUrl, ptoUrl: options.backendUrl } : {};
  const sign = (claims: RawClockifyClaims, header: Record<string, unknown> = {}) =>
    new SignJWT(claims).setProtectedHeader({ typ: 'JWT', ...header, alg: 'RS256' }).sign(privateKey);
  const owner = options.ownerUserId ?? '5f0c1a2b3c4d5e6f7a8b9c0d';
  return {
    publicKeyPem,
    sign,
    installationToken: (overrides = {}) => sign({ ...common(), user: owner, ...urls(), ...overrides }),
    userToken: (overrides = {}, ttlSeconds = 1800) => {
      const now = Math.floor(Date.now() / 1000);
      return sign({
        ...common(),
        user: owner,
        ...urls(),
        language: 'EN',
        theme: 'DEFAULT',
        workspaceRole: 'OWNER',
        iat: now,
        exp: now + ttlSeconds,
        ...overrides,
      });
    },
    lifecycleToken: (overrides = {}) => sign({ ...common(), ...overrides }),
    webhookToken: (overrides = {}) => sign({ ...common(), ...overrides }),
  };
}

async function loadKeys({ privateKeyPem, publicKeyPem }: MinterOptions) {
  if (privateKeyPem && publicKeyPem) {
    return { privateKey: await importPKCS8(privateKeyPem, 'RS256'), publicKeyPem };
  }
  const pair = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { privateKey: pair.privateKey, publicKeyPem: await exportSPKI(pair.publicKey) };
}
