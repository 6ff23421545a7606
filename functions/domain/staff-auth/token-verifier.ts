import { verify as verifySignature } from 'node:crypto';
import type { JwksProvider } from './jwks-provider.js';
import { toStaffIdentity, type StaffIdentity } from './staff-identity.js';

/** Why a token was refused; stable codes for logs and tests, never the token or its claims. */
export type InvalidStaffTokenReason =
  | 'malformed'
  | 'algorithm'
  | 'unknown-key'
  | 'signature'
  | 'issuer'
  | 'token-use'
  | 'audience'
  | 'expired'
  | 'issued-in-future'
  | 'identity';

/**
 * The token does not prove a signed-in staff member (answered with 401). The message names only
 * the reason, never the token or any claim, so it is safe to log.
 */
export class InvalidStaffTokenError extends Error {
  override readonly name = 'InvalidStaffTokenError';
  constructor(readonly reason: InvalidStaffTokenReason) {
    super(`staff token rejected: ${reason}`);
  }
}

/** How far the verifier's clock may disagree with the issuer's when checking `exp` and `iat`. */
export const CLOCK_SKEW_SECONDS = 60;

/** Far longer than any Cognito ID token; a bigger string is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 16_384;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Checks ID tokens of one user pool app client, from Cognito or from the local issuer alike. */
export interface StaffTokenVerifier {
  /** The staff member the token proves; throws {@link InvalidStaffTokenError} otherwise. */
  verify(token: string): Promise<StaffIdentity>;
}

export interface StaffTokenVerifierOptions {
  /** The expected `iss`: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` in AWS. */
  readonly issuer: string;
  /** The console's app client id, the expected `aud` of its ID tokens. */
  readonly clientId: string;
  readonly jwks: JwksProvider;
  readonly now?: () => Date;
}

const decodeJson = (part: string): Record<string, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidStaffTokenError('malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidStaffTokenError('malformed');
  return value as Record<string, unknown>;
};

/**
 * A verifier that checks exactly what AWS documents for Cognito ID tokens ("Verifying a JSON web
 * token"): the structure, an RS256 signature by a key of the pool's key set (never `none` or an
 * HMAC algorithm, which would let a public key act as a shared secret), the issuer, `token_use`
 * `id`, the audience, and the expiry. The same code checks the local sign-in's tokens, so local
 * mode exercises the verifier the deployed console relies on.
 *
 * Failures to fetch the key set are not token faults and propagate as they are.
 */
export function createStaffTokenVerifier(options: StaffTokenVerifierOptions): StaffTokenVerifier {
  const now = options.now ?? (() => new Date());
  return {
    async verify(token) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new InvalidStaffTokenError('malformed');
      const parts = token.split('.');
      if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new InvalidStaffTokenError('malformed');
      const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];

      const header = decodeJson(encodedHeader);
      if (header.alg !== 'RS256') throw new InvalidStaffTokenError('algorithm');
      if (typeof header.kid !== 'string' || header.kid === '') throw new InvalidStaffTokenError('unknown-key');
      const key = await options.jwks.key(header.kid);
      if (!key || key.asymmetricKeyType !== 'rsa') throw new InvalidStaffTokenError('unknown-key');

      const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
      const signature = Buffer.from(encodedSignature, 'base64url');
      if (!verifySignature('sha256', signed, key, signature)) throw new InvalidStaffTokenError('signature');

      const claims = decodeJson(encodedPayload);
      if (claims.iss !== options.issuer) throw new InvalidStaffTokenError('issuer');
      if (claims.token_use !== 'id') throw new InvalidStaffTokenError('token-use');
      if (claims.aud !== options.clientId) throw new InvalidStaffTokenError('audience');

      const nowSeconds = now().getTime() / 1000;
      if (typeof claims.exp !== 'number' || nowSeconds >= claims.exp + CLOCK_SKEW_SECONDS) {
        throw new InvalidStaffTokenError('expired');
      }
      if (typeof claims.iat !== 'number' || claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) {
        throw new InvalidStaffTokenError('issued-in-future');
      }

      const identity = toStaffIdentity(claims['cognito:username'], claims['cognito:groups']);
      if (!identity) throw new InvalidStaffTokenError('identity');
      return identity;
    },
  };
}
