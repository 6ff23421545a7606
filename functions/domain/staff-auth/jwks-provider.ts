import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { JwksValidationError } from 'aws-jwt-verify/error';
import { SimpleFetcher, type Fetcher } from 'aws-jwt-verify/https';
import type { Jwks } from 'aws-jwt-verify/jwk';

/**
 * Where the staff token verifier finds its signing keys: Cognito's key set URL (fetched by
 * aws-jwt-verify's own fetcher) in AWS, or a key set at hand (the local issuer's) locally.
 */
export type StaffKeySet = { readonly uri: string; readonly fetcher?: Fetcher } | { readonly jwks: JsonWebKeySet };

/** A JSON Web Key Set as Cognito serves it. */
export interface JsonWebKeySet {
  readonly keys: readonly JsonWebKey[];
}

/** The key set could not be fetched: a fault on our side or Cognito's, not a bad token (so not a 401). */
export class JwksUnavailableError extends Error {
  override readonly name = 'JwksUnavailableError';
  constructor() {
    super('the staff sign-in key set could not be fetched');
  }
}

/** How long an unknown `kid` waits before the key set is fetched again: a forged `kid` cannot make us hammer Cognito. */
export const JWKS_REFETCH_INTERVAL_MS = 60_000;

/** The issuer (`iss`) of a Cognito user pool's tokens. */
export const cognitoIssuer = (region: string, userPoolId: string): string =>
  `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;

/** Where a Cognito user pool publishes its signing keys. */
export const cognitoJwksUrl = (issuer: string): string => `${issuer}/.well-known/jwks.json`;

/** RSA keys shorter than this are not trusted (Cognito's are 2048 bits). */
const MIN_MODULUS_BITS = 2048;

const isStrongRsaSigningKey = (jwk: JsonWebKey): boolean => {
  if (typeof jwk !== 'object' || jwk === null) return false;
  if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return false;
  if ((jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256')) return false;
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_MODULUS_BITS;
  } catch {
    return false;
  }
};

/**
 * The usable keys of a key set: RSA signature keys of at least 2048 bits, each pinned to RS256
 * (a key for encryption, for another algorithm, too short to be safe, or malformed is dropped, so
 * a token naming it is refused as signed by an unknown key). aws-jwt-verify checks the shape of a
 * key; the strength and the algorithm are our rule.
 */
export function signingKeys(jwks: unknown): JsonWebKeySet {
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return { keys: [] };
  return { keys: (list as JsonWebKey[]).filter(isStrongRsaSigningKey).map((jwk) => ({ ...jwk, alg: 'RS256', use: 'sig' })) };
}

/** aws-jwt-verify's key set parser, keeping only {@link signingKeys}. */
export function signingKeySetParser(body: ArrayBuffer): Jwks {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new JwksValidationError('the key set is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { keys?: unknown }).keys)) {
    throw new JwksValidationError('the key set has no keys array');
  }
  return signingKeys(parsed) as unknown as Jwks;
}

/**
 * The fetcher for a key set: aws-jwt-verify's HTTPS fetcher (with its timeouts and size limits)
 * for a URL, or one that answers with the key set at hand and never touches the network.
 */
export function keySetFetcher(keySet: StaffKeySet): Fetcher {
  if ('jwks' in keySet) {
    const body = new TextEncoder().encode(JSON.stringify(keySet.jwks));
    return { fetch: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer };
  }
  return keySet.fetcher ?? new SimpleFetcher();
}
