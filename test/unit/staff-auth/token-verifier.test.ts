import { createPublicKey } from 'node:crypto';
import { FetchError } from 'aws-jwt-verify/error';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_SECONDS,
  createStaffTokenVerifier,
  InvalidStaffTokenError,
  type InvalidStaffTokenReason,
} from '../../../functions/domain/staff-auth/token-verifier.js';
import { JwksUnavailableError } from '../../../functions/domain/staff-auth/jwks-provider.js';
import {
  CLIENT_ID,
  decodePart,
  forgeToken,
  hmacToken,
  ISSUED_AT,
  issuer,
  ISSUER,
  KID,
  otherKey,
  signingKey,
  unsignedToken,
  validClaims,
  verifierAt,
} from './staff-token-fixture.js';

const seconds = (n: number) => new Date(ISSUED_AT.getTime() + n * 1000);

async function rejection(token: string, at: Date = ISSUED_AT): Promise<InvalidStaffTokenError> {
  const error = await verifierAt(at).verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidStaffTokenError);
  return error as InvalidStaffTokenError;
}

const expectReason = async (token: string, reason: InvalidStaffTokenReason, at?: Date) =>
  expect((await rejection(token, at)).reason).toBe(reason);

describe('createStaffTokenVerifier', () => {
  it('accepts a token from the local issuer and returns its username and groups', async () => {
    const token = issuer().issue({ username: 'personvernombud', groups: ['staff', 'privacy-officer'] });

    await expect(verifierAt().verify(token)).resolves.toEqual({
      username: 'personvernombud',
      groups: ['staff', 'privacy-officer'],
    });
  });

  it('accepts a user in no group with an empty group list', async () => {
    const token = issuer().issue({ username: 'uten.tilgang', groups: [] });

    await expect(verifierAt().verify(token)).resolves.toEqual({ username: 'uten.tilgang', groups: [] });
  });

  it('drops groups the console does not know', async () => {
    const token = forgeToken({ ...validClaims(), 'cognito:groups': ['admin', 'staff', 'eu-north-1_Pool_Google'] });

    await expect(verifierAt().verify(token)).resolves.toEqual({ username: 'kari.saksbehandler', groups: ['staff'] });
  });

  describe('rejects', () => {
    it('a token that is not three base64url parts', async () => {
      const valid = forgeToken(validClaims());
      await expectReason('', 'malformed');
      await expectReason('abc.def', 'malformed');
      await expectReason(`${valid}.extra`, 'malformed');
      await expectReason(valid.replace('.', '.+'), 'malformed');
      await expectReason(`${'a'.repeat(20_000)}.b.c`, 'malformed');
    });

    it('a header or payload that is not a JSON object', async () => {
      const notJson = Buffer.from('not json').toString('base64url');
      const [, payload, signature] = forgeToken(validClaims()).split('.');
      await expectReason(`${notJson}.${payload}.${signature}`, 'malformed');
      await expectReason(forgeToken([validClaims()]), 'malformed');
      await expectReason(forgeToken(null), 'malformed');
    });

    it("an unsigned token (alg 'none')", async () => {
      await expectReason(unsignedToken(validClaims()), 'malformed');
      const withSignature = `${unsignedToken(validClaims())}c2ln`;
      await expectReason(withSignature, 'algorithm');
    });

    it('an HS256 token keyed with the public key (algorithm confusion)', async () => {
      const publicPem = createPublicKey(signingKey).export({ type: 'spki', format: 'pem' });
      await expectReason(hmacToken(validClaims(), publicPem), 'algorithm');
    });

    it('a token with another RSA algorithm', async () => {
      await expectReason(forgeToken(validClaims(), { kid: KID, alg: 'RS512' }), 'algorithm');
      await expectReason(forgeToken(validClaims(), { kid: KID, alg: 'PS256' }), 'algorithm');
    });

    it('a token without a kid, or naming a key not in the key set', async () => {
      await expectReason(forgeToken(validClaims(), { alg: 'RS256' }), 'unknown-key');
      await expectReason(forgeToken(validClaims(), { alg: 'RS256', kid: 'someone-elses-key' }), 'unknown-key');
    });

    it('a token signed by another key under our kid', async () => {
      await expectReason(forgeToken(validClaims(), undefined, otherKey), 'signature');
    });

    it('a token whose claims were changed after signing', async () => {
      const token = issuer().issue({ username: 'kari.saksbehandler', groups: ['staff'] });
      const [header, , signature] = token.split('.');
      const claims = { ...decodePart(token, 1), 'cognito:groups': ['staff', 'privacy-officer'] };
      const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

      await expectReason(tampered, 'signature');
    });

    it('a token whose header was changed after signing', async () => {
      const token = issuer().issue({ username: 'kari.saksbehandler', groups: ['staff'] });
      const [, payload, signature] = token.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: KID, typ: 'at+jwt' })).toString('base64url');

      await expectReason(`${header}.${payload}.${signature}`, 'signature');
    });

    it('a token from another issuer', async () => {
      await expectReason(forgeToken({ ...validClaims(), iss: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Other' }), 'issuer');
      await expectReason(forgeToken({ ...validClaims(), iss: undefined }), 'issuer');
    });

    it('an access token or a token without token_use', async () => {
      await expectReason(forgeToken({ ...validClaims(), token_use: 'access' }), 'token-use');
      await expectReason(forgeToken({ ...validClaims(), token_use: undefined }), 'token-use');
    });

    it('a token for another app client', async () => {
      await expectReason(forgeToken({ ...validClaims(), aud: 'another-client' }), 'audience');
      await expectReason(forgeToken({ ...validClaims(), aud: [CLIENT_ID] }), 'audience');
      await expectReason(forgeToken({ ...validClaims(), aud: undefined }), 'audience');
    });

    it('an expired token, beyond the allowed clock skew', async () => {
      const token = issuer().issue({ username: 'kari.saksbehandler', groups: ['staff'] });

      await expect(verifierAt(seconds(3600 + CLOCK_SKEW_SECONDS - 1)).verify(token)).resolves.toBeDefined();
      await expectReason(token, 'expired', seconds(3600 + CLOCK_SKEW_SECONDS + 1));
      await expectReason(forgeToken({ ...validClaims(), exp: undefined }), 'expired');
      // aws-jwt-verify refuses a claim of the wrong type while parsing.
      await expectReason(forgeToken({ ...validClaims(), exp: String(Number(validClaims().exp)) }), 'malformed');
    });

    it('a token issued in the future, beyond the allowed clock skew', async () => {
      const token = issuer().issue({ username: 'kari.saksbehandler', groups: ['staff'] });

      await expect(verifierAt(seconds(-CLOCK_SKEW_SECONDS)).verify(token)).resolves.toBeDefined();
      await expectReason(token, 'issued-in-future', seconds(-CLOCK_SKEW_SECONDS - 1));
      await expectReason(forgeToken({ ...validClaims(), iat: undefined }), 'issued-in-future');
    });

    it('a token without a username the audit trail accepts', async () => {
      await expectReason(forgeToken({ ...validClaims(), 'cognito:username': undefined }), 'identity');
      await expectReason(forgeToken({ ...validClaims(), 'cognito:username': 'kari nordmann' }), 'identity');
      await expectReason(forgeToken({ ...validClaims(), 'cognito:username': 'a'.repeat(101) }), 'identity');
    });
  });

  it('never puts the token or its claims in the error message', async () => {
    const token = forgeToken({ ...validClaims(), iss: 'https://evil.example', 'cognito:username': 'kari.saksbehandler' });

    const error = await rejection(token);

    expect(error.message).toBe('staff token rejected: issuer');
    expect(error.message).not.toContain('kari');
    expect(error.message).not.toContain('evil');
  });

  it('lets a failure to fetch the key set through as JwksUnavailableError, as it is no token fault', async () => {
    const verifier = createStaffTokenVerifier({
      issuer: ISSUER,
      clientId: CLIENT_ID,
      keySet: { uri: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_Pool/.well-known/jwks.json', fetcher: { fetch: (uri) => Promise.reject(new FetchError(uri, 'key set down')) } },
    });

    await expect(verifier.verify(forgeToken(validClaims()))).rejects.toBeInstanceOf(JwksUnavailableError);
  });

  it('checks tokens against the key set it is given, not a key the token brings', async () => {
    const verifier = createStaffTokenVerifier({
      issuer: ISSUER,
      clientId: CLIENT_ID,
      keySet: { jwks: { keys: [] } },
    });
    const jwk = createPublicKey(otherKey).export({ format: 'jwk' });

    await expect(verifier.verify(forgeToken(validClaims(), { alg: 'RS256', kid: KID, jwk }, otherKey))).rejects.toMatchObject({
      reason: 'unknown-key',
    });
  });
});
