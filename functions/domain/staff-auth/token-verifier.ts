import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import {
  FetchError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwtBaseError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
} from 'aws-jwt-verify/error';
import { SimpleJwksCache, SimplePenaltyBox } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { keySetFetcher, signingKeySetParser, JwksUnavailableError, JWKS_REFETCH_INTERVAL_MS, type StaffKeySet } from './jwks-provider.js';
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
  /** Where the signing keys come from: Cognito's key set URL in AWS, the local issuer's key set locally. */
  readonly keySet: StaffKeySet;
}

/** aws-jwt-verify's errors, by the reason we give (checked in order: subclasses before their parents). */
const REASONS: readonly [new (...args: never[]) => Error, InvalidStaffTokenReason][] = [
  [JwtParseError, 'malformed'],
  [JwtInvalidSignatureAlgorithmError, 'algorithm'],
  [JwtInvalidSignatureError, 'signature'],
  [JwtInvalidIssuerError, 'issuer'],
  [JwtInvalidAudienceError, 'audience'],
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'issued-in-future'],
];

/** A key set that could not be fetched or read is our fault or Cognito's, not the token's. */
const UNAVAILABLE = [FetchError, JwksValidationError, JwksNotAvailableInCacheError];

function asStaffTokenError(error: unknown): Error {
  if (error instanceof InvalidStaffTokenError || error instanceof JwksUnavailableError) return error;
  if (UNAVAILABLE.some((type) => error instanceof type)) return new JwksUnavailableError();
  const reason = REASONS.find(([type]) => error instanceof type)?.[1];
  if (reason) return new InvalidStaffTokenError(reason);
  // Kid not found, no kid, refetch still waiting, a key of the wrong kind: no key of ours signed it.
  if (error instanceof JwtBaseError) return new InvalidStaffTokenError('unknown-key');
  return error instanceof Error ? error : new Error('staff token verification failed');
}

/**
 * The Cognito ID token claims aws-jwt-verify leaves to us: `token_use`, `exp` and `iat` present, the
 * username. The audience must be our client id as a string, as Cognito writes it: the library would
 * also take a list that contains it, which Cognito never issues.
 */
function checkIdTokenClaims(payload: JwtPayload, clientId: string): StaffIdentity {
  if (payload.aud !== clientId) throw new InvalidStaffTokenError('audience');
  if (payload.token_use !== 'id') throw new InvalidStaffTokenError('token-use');
  if (typeof payload.exp !== 'number') throw new InvalidStaffTokenError('expired');
  if (typeof payload.iat !== 'number' || payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) throw new InvalidStaffTokenError('issued-in-future');
  const identity = toStaffIdentity(payload['cognito:username'], payload['cognito:groups']);
  if (!identity) throw new InvalidStaffTokenError('identity');
  return identity;
}

/**
 * Verifies Cognito ID tokens with aws-jwt-verify (AWS's own library): the structure, an RS256
 * signature by a key of the pool's key set, the issuer, the audience and the expiry, with a minute
 * of clock skew; then what the library leaves to the caller (`token_use` `id`, `iat` not in the
 * future, a username the audit trail accepts). The key set is fetched and cached by the library,
 * refetched for an unknown `kid` at most once a minute. Locally the same verifier reads the local
 * sign-in's key set instead of fetching one, so local mode exercises the code the console relies on.
 *
 * The algorithm is pinned to RS256 before the library sees the token: Cognito signs only with RS256,
 * and the library would otherwise also accept other RSA and EC algorithms for a key without `alg`.
 */
export function createStaffTokenVerifier(options: StaffTokenVerifierOptions): StaffTokenVerifier {
  const jwksUri = 'uri' in options.keySet ? options.keySet.uri : `${options.issuer}/.well-known/jwks.json`;
  const jwksCache = new SimpleJwksCache({
    fetcher: keySetFetcher(options.keySet),
    jwksParser: signingKeySetParser,
    penaltyBox: new SimplePenaltyBox({ waitSeconds: JWKS_REFETCH_INTERVAL_MS / 1000 }),
  });
  const verifier = JwtVerifier.create(
    { issuer: options.issuer, audience: options.clientId, jwksUri, graceSeconds: CLOCK_SKEW_SECONDS },
    { jwksCache },
  );
  return {
    async verify(token) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new InvalidStaffTokenError('malformed');
      try {
        const { header } = decomposeUnverifiedJwt(token);
        if (header.alg !== 'RS256') throw new InvalidStaffTokenError('algorithm');
        return checkIdTokenClaims(await verifier.verify(token), options.clientId);
      } catch (error) {
        throw asStaffTokenError(error);
      }
    },
  };
}
