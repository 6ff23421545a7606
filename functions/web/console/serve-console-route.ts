import { serveMarkPosted, servePostalLetterPdf, servePostList } from '../../http/console-mail/routes/post-route.js';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isRequestId } from '../../domain/request/request-id.js';
import { STAFF_GROUP_LABELS } from '../../domain/request/staff-labels.js';
import { checkCsrf, csrfToken, sameOriginPost, sessionTokenFrom } from '../../domain/staff-auth/index.js';
import { routeByKey } from '../../http/routes.js';
import { staffGate } from '../staff-gate.js';
import { htmlPage } from './console-responses.js';
import { field, readForm, UnreadableFormError, type FormFields } from './form-fields.js';
import { CSRF_FIELD } from './pages/form-controls.js';
import type { CaseAction } from '../../http/console-case/pages/case-page-model.js';
import type { ConsoleContext } from './pages/console-context.js';
import { renderConflictPage, renderForbiddenPage, renderNotFoundPage, renderUnauthenticatedPage } from './pages/status-pages.js';
import { serveCaseAction } from '../../http/console-case/routes/case-action-route.js';
import { serveMandateDocument } from '../../http/console-case/routes/mandate-route.js';
import { readUploadForm } from './upload-form.js';
import { MAX_MANDATE_BYTES } from '../../domain/representation/mandate-document.js';
import { serveCasePage } from '../../http/console-case/routes/case-page-route.js';
import { serveDashboard, serveRegister } from '../../http/console-queue/routes/dashboard-route.js';
import { serveIntake, serveIntakeForm } from '../../http/console-mail/routes/intake-route.js';
import { serveQueue } from '../../http/console-queue/routes/queue-route.js';
import { serveTriage, serveTriageAction } from '../../http/console-mail/routes/triage-route.js';
import { serveSignIn } from './sign-in/sign-in-routes.js';
import type { ConsoleRequest, StaffConsoleDeps } from './console-deps.js';

/**
 * The staff console. Sign-in routes are open; every other route passes the staff gate (401
 * without a valid token, 403 outside the route's group), and every POST must come from our own
 * origin with the session's CSRF token before anything is read or changed.
 */
export async function serveStaffConsole(deps: StaffConsoleDeps, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const route = routeByKey(event.routeKey);
  if (route === undefined || route.function !== 'staff-console') return htmlPage(404, renderNotFoundPage());
  if (route.auth === 'public') return serveSignIn(deps, event);

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
    try {
      if (route.path === MANDATE_UPLOAD_PATH) ({ fields: form, file: upload } = await readUploadForm(event));
      else form = readForm(event);
    } catch (error) {
      if (error instanceof UnreadableFormError) {
        const tooLarge = error.statusCode === 413 && route.path === MANDATE_UPLOAD_PATH;
        const text = tooLarge ? `Filen er for stor (høyst ${MAX_MANDATE_BYTES / 1024 / 1024} MB). Gå tilbake og velg en mindre fil.` : 'Skjemaet kunne ikke leses. Gå tilbake og prøv igjen.';
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

  switch (route.path) {
    case '/console':
      return serveQueue(deps, request);
    case '/console/requests/{id}':
      return serveCasePage(deps, request);
    case '/console/requests/{id}/decision':
    case '/console/requests/{id}/verify':
    case '/console/requests/{id}/extend':
    case '/console/requests/{id}/note':
    case '/console/requests/{id}/take':
    case '/console/requests/{id}/merge':
    case '/console/requests/{id}/close':
    case '/console/requests/{id}/plan':
    case '/console/requests/{id}/restriction':
    case '/console/requests/{id}/lift-restriction':
    case '/console/requests/{id}/dispute':
    case '/console/requests/{id}/identity':
    case '/console/requests/{id}/message':
    case '/console/requests/{id}/mandate':
    case MANDATE_UPLOAD_PATH:
      if (route.method === 'GET') return serveMandateDocument(deps, request);
      return serveCaseAction(deps, request, route.path.slice('/console/requests/{id}/'.length) as CaseAction);
    case '/console/intake':
      return route.method === 'GET' ? serveIntakeForm(deps, request) : serveIntake(deps, request);
    case '/console/triage':
      return serveTriage(deps, request);
    case '/console/triage/{inboxId}/case':
      return serveTriageAction(deps, request, 'case');
    case '/console/triage/{inboxId}/dismiss':
      return serveTriageAction(deps, request, 'dismiss');
    case '/console/dashboard':
      return serveDashboard(deps, request);
    case '/console/post':
      return servePostList(deps, request);
    case '/console/requests/{id}/letter':
      return servePostalLetterPdf(deps, request);
    case '/console/requests/{id}/posted':
      return serveMarkPosted(deps, request);

    case '/console/register.csv':
      return serveRegister(deps);
    default:
      return htmlPage(404, renderNotFoundPage(context));
  }
}

/** The one console form that carries a file: the representative's mandate document. */
const MANDATE_UPLOAD_PATH = '/console/requests/{id}/mandate-document';

/** Inbox ids are the mail service's message ids: short, printable, without separators of our keys. */
const isInboxId = (value: string | undefined): value is string => value !== undefined && /^[\x21-\x7e]{1,256}$/.test(value);
