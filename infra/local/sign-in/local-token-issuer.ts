import { createHash, createPublicKey, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { rsaKeyThumbprint, type JsonWebKeySet, type StaffIdentity } from '../../../functions/domain/staff-auth/index.js';

export interface LocalTokenIssuerOptions {
  /** The RSA private key (from `loadOrCreateConsoleSigningKey` in local mode). */
  readonly privateKey: KeyObject;
  /**
   * The key id put in each token's header and in the published key set.
   *
   * @default the key's RFC 7638 thumbprint, so the same key always has the same id
   */
  readonly kid?: string;
  /** The `iss` claim; the verifier of local mode expects the same value. */
  readonly issuer: string;
  /** The `aud` claim, standing in for the Cognito app client id. */
  readonly clientId: string;
  /** @default 3600, the ID token validity of the Cognito app client */
  readonly lifetimeSeconds?: number;
  readonly now?: () => Date;
}

/** Signs ID tokens for the local sign-in page and publishes the key that checks them. */
export interface LocalTokenIssuer {
  issue(identity: StaffIdentity): string;
  jwks(): JsonWebKeySet;
}

const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A stable, uuid-shaped `sub` per issuer and username, like Cognito's per-user `sub`. */
const subjectOf = (issuer: string, username: string): string => {
  const hex = createHash('sha256').update(`${issuer}\n${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The local stand-in for Cognito's token endpoint: RS256 tokens with the claims of a Cognito ID
 * token, so local mode signs in through the same verifier (`createStaffTokenVerifier`) that
 * checks Cognito's tokens in AWS, rather than through a local shortcut.
 */
export function createLocalTokenIssuer(options: LocalTokenIssuerOptions): LocalTokenIssuer {
  const lifetime = options.lifetimeSeconds ?? 3600;
  const now = options.now ?? (() => new Date());
  const publicJwk = createPublicKey(options.privateKey).export({ format: 'jwk' });
  if (publicJwk.kty !== 'RSA') throw new TypeError('the local token issuer needs an RSA key');
  const kid = options.kid ?? rsaKeyThumbprint(options.privateKey);

  return {
    issue(identity) {
      const iat = Math.floor(now().getTime() / 1000);
      const header = { kid, alg: 'RS256', typ: 'JWT' };
      const claims = {
        sub: subjectOf(options.issuer, identity.username),
        // Cognito leaves the claim out for a user in no group.
        ...(identity.groups.length > 0 ? { 'cognito:groups': [...identity.groups] } : {}),
        iss: options.issuer,
        'cognito:username': identity.username,
        aud: options.clientId,
        token_use: 'id',
        auth_time: iat,
        iat,
        exp: iat + lifetime,
        jti: randomUUID(),
      };
      const signed = `${encode(header)}.${encode(claims)}`;
      const signature = sign('sha256', Buffer.from(signed, 'ascii'), options.privateKey).toString('base64url');
      return `${signed}.${signature}`;
    },
    jwks() {
      const key: JsonWebKey = { kty: 'RSA', n: publicJwk.n, e: publicJwk.e, kid, alg: 'RS256', use: 'sig' };
      return { keys: [key] };
    },
  };
}
