import { createHash, randomBytes } from 'node:crypto';

/** Cognito's token endpoint refused the code, or answered without an ID token. */
export class SignInFailedError extends Error {
  override readonly name = 'SignInFailedError';
  constructor(readonly status?: number) {
    super(status === undefined ? 'the sign-in answer held no ID token' : `the sign-in token endpoint answered HTTP ${status}`);
  }
}

/** The user pool's domain (`<prefix>.auth.<region>.amazoncognito.com`) and the console's app client. */
export interface HostedSignInClient {
  /** A host name only, no scheme or path. */
  readonly domain: string;
  readonly clientId: string;
  /** The console's callback URL, registered on the app client. */
  readonly redirectUri: string;
}

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

const origin = (domain: string): string => {
  if (!HOST_NAME.test(domain)) throw new TypeError('the Cognito domain must be a host name');
  return `https://${domain}`;
};

/** A PKCE verifier and its S256 challenge (RFC 7636). Keep the verifier; send the challenge. */
export function pkcePair(): { readonly codeVerifier: string; readonly codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

/** A random `state` for the authorize request, to be matched on the callback. */
export const oauthState = (): string => randomBytes(24).toString('base64url');

/**
 * Where to send a browser to sign in with Cognito's hosted pages (which enforce the MFA the
 * user pool requires): the authorization-code flow with PKCE, asking for an ID token.
 */
export function authorizeUrl(input: HostedSignInClient & { readonly state: string; readonly codeChallenge: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${origin(input.domain)}/oauth2/authorize?${query.toString()}`;
}

/** Where to send a browser to end its Cognito session too; `logoutUri` must be registered on the client. */
export function logoutUrl(input: { readonly domain: string; readonly clientId: string; readonly logoutUri: string }): string {
  const query = new URLSearchParams({ client_id: input.clientId, logout_uri: input.logoutUri });
  return `${origin(input.domain)}/logout?${query.toString()}`;
}

/**
 * Trades the authorization code from the callback for the ID token (the client has no secret;
 * the PKCE verifier proves the same browser started the sign-in). The answer's body is never put
 * in an error, since it may hold tokens.
 */
export async function exchangeCode(
  input: HostedSignInClient & { readonly code: string; readonly codeVerifier: string; readonly fetchFn?: typeof fetch },
): Promise<string> {
  const fetchFn = input.fetchFn ?? fetch;
  const response = await fetchFn(`${origin(input.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: input.clientId,
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    }).toString(),
  });
  if (!response.ok) throw new SignInFailedError(response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new SignInFailedError();
  }
  const idToken = (body as { id_token?: unknown } | null)?.id_token;
  if (typeof idToken !== 'string' || idToken === '') throw new SignInFailedError();
  return idToken;
}
