import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { generateRsaPrivateKey } from '../../../infra/local/console-signing-key.js';
import { describe, expect, it, vi } from 'vitest';
import {
  cognitoIssuer,
  cognitoJwksUrl,
  httpJwksProvider,
  JWKS_REFETCH_INTERVAL_MS,
  JwksUnavailableError,
  signingKeys,
  staticJwksProvider,
} from '../../../functions/domain/staff-auth/jwks-provider.js';
import { otherKey, signingKey } from './staff-token-fixture.js';

const rsaJwk = (kid: string, key = signingKey) => ({ ...createPublicKey(key).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });
const URL_ = 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Pool/.well-known/jwks.json';

/** A fake fetch answering with the key sets given, one per call (the last one repeated). */
function fakeFetch(...answers: ({ keys: unknown[] } | number)[]) {
  let call = 0;
  return vi.fn(async (_url: string | URL | Request) => {
    const answer = answers[Math.min(call++, answers.length - 1)];
    return typeof answer === 'number'
      ? new Response('{}', { status: answer })
      : new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

describe('cognito URLs', () => {
  it('builds the issuer and key set URL AWS documents', () => {
    const issuer = cognitoIssuer('eu-north-1', 'eu-north-1_Pool');
    expect(issuer).toBe('https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Pool');
    expect(cognitoJwksUrl(issuer)).toBe(URL_);
  });
});

describe('signingKeys', () => {
  it('keeps RSA signature keys of 2048 bits or more, and skips encryption, non-RSA, other-algorithm, short and malformed keys', () => {
    // Read back from PEM: exporting a freshly generated key object can deadlock in Node 20.
    const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const ec = { ...createPublicKey(ecPem.publicKey).export({ format: 'jwk' }), kid: 'ec' };
    const keys = signingKeys({
      keys: [
        rsaJwk('good'),
        { ...rsaJwk('no-use-or-alg'), use: undefined, alg: undefined },
        { ...rsaJwk('enc'), use: 'enc' },
        { ...rsaJwk('rs512'), alg: 'RS512' },
        ec,
        { kty: 'RSA', kid: 'broken', n: '!!', e: 'AQAB' },
        rsaJwk('short', generateRsaPrivateKey(1024)),
        { ...rsaJwk('x'), kid: undefined },
        null,
      ],
    });

    expect([...keys.keys()]).toEqual(['good', 'no-use-or-alg']);
    expect(keys.get('good')?.asymmetricKeyType).toBe('rsa');
  });

  it('gives no keys for something that is not a key set', () => {
    expect(signingKeys(null).size).toBe(0);
    expect(signingKeys({ keys: 'none' }).size).toBe(0);
  });
});

describe('staticJwksProvider', () => {
  it('finds a key by kid and nothing else', async () => {
    const provider = staticJwksProvider({ keys: [rsaJwk('one')] });

    const key = await provider.key('one');
    expect(key?.export({ format: 'jwk' }).n).toBe(rsaJwk('one').n);
    await expect(provider.key('two')).resolves.toBeUndefined();
  });
});

describe('httpJwksProvider', () => {
  it('fetches the key set once and answers known keys from its cache', async () => {
    const fetchFn = fakeFetch({ keys: [rsaJwk('one')] });
    const provider = httpJwksProvider(URL_, fetchFn);

    await provider.key('one');
    await provider.key('one');

    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(fetchFn.mock.calls[0]?.[0]).toBe(URL_);
  });

  it('fetches again for an unknown kid at most once per interval, then finds a rotated key', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const fetchFn = fakeFetch({ keys: [rsaJwk('one')] }, { keys: [rsaJwk('one'), rsaJwk('two', otherKey)] });
    const provider = httpJwksProvider(URL_, fetchFn, () => now);

    await provider.key('one');
    await expect(provider.key('two')).resolves.toBeUndefined();
    expect(fetchFn).toHaveBeenCalledTimes(1);

    now = new Date(now.getTime() + JWKS_REFETCH_INTERVAL_MS - 1);
    await expect(provider.key('two')).resolves.toBeUndefined();
    expect(fetchFn).toHaveBeenCalledTimes(1);

    now = new Date(now.getTime() + 1);
    const rotated = await provider.key('two');
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(rotated?.export({ format: 'jwk' }).n).toBe(rsaJwk('two', otherKey).n);
  });

  it('shares one fetch between concurrent look-ups', async () => {
    const fetchFn = fakeFetch({ keys: [rsaJwk('one')] });
    const provider = httpJwksProvider(URL_, fetchFn);

    const keys = await Promise.all([provider.key('one'), provider.key('one'), provider.key('one')]);

    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('throws JwksUnavailableError when the key set cannot be fetched, and tries again next time', async () => {
    const fetchFn = fakeFetch(503, { keys: [rsaJwk('one')] });
    const provider = httpJwksProvider(URL_, fetchFn);

    await expect(provider.key('one')).rejects.toBeInstanceOf(JwksUnavailableError);
    await expect(provider.key('one')).resolves.toBeDefined();
  });

  it('throws JwksUnavailableError on a network failure or a body that is not JSON', async () => {
    const down = httpJwksProvider(URL_, vi.fn(() => Promise.reject(new TypeError('fetch failed'))));
    const garbled = httpJwksProvider(URL_, vi.fn(async () => new Response('<html>', { status: 200 })));

    await expect(down.key('one')).rejects.toBeInstanceOf(JwksUnavailableError);
    await expect(garbled.key('one')).rejects.toBeInstanceOf(JwksUnavailableError);
  });
});
