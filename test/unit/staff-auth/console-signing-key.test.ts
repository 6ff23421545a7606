import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { rsaKeyThumbprint } from '../../../functions/domain/staff-auth/key-thumbprint.js';
import { loadOrCreateConsoleSigningKey } from '../../../infra/local/console-signing-key.js';

describe('loadOrCreateConsoleSigningKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('makes an RSA-2048 key in memory, its kid the key’s thumbprint', () => {
    const { privateKey, kid } = loadOrCreateConsoleSigningKey();

    expect(privateKey.asymmetricKeyType).toBe('rsa');
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(kid).toBe(rsaKeyThumbprint(privateKey));
  });

  it('writes a new key as PKCS#8 PEM readable by the owner only, creating the folder', () => {
    const file = join(tempDir(), 'nested', 'console-signing-key.pem');

    loadOrCreateConsoleSigningKey(file);

    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads the same key and kid back from the file, so sessions survive a restart', () => {
    const file = join(tempDir(), 'console-signing-key.pem');

    const first = loadOrCreateConsoleSigningKey(file);
    const second = loadOrCreateConsoleSigningKey(file);

    expect(second.kid).toBe(first.kid);
    expect(createPublicKey(second.privateKey).export({ format: 'jwk' })).toEqual(
      createPublicKey(first.privateKey).export({ format: 'jwk' }),
    );
  });

  it('refuses a file holding a key that is not RSA', () => {
    const file = join(tempDir(), 'console-signing-key.pem');
    const ec = createPrivateKey(generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey);
    writeFileSync(file, ec.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

    expect(() => loadOrCreateConsoleSigningKey(file)).toThrow(TypeError);
  });
});

describe('rsaKeyThumbprint', () => {
  it('matches the RFC 7638 example', () => {
    // RFC 7638 section 3.1: the example key and its thumbprint.
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    const key = createPublicKey({ key: { kty: 'RSA', n, e: 'AQAB' }, format: 'jwk' });

    expect(rsaKeyThumbprint(key)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});
