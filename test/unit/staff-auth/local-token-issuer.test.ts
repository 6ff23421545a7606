import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLocalTokenIssuer } from '../../../infra/local/sign-in/local-token-issuer.js';
import { rsaKeyThumbprint } from '../../../functions/domain/staff-auth/key-thumbprint.js';
import { CLIENT_ID, decodePart, ISSUED_AT, issuer, ISSUER, KID, signingKey } from './staff-token-fixture.js';

describe('createLocalTokenIssuer', () => {
  const kari = { username: 'kari.saksbehandler', groups: ['staff'] } as const;

  it('issues RS256 tokens naming its key', () => {
    expect(decodePart(issuer().issue(kari), 0)).toEqual({ kid: KID, alg: 'RS256', typ: 'JWT' });
  });

  it('names its key by the key thumbprint when no key id is given, in the token and in the key set', () => {
    const derived = createLocalTokenIssuer({ privateKey: signingKey, issuer: ISSUER, clientId: CLIENT_ID, now: () => ISSUED_AT });

    expect(decodePart(derived.issue({ username: 'kari', groups: ['staff'] }), 0).kid).toBe(rsaKeyThumbprint(signingKey));
    expect(derived.jwks().keys.map((key) => key.kid)).toEqual([rsaKeyThumbprint(signingKey)]);
  });

  it('puts the claims of a Cognito ID token in them, valid for an hour by default', () => {
    const iat = ISSUED_AT.getTime() / 1000;

    expect(decodePart(issuer().issue(kari), 1)).toEqual({
      sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      'cognito:groups': ['staff'],
      iss: ISSUER,
      'cognito:username': 'kari.saksbehandler',
      aud: CLIENT_ID,
      token_use: 'id',
      auth_time: iat,
      iat,
      exp: iat + 3600,
      jti: expect.any(String),
    });
  });

  it('gives a user the same sub every time, and each token its own jti', () => {
    const first = decodePart(issuer().issue(kari), 1);
    const second = decodePart(issuer().issue(kari), 1);
    const per = decodePart(issuer().issue({ username: 'per.saksbehandler', groups: ['staff'] }), 1);

    expect(second.sub).toBe(first.sub);
    expect(per.sub).not.toBe(first.sub);
    expect(second.jti).not.toBe(first.jti);
  });

  it('leaves cognito:groups out for a user in no group, as Cognito does', () => {
    expect(decodePart(issuer().issue({ username: 'uten.tilgang', groups: [] }), 1)).not.toHaveProperty('cognito:groups');
  });

  it('publishes only the public half of its key', () => {
    const { keys } = issuer().jwks();
    const publicJwk = createPublicKey(signingKey).export({ format: 'jwk' });

    expect(keys).toEqual([{ kty: 'RSA', n: publicJwk.n, e: publicJwk.e, kid: KID, alg: 'RS256', use: 'sig' }]);
    expect(keys[0]).not.toHaveProperty('d');
  });
});
