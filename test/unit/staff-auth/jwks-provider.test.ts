import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { generateRsaPrivateKey } from '../../../infra/local/console-signing-key.js';
import { FetchError } from 'aws-jwt-verify/error';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cognitoIssuer,
  cognitoJwksUrl,
  JWKS_REFETCH_INTERVAL_MS,
  JwksUnavailableError,
  signingKeys,
} from '../../../functions/domain/staff-auth/jwks-provider.js';
import { createStaffTokenVerifier } from '../../../functions/domain/staff-auth/token-verifier.js';
import { CLIENT_ID, forgeToken, ISSUER, otherKey, signingKey, validClaims } from './staff-token-fixture.js';

const rsaJwk = (kid: string, key = signingKey) => ({ ...createPublicKey(key).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });
const URL_ = 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Pool/.well-known/jwks.json';

describe('cognito URLs', () => {
  it('builds the issuer and key set URL AWS documents', () => {
    const issuer = cognitoIssuer('eu-north-1', 'eu-north-1_Pool');
    expect(issuer).toBe('https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Pool');
    expect(cognitoJwksUrl(issuer)).toBe(URL_);
  });
});

describe('signingKeys', () => {
  const kids = (set: { keys: readonly object[] }) => set.keys.map((key) => (key as { kid?: string }).kid);

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

    expect(kids(keys)).toEqual(['good', 'no-use-or-alg']);
    expect(keys.keys.every((key) => key.alg === 'RS256' && key.use === 'sig')).toBe(true);
  });

  it('gives no keys for something that is not a key set', () => {
    expect(signingKeys(null).keys).toEqual([]);
    expect(signingKeys({ keys: 'none' }).keys).toEqual([]);
  });
});

describe('the verifier fetching a key set by URL (aws-jwt-verify with our fetcher, parser and refetch interval)', () => {
  /** A fake fetcher answering with the key sets given, one per call (the last one repeated); a number fails as that HTTP status. */
  function fakeFetcher(...answers: ({ keys: unknown[] } | number | string)[]) {
    let call = 0;
    return {
      fetch: vi.fn(async (uri: string) => {
        const answer = answers[Math.min(call++, answers.length - 1)];
        if (typeof answer === 'number') throw new FetchError(uri, `HTTP ${answer}`);
        const body = new TextEncoder().encode(typeof answer === 'string' ? answer : JSON.stringify(answer));
        return body.buffer as ArrayBuffer;
      }),
    };
  }
  const verifierWith = (fetcher: ReturnType<typeof fakeFetcher>) =>
    createStaffTokenVerifier({ issuer: ISSUER, clientId: CLIENT_ID, keySet: { uri: URL_, fetcher } });
  const tokenUnder = (kid: string, key = signingKey) => forgeToken(validClaims(), { alg: 'RS256', kid }, key);

  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches the key set once and answers known keys from its cache', async () => {
    const fetcher = fakeFetcher({ keys: [rsaJwk('one')] });
    const verifier = verifierWith(fetcher);

    await verifier.verify(tokenUnder('one'));
    await verifier.verify(tokenUnder('one'));

    expect(fetcher.fetch).toHaveBeenCalledTimes(1);
    expect(fetcher.fetch.mock.calls[0]?.[0]).toBe(URL_);
  });

  it('fetches again for an unknown kid at most once per interval, then finds a rotated key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetcher = fakeFetcher({ keys: [rsaJwk('one')] }, { keys: [rsaJwk('one')] }, { keys: [rsaJwk('one'), rsaJwk('two', otherKey)] });
    const verifier = verifierWith(fetcher);

    await verifier.verify(tokenUnder('one'));
    await expect(verifier.verify(tokenUnder('two', otherKey))).rejects.toMatchObject({ reason: 'unknown-key' });
    expect(fetcher.fetch).toHaveBeenCalledTimes(2);

    vi.advanceTimersByTime(JWKS_REFETCH_INTERVAL_MS - 1);
    await expect(verifier.verify(tokenUnder('three'))).rejects.toMatchObject({ reason: 'unknown-key' });
    expect(fetcher.fetch).toHaveBeenCalledTimes(2);

    vi.advanceTimersByTime(1);
    await expect(verifier.verify(tokenUnder('two', otherKey))).resolves.toMatchObject({ username: 'kari.saksbehandler' });
    expect(fetcher.fetch).toHaveBeenCalledTimes(3);
  });

  it('shares one fetch between concurrent verifications', async () => {
    const fetcher = fakeFetcher({ keys: [rsaJwk('one')] });
    const verifier = verifierWith(fetcher);

    await Promise.all([verifier.verify(tokenUnder('one')), verifier.verify(tokenUnder('one')), verifier.verify(tokenUnder('one'))]);

    expect(fetcher.fetch).toHaveBeenCalledTimes(1);
  });

  it('throws JwksUnavailableError when the key set cannot be fetched or read, and tries again next time', async () => {
    const fetcher = fakeFetcher(503, '<html>', { keys: [rsaJwk('one')] });
    const verifier = verifierWith(fetcher);

    await expect(verifier.verify(tokenUnder('one'))).rejects.toBeInstanceOf(JwksUnavailableError);
    await expect(verifier.verify(tokenUnder('one'))).rejects.toBeInstanceOf(JwksUnavailableError);
    await expect(verifier.verify(tokenUnder('one'))).resolves.toBeDefined();
  });

  it('refuses a token signed by a key the key set publishes but our rules drop (1024 bits)', async () => {
    const weak = generateRsaPrivateKey(1024);
    const verifier = verifierWith(fakeFetcher({ keys: [rsaJwk('weak', weak)] }));

    await expect(verifier.verify(tokenUnder('weak', weak))).rejects.toMatchObject({ reason: 'unknown-key' });
  });
});
