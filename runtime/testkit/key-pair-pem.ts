import { generateKeyPairSync } from 'node:crypto';

/** An RSA key pair as PEM: PKCS#8 private key, SPKI public key. */
export interface KeyPairPem {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** A fresh 2048-bit RSA pair, the size Clockify's own key has (and the least the add-on's verifier accepts). */
export function generateKeyPairPem(): KeyPairPem {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey };
}
