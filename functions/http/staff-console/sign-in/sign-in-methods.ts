import type { LocalTokenIssuer, LocalUsersFile, StaffIdentity } from '../../../domain/staff-auth/index.js';

/**
 * How staff sign in. In AWS: Cognito's hosted pages (which enforce the pool's MFA) with the
 * authorization-code flow and PKCE. Locally: a form checked against the local users file, whose
 * tokens a local issuer signs. Either way the console then trusts only what the one token
 * verifier accepts.
 */
export type SignInMethod =
  | {
      readonly kind: 'cognito';
      /** `<prefix>.auth.<region>.amazoncognito.com` */
      readonly domain: string;
      readonly clientId: string;
      readonly fetchFn?: typeof fetch;
    }
  | {
      readonly kind: 'local';
      readonly users: LocalUsersFile;
      readonly issuer: LocalTokenIssuer;
      /** The checks the local form makes, one function so tests can count attempts. */
      readonly check?: (users: LocalUsersFile, username: string, password: string) => Promise<StaffIdentity | undefined>;
    };

/** Seconds a console session lasts: the ID token's own lifetime (1 hour in Cognito and locally). */
export const SESSION_SECONDS = 3600;
