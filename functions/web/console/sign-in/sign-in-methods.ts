/**
 * How staff sign in. In AWS: Cognito's hosted pages (which enforce the pool's MFA) with the
 * authorization-code flow and PKCE. Locally: the local gateway answers the sign-in page itself
 * (infra/local/sign-in, a form checked against the local users file, whose tokens a local key
 * signs), so the console only links there and no Lambda bundle holds local-only code. Either way
 * the console then trusts only what the one token verifier accepts.
 */
export type SignInMethod =
  | {
      readonly kind: 'cognito';
      /** `<prefix>.auth.<region>.amazoncognito.com` */
      readonly domain: string;
      readonly clientId: string;
      readonly fetchFn?: typeof fetch;
    }
  | { readonly kind: 'local' };

/** Seconds a console session lasts: the ID token's own lifetime (1 hour in Cognito and locally). */
export const SESSION_SECONDS = 3600;
