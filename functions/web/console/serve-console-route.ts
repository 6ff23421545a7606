import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isRequestId } from '../../domain/request/request-id.js';
import { STAFF_GROUP_LABELS } from '../../domain/request/staff-labels.js';
import { checkCsrf, csrfToken, sameOriginPost, sessionTokenFrom } from '../../domain/staff-auth/index.js';
import { routeByKey, type HttpFunctionFolder, type HttpRoute } from '../../http/routes.js';
import { staffGate } from '../staff-gate.js';
import { htmlPage } from './console-responses.js';
import type { ConsoleDeps, ConsoleRequest } from './console-deps.js';
import { field, readForm, UnreadableFormError, type FormFields } from './form-fields.js';
import { CSRF_FIELD } from './pages/form-controls.js';
import type { ConsoleContext } from './pages/console-context.js';
import { renderConflictPage, renderForbiddenPage, renderNotFoundPage, renderUnauthenticatedPage } from './pages/status-pages.js';

type ConsoleResult = APIGatewayProxyStructuredResultV2;

/** The one route of a console function whose form carries a file, and how to read it. */
export interface ConsoleUpload {
  readonly path: string;
  readonly read: (event: APIGatewayProxyEventV2) => Promise<{ readonly fields: FormFields; readonly file: Uint8Array }>;
  /** What staff read when the file is larger than the route accepts (413). */
  readonly tooLargeText: string;
}

/** One deployable console function: its name in `HTTP_ROUTES` and how it serves a checked request. */
export interface ConsoleFunction<D extends ConsoleDeps> {
  readonly folder: HttpFunctionFolder;
  /** Serves a route of this function once the caller passed the gate (and a POST its CSRF check). */
  readonly serve: (deps: D, route: HttpRoute, request: ConsoleRequest) => Promise<ConsoleResult>;
  readonly upload?: ConsoleUpload;
  /**
   * Serves the open sign-in routes (the sign-in page, Cognito's callback, sign-out): given to the one
   * function `HTTP_ROUTES` routes them to, so the others do not carry the sign-in code.
   */
  readonly signIn?: (deps: D, event: APIGatewayProxyEventV2) => Promise<ConsoleResult>;
}

/**
 * The front door every console function shares. Sign-in routes are open; every other route passes
 * the staff gate (401 without a valid or with a revoked token, 403 outside the route's group), and
 * every POST must come from our own origin with the session's CSRF token before anything is read or
 * changed. A route `HTTP_ROUTES` gives to another function is not found here.
 */
export async function serveConsoleRoute<D extends ConsoleDeps>(
  fn: ConsoleFunction<D>,
  deps: D,
  event: APIGatewayProxyEventV2,
): Promise<ConsoleResult> {
  const route = routeByKey(event.routeKey);
  if (route === undefined || route.function !== fn.folder) return htmlPage(404, renderNotFoundPage());
  if (route.auth === 'public') return fn.signIn === undefined ? htmlPage(404, renderNotFoundPage()) : fn.signIn(deps, event);

  const gate = await staffGate(deps.verifier, event, deps.revocations);
  if (!gate.ok) {
    if (gate.status === 401) {
      const cameWithSession = sessionTokenFrom({ cookies: event.cookies, headers: event.headers }) !== undefined;
      return htmlPage(401, renderUnauthenticatedPage(cameWithSession ? 'session-ended' : 'no-session'));
    }
    return htmlPage(403, renderForbiddenPage(STAFF_GROUP_LABELS[route.auth]));
  }
  const { caller } = gate;
  const context: ConsoleContext = {
    user: caller.identity,
    csrfToken: csrfToken(caller.token),
  };

  let form: FormFields = {};
  let upload: Uint8Array | undefined;
  if (route.method === 'POST') {
    const uploadHere = fn.upload !== undefined && route.path === fn.upload.path ? fn.upload : undefined;
    try {
      if (uploadHere !== undefined) ({ fields: form, file: upload } = await uploadHere.read(event));
      else form = readForm(event);
    } catch (error) {
      if (error instanceof UnreadableFormError) {
        const tooLarge = error.statusCode === 413 && uploadHere !== undefined;
        const text = tooLarge ? uploadHere.tooLargeText : 'Skjemaet kunne ikke leses. Gå tilbake og prøv igjen.';
        return htmlPage(error.statusCode, renderConflictPage(text, undefined, context));
      }
      throw error;
    }
    if (!sameOriginPost(event.headers, deps.publicBaseUrl) || !checkCsrf(caller.token, field(form, CSRF_FIELD))) {
      deps.logger.warn('console.csrf_refused', { route: event.routeKey });
      return htmlPage(403, renderConflictPage('Skjemaet var utløpt eller kom fra en annen side, så ingenting ble endret. Last siden på nytt og prøv igjen.', undefined, context));
    }
  }
  const request: ConsoleRequest = { event, context, actor: caller.actor, form, ...(upload && { upload }) };
  // A path id that cannot name a case or a mail is no page; it never reaches the tables (whose keys have a size limit).
  if (route.path.includes('{id}') && !isRequestId(event.pathParameters?.id)) return htmlPage(404, renderNotFoundPage(context));
  if (route.path.includes('{inboxId}') && !isInboxId(event.pathParameters?.inboxId)) return htmlPage(404, renderNotFoundPage(context));
  return fn.serve(deps, route, request);
}

/** Inbox ids are the mail service's message ids: short, printable, without separators of our keys. */
const isInboxId = (value: string | undefined): value is string => value !== undefined && /^[\x21-\x7e]{1,256}$/.test(value);
