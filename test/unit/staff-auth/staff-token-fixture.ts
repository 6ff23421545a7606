import { createHmac, sign, type KeyObject } from 'node:crypto';
import { generateRsaPrivateKey } from '../../../infra/local/console-signing-key.js';
import { createLocalTokenIssuer } from '../../../infra/local/sign-in/local-token-issuer.js';
import { vi } from 'vitest';
import { createStaffTokenVerifier, type StaffTokenVerifier } from '../../../functions/domain/staff-auth/token-verifier.js';

export const ISSUER = 'http://localhost:3000/local-cognito';
export const CLIENT_ID = 'local-console-client';
export const KID = 'local-key-1';
/**
 * The instant tokens are issued at in these tests: now, to the second, as aws-jwt-verify checks
 * expiry against the real clock (a test that needs another time sets it with `verifierAt`).
 */
export const ISSUED_AT = new Date(Math.floor(Date.now() / 1000) * 1000);

/** One RSA key per test file: generating keys is slow next to everything else here. */
export const signingKey: KeyObject = generateRsaPrivateKey();
export const otherKey: KeyObject = generateRsaPrivateKey();

export const issuer = (now: () => Date = () => ISSUED_AT) =>
  createLocalTokenIssuer({ privateKey: signingKey, kid: KID, issuer: ISSUER, clientId: CLIENT_ID, now });

/** A verifier of the local issuer's tokens; with `at`, each verification runs with the clock set to it. */
export function verifierAt(at?: Date): StaffTokenVerifier {
  const verifier = createStaffTokenVerifier({ issuer: ISSUER, clientId: CLIENT_ID, keySet: { jwks: issuer().jwks() } });
  if (!at) return verifier;
  return {
    async verify(token) {
      vi.setSystemTime(at);
      try {
        return await verifier.verify(token);
      } finally {
        vi.useRealTimers();
      }
    },
  };
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export const decodePart = (token: string, index: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** Claims of a valid Cognito-shaped ID token issued at {@link ISSUED_AT}. */
export const validClaims = (): Record<string, unknown> => {
  const iat = Math.floor(ISSUED_AT.getTime() / 1000);
  return {
    sub: '5f1c2d3e-0000-4000-8000-000000000001',
    'cognito:groups': ['staff'],
    iss: ISSUER,
    'cognito:username': 'kari.saksbehandler',
    aud: CLIENT_ID,
    token_use: 'id',
    auth_time: iat,
    iat,
    exp: iat + 3600,
  };
};

/** A token with any header and claims, RS256-signed with `key` (the trusted key unless told otherwise). */
export function forgeToken(
  claims: unknown,
  header: Record<string, unknown> = { kid: KID, alg: 'RS256' },
  key: KeyObject = signingKey,
): string {
  const signed = `${encode(header)}.${encode(claims)}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), key).toString('base64url')}`;
}

/** A token HMAC-signed with the given secret, as an algorithm-confusion attack would send it. */
export function hmacToken(claims: Record<string, unknown>, secret: string | Buffer): string {
  const signed = `${encode({ kid: KID, alg: 'HS256' })}.${encode(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** An unsigned token (`alg: none`, empty signature). */
export const unsignedToken = (claims: Record<string, unknown>): string =>
  `${encode({ kid: KID, alg: 'none' })}.${encode(claims)}.`;
