import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Where the token verifier finds the public key a token names in its `kid` header. Cognito
 * publishes its keys at {@link cognitoJwksUrl}; local mode serves the local issuer's key directly.
 */
export interface JwksProvider {
  /** The RSA signing key with this key id, or `undefined` when no such key is published. */
  key(kid: string): Promise<KeyObject | undefined>;
}

/** A JSON Web Key Set as Cognito serves it. */
export interface JsonWebKeySet {
  readonly keys: readonly JsonWebKey[];
}

/** The key set could not be fetched: a fault on our side or Cognito's, not a bad token (so not a 401). */
export class JwksUnavailableError extends Error {
  override readonly name = 'JwksUnavailableError';
  constructor(readonly status?: number) {
    super(status === undefined ? 'the staff sign-in key set could not be fetched' : `the staff sign-in key set answered HTTP ${status}`);
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

/**
 * The usable keys of a key set by `kid`: RSA signature keys of at least 2048 bits only (a key for
 * encryption, for another algorithm, or too short to be safe is skipped, never offered to the verifier).
 */
export function signingKeys(jwks: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return keys;
  for (const jwk of list as JsonWebKey[]) {
    if (typeof jwk !== 'object' || jwk === null) continue;
    if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_MODULUS_BITS) keys.set(jwk.kid, key);
    } catch {
      // A malformed key is as good as absent; tokens naming it are rejected.
    }
  }
  return keys;
}

/** A fixed key set: local mode (the local issuer's own key) and tests. */
export function staticJwksProvider(jwks: JsonWebKeySet): JwksProvider {
  const keys = signingKeys(jwks);
  return { key: async (kid) => keys.get(kid) };
}

/**
 * Cognito's key set over HTTPS, cached for the life of the Lambda container. A token signed with a
 * key we have not seen (Cognito rotated its keys) fetches the set again, at most once every
 * {@link JWKS_REFETCH_INTERVAL_MS}. A failed fetch throws {@link JwksUnavailableError} and is retried
 * on the next request.
 *
 * @example
 * const jwks = httpJwksProvider(cognitoJwksUrl(cognitoIssuer('eu-north-1', 'eu-north-1_AbC')));
 */
export function httpJwksProvider(
  url: string,
  fetchFn: typeof fetch = fetch,
  now: () => Date = () => new Date(),
): JwksProvider {
  let keys = new Map<string, KeyObject>();
  let fetchedAt: number | undefined;
  let inFlight: Promise<void> | undefined;

  const refresh = async (): Promise<void> => {
    let response: Response;
    try {
      response = await fetchFn(url, { headers: { accept: 'application/json' } });
    } catch {
      throw new JwksUnavailableError();
    }
    if (!response.ok) throw new JwksUnavailableError(response.status);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new JwksUnavailableError(response.status);
    }
    keys = signingKeys(body);
    fetchedAt = now().getTime();
  };

  return {
    async key(kid) {
      const known = keys.get(kid);
      if (known) return known;
      const due = fetchedAt === undefined || now().getTime() - fetchedAt >= JWKS_REFETCH_INTERVAL_MS;
      if (!due) return undefined;
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      await inFlight;
      return keys.get(kid);
    },
  };
}
