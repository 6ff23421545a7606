import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomBytes } from 'node:crypto';
import { CSRF_FIELD, readCookie, sameOriginPost, sameSecret, sessionCookie, type StaffIdentity } from '../../../functions/domain/staff-auth/index.js';
import { htmlPage, redirect } from '../../../functions/web/console/console-responses.js';
import { field, readFormOrEmpty } from '../../../functions/web/console/form-fields.js';
import { csrfField, errorSummary, inputField } from '../../../functions/web/console/pages/form-controls.js';
import { renderConsoleLayout } from '../../../functions/web/console/pages/layout.js';
import { SESSION_SECONDS } from '../../../functions/web/console/sign-in/sign-in-methods.js';
import type { Logger } from '../../../functions/platform/logger.js';
import { html } from '../../../functions/platform/html.js';
import type { LocalTokenIssuer } from './local-token-issuer.js';
import { checkLocalSignIn, type LocalUsersFile } from './local-users.js';

/** What local mode's stand-in for Cognito's hosted sign-in needs. */
export interface LocalSignInDeps {
  readonly users: LocalUsersFile;
  readonly issuer: LocalTokenIssuer;
  /** The console's own origin (the local gateway's URL). */
  readonly publicBaseUrl: string;
  /** `Secure` on cookies: everywhere except plain-HTTP localhost. */
  readonly secureCookies: boolean;
  readonly logger: Logger;
  /** The checks the form makes, one function so tests can count attempts. */
  readonly check?: (users: LocalUsersFile, username: string, password: string) => Promise<StaffIdentity | undefined>;
}

/** The routes the local gateway answers itself instead of handing them to the staff console. */
export const LOCAL_SIGN_IN_ROUTES = ['GET /console/sign-in', 'POST /console/sign-in'] as const;

/**
 * The form's anti-forgery token before there is a session (double submit): set with the form, it
 * must come back both as this cookie and as the form field.
 */
const FORM_COOKIE = 'dsr_sign_in_form';
const FORM_SECONDS = 1800;

interface FormModel {
  readonly csrfToken: string;
  /** Kept after a failed attempt; never the password. */
  readonly username?: string;
  /** One message for a failed attempt, never saying which of the two was wrong. */
  readonly error?: string;
}

/** The username-and-password page, in the console's layout, shown before there is a user (no menu). */
export function renderLocalSignInPage(model: FormModel): string {
  return renderConsoleLayout({
    title: model.error ? 'Feil: Logg inn' : 'Logg inn',
    body: html`${errorSummary(model.error ? [{ message: model.error, href: 'sign-in-username' }] : [])}
<h1>Logg inn</h1>
<p>Personvernkonsollen er for saksbehandlere hos OBOS Nærkontor.</p>
<form method="post" action="/console/sign-in">
${csrfField(model.csrfToken)}
${inputField({ id: 'sign-in-username', name: 'username', type: 'text', label: 'Brukernavn', required: true, autocomplete: 'username', maxlength: 100, value: model.username })}
${inputField({ id: 'sign-in-password', name: 'password', type: 'password', label: 'Passord', required: true, autocomplete: 'current-password', maxlength: 200 })}
<button type="submit">Logg inn</button>
</form>`,
  });
}

function localForm(deps: LocalSignInDeps, statusCode: number, extra: { username?: string; error?: string } = {}) {
  const token = randomBytes(24).toString('base64url');
  const secure = deps.secureCookies ? '; Secure' : '';
  return htmlPage(statusCode, renderLocalSignInPage({ csrfToken: token, ...extra }), [
    `${FORM_COOKIE}=${token}; Path=/console/sign-in; HttpOnly; SameSite=Strict; Max-Age=${FORM_SECONDS}${secure}`,
  ]);
}

/**
 * GET/POST /console/sign-in in local mode: a form checked against the local users file, whose
 * token a local key signs, set as the console's session cookie. The local gateway routes these two
 * routes here, so the console itself only links to its sign-in page and trusts what the one token
 * verifier accepts, as in AWS.
 */
export async function serveLocalSignIn(deps: LocalSignInDeps, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.routeKey !== 'POST /console/sign-in') return localForm(deps, event.routeKey === 'GET /console/sign-in' ? 200 : 404);
  const fields = readFormOrEmpty(event);
  // A cross-site form must not sign the browser in as someone else (login CSRF).
  const formCookie = readCookie({ cookies: event.cookies, headers: event.headers }, FORM_COOKIE);
  if (!sameOriginPost(event.headers, deps.publicBaseUrl) || !sameSecret(formCookie, field(fields, CSRF_FIELD))) {
    return localForm(deps, 403, { error: 'Innloggingsskjemaet var utløpt eller kom fra en annen side. Prøv igjen.' });
  }
  const username = field(fields, 'username').trim();
  const password = field(fields, 'password');
  const identity = username && password ? await (deps.check ?? checkLocalSignIn)(deps.users, username, password) : undefined;
  if (!identity) {
    deps.logger.info('console.sign_in_refused');
    return localForm(deps, 401, { username, error: 'Feil brukernavn eller passord.' });
  }
  deps.logger.info('console.signed_in');
  return redirect('/console', [sessionCookie(deps.issuer.issue(identity), { secure: deps.secureCookies, maxAgeSeconds: SESSION_SECONDS })]);
}
