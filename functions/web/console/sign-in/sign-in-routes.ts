import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  authorizeUrl,
  checkCsrf,
  clearSessionCookie,
  exchangeCode,
  InvalidStaffTokenError,
  logoutUrl,
  oauthState,
  pkcePair,
  readCookie,
  sameOriginPost,
  SESSION_COOKIE,
  sessionCookie,
  SignInFailedError,
  revocationUntil,
  sessionTokenHash,
  type SessionRevocations,
  type StaffTokenVerifier,
} from '../../../domain/staff-auth/index.js';
import type { Logger } from '../../../platform/logger.js';
import { field, readFormOrEmpty } from '../form-fields.js';
import { CSRF_FIELD } from '../pages/form-controls.js';
import { renderSignInPage } from '../pages/sign-in-page.js';
import { renderConflictPage, renderNotFoundPage } from '../pages/status-pages.js';
import { htmlPage, redirect } from '../console-responses.js';
import { SESSION_SECONDS, type SignInMethod } from './sign-in-methods.js';

export interface SignInDeps {
  readonly signIn: SignInMethod;
  readonly verifier: StaffTokenVerifier;
  /** The console's own origin, e.g. `https://personvern.obos.no`. */
  readonly publicBaseUrl: string;
  /** `Secure` on cookies: everywhere except plain-HTTP localhost. */
  readonly secureCookies: boolean;
  readonly logger: Logger;
  /** Where signed-out sessions are kept until their tokens expire; checked by the staff gate. */
  readonly revocations?: SessionRevocations;
}

/** Holds the OAuth `state` and PKCE verifier between the redirect to Cognito and the callback. */
const PENDING_COOKIE = 'dsr_sign_in';
const PENDING_SECONDS = 600;
const cognitoPage = (statusCode: number, error?: string, cookies?: readonly string[]) =>
  htmlPage(statusCode, renderSignInPage(error ? { error } : {}), cookies);

/** Locally the gateway answers the sign-in page before the console sees it; anything else here is not found. */
const notHere = () => htmlPage(404, renderNotFoundPage());


const callbackUrl = (deps: SignInDeps): string => new URL('/console/auth/callback', deps.publicBaseUrl).href;

const sessionStart = (deps: SignInDeps, token: string): string =>
  sessionCookie(token, { secure: deps.secureCookies, maxAgeSeconds: SESSION_SECONDS });

/**
 * The page a browser lands on once it holds a session. A plain redirect would not do: the session
 * cookie is SameSite=Strict, and a browser arriving from Cognito's domain would not send it with a
 * redirect it followed from there, so this same-site page moves on to the queue itself.
 */
function signedInPage(): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/console"><title>Logget inn</title></head><body><main><h1>Du er logget inn</h1><p><a href="/console">Gå til saksbehandlingen</a></p></main></body></html>`;
}

/** GET/POST /console/sign-in, GET /console/auth/callback, POST /console/sign-out. */
export async function serveSignIn(deps: SignInDeps, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { signIn } = deps;
  switch (event.routeKey) {
    case 'GET /console/sign-in': {
      if (signIn.kind === 'local') return notHere();
      if (event.queryStringParameters?.provider !== 'cognito') return cognitoPage(200);
      const { codeVerifier, codeChallenge } = pkcePair();
      const state = oauthState();
      const secure = deps.secureCookies ? '; Secure' : '';
      return redirect(
        authorizeUrl({ domain: signIn.domain, clientId: signIn.clientId, redirectUri: callbackUrl(deps), state, codeChallenge }),
        // Lax, not Strict: the browser must send it back on the top-level redirect from Cognito.
        [`${PENDING_COOKIE}=${state}.${codeVerifier}; Path=/console/auth; HttpOnly; SameSite=Lax; Max-Age=${PENDING_SECONDS}${secure}`],
        302,
      );
    }
    case 'GET /console/auth/callback': {
      if (signIn.kind !== 'cognito') return notHere();
      const pending = readCookie({ cookies: event.cookies, headers: event.headers }, PENDING_COOKIE) ?? '';
      const [state, codeVerifier] = pending.split('.');
      const query = event.queryStringParameters ?? {};
      const clearPending = `${PENDING_COOKIE}=; Path=/console/auth; HttpOnly; SameSite=Lax; Max-Age=0${deps.secureCookies ? '; Secure' : ''}`;
      if (!state || !codeVerifier || !query.code || query.state !== state) {
        return cognitoPage(400, 'Innloggingen kunne ikke fullføres. Prøv igjen.', [clearPending]);
      }
      try {
        const token = await exchangeCode({
          domain: signIn.domain,
          clientId: signIn.clientId,
          redirectUri: callbackUrl(deps),
          code: query.code,
          codeVerifier,
          fetchFn: signIn.fetchFn,
        });
        await deps.verifier.verify(token);
        deps.logger.info('console.signed_in');
        return htmlPage(200, signedInPage(), [sessionStart(deps, token), clearPending]);
      } catch (error) {
        if (!(error instanceof SignInFailedError || error instanceof InvalidStaffTokenError)) throw error;
        deps.logger.warn('console.sign_in_failed', { reason: error.name });
        return cognitoPage(400, 'Innloggingen kunne ikke fullføres. Prøv igjen.', [clearPending]);
      }
    }
    case 'POST /console/sign-out': {
      // Signing out changes state too: only our own pages, with the session's token, may do it.
      const session = readCookie({ cookies: event.cookies, headers: event.headers }, SESSION_COOKIE);
      const submitted = field(readFormOrEmpty(event), CSRF_FIELD);
      if (!sameOriginPost(event.headers, deps.publicBaseUrl) || (session !== undefined && !checkCsrf(session, submitted))) {
        return htmlPage(403, renderConflictPage('Utloggingen kom fra en annen side eller var utløpt. Last siden på nytt og prøv igjen.', undefined));
      }
      if (session !== undefined && deps.revocations) {
        await deps.revocations.revoke(sessionTokenHash(session), revocationUntil(session, new Date()));
      }
      const cleared = clearSessionCookie({ secure: deps.secureCookies });
      if (signIn.kind === 'cognito') {
        const logoutUri = new URL('/console/sign-in', deps.publicBaseUrl).href;
        return redirect(logoutUrl({ domain: signIn.domain, clientId: signIn.clientId, logoutUri }), [cleared]);
      }
      return redirect('/console/sign-in', [cleared]);
    }
    default:
      return signIn.kind === 'local' ? notHere() : cognitoPage(404);
  }
}
