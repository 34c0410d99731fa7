import { SignJWT } from 'jose';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`) carrying the claims: a verifier must refuse the algorithm, not trust the claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** The algorithm-confusion forgery: HS256 with the RS256 public key's PEM used as the shared secret. */
export function publicKeyAsSecretToken(claims: Record<string, unknown>, publicKeyPem: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(publicKeyPem));
}
