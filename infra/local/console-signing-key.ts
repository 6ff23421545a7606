import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { rsaKeyThumbprint } from '../../functions/domain/staff-auth/key-thumbprint.js';

/** The key local mode's sign-in page signs console ID tokens with, standing in for Cognito's. */
export interface ConsoleSigningKey {
  readonly privateKey: KeyObject;
  /** The RFC 7638 thumbprint of the key, so the same file always gives the same `kid`. */
  readonly kid: string;
}

/**
 * A new RSA private key, read back from PEM. Not the `KeyObject` `generateKeyPairSync` returns:
 * Node 20 can deadlock when that key is exported (as a JWK) while the garbage collector frees
 * the job that generated it (both take the key's lock); a key parsed from PEM has no such job.
 */
export function generateRsaPrivateKey(modulusLength = 2048): KeyObject {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return createPrivateKey(privateKey);
}

const generate = (): KeyObject => generateRsaPrivateKey();

/**
 * The local console signing key. With a file (the local stack passes one in `.local-data/`) the key
 * is read from it, or generated and written there as PKCS#8 PEM readable by the owner only, so
 * sessions survive a restart of `npm start`. Without a file a fresh key lives in memory (tests).
 */
export function loadOrCreateConsoleSigningKey(file?: string): ConsoleSigningKey {
  let privateKey: KeyObject;
  if (file === undefined) {
    privateKey = generate();
  } else if (existsSync(file)) {
    chmodSync(file, 0o600);
    privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'rsa') throw new TypeError(`${file} does not hold an RSA private key`);
  } else {
    privateKey = generate();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return { privateKey, kid: rsaKeyThumbprint(privateKey) };
}
