/**
 * The HTTP routes and the function serving each, shared by the CDK HTTP API and the local
 * gateway so both route the same way. Paths use API Gateway's `{param}` syntax.
 *
 * `auth` says who may call a route: `public` is anyone; `staff` needs a valid staff sign-in token
 * (Cognito's ID token in AWS, the local sign-in's locally) of a member of `staff` or
 * `privacy-officer`; `privacy-officer` needs that group. The serving function checks the token
 * (cookie or `Authorization: Bearer`) with one verifier for both, so the rule is enforced the
 * same way everywhere and tested per route; a route without a token gets 401, a wrong group 403.
 */
export const HTTP_ROUTES = [
  { method: 'GET', path: '/', function: 'web-form', auth: 'public' },
  { method: 'GET', path: '/receipt/{id}', function: 'web-form', auth: 'public' },
  // The HTML form posts to its own address, so after an error the re-shown form keeps that
  // address (Back, reload and bookmarks stay on the form); JSON clients use /api/requests.
  { method: 'POST', path: '/', function: 'create-request', auth: 'public' },
  { method: 'POST', path: '/api/requests', function: 'create-request', auth: 'public' },
  { method: 'GET', path: '/verify/{id}', function: 'verify-page', auth: 'public' },
  { method: 'POST', path: '/verify/{id}', function: 'verify-page', auth: 'public' },
  { method: 'GET', path: '/download/{id}', function: 'download-page', auth: 'public' },
  { method: 'POST', path: '/download/{id}', function: 'download-page', auth: 'public' },
  { method: 'GET', path: '/api/staff/requests/{id}', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/decision', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/extension', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/plan', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/restriction', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/restriction/lift', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/merge', function: 'staff-api', auth: 'staff' },
  // The staff console, served by four functions by area of work (each small enough to start fast):
  // console-queue (the queue, the dashboard, the register, and sign-in and sign-out), console-case
  // (one case's page and its mandate document), console-case-actions (every action on a case; a
  // refused one goes back to the page with the refusal in a short-lived cookie) and console-mail
  // (phone and post intake, triage of received mail, letters to post as PDF). Sign-in is public, everything else needs a staff token;
  // every console function checks the token and its revocation the same way (functions/web/console).
  { method: 'GET', path: '/console/sign-in', function: 'console-queue', auth: 'public' },
  { method: 'POST', path: '/console/sign-in', function: 'console-queue', auth: 'public' },
  { method: 'GET', path: '/console/auth/callback', function: 'console-queue', auth: 'public' },
  { method: 'POST', path: '/console/sign-out', function: 'console-queue', auth: 'public' },
  { method: 'GET', path: '/console', function: 'console-queue', auth: 'staff' },
  { method: 'GET', path: '/console/requests/{id}', function: 'console-case', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/decision', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/verify', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/extend', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/note', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/take', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/merge', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/plan', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/restriction', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/lift-restriction', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/dispute', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/identity', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/message', function: 'console-case-actions', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/mandate-document', function: 'console-case-actions', auth: 'staff' },
  { method: 'GET', path: '/console/requests/{id}/mandate-document', function: 'console-case', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/mandate', function: 'console-case-actions', auth: 'staff' },
  // Refusing a request as manifestly unfounded or excessive is a legal judgement (Art. 12(5)).
  { method: 'POST', path: '/console/requests/{id}/close', function: 'console-case-actions', auth: 'privacy-officer' },
  { method: 'GET', path: '/console/intake', function: 'console-mail', auth: 'staff' },
  { method: 'POST', path: '/console/intake', function: 'console-mail', auth: 'staff' },
  { method: 'GET', path: '/console/triage', function: 'console-mail', auth: 'staff' },
  { method: 'POST', path: '/console/triage/{inboxId}/case', function: 'console-mail', auth: 'staff' },
  { method: 'POST', path: '/console/triage/{inboxId}/dismiss', function: 'console-mail', auth: 'staff' },
  { method: 'GET', path: '/console/dashboard', function: 'console-queue', auth: 'staff' },
  // Letters to people without e-mail: made as PDF, posted by staff.
  { method: 'GET', path: '/console/post', function: 'console-mail', auth: 'staff' },
  { method: 'GET', path: '/console/requests/{id}/letter', function: 'console-mail', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/posted', function: 'console-mail', auth: 'staff' },
  // The case register is the accountability record (Art. 5(2)), kept by the privacy officer.
  { method: 'GET', path: '/console/register.csv', function: 'console-queue', auth: 'privacy-officer' },
] as const;

export type HttpRoute = (typeof HTTP_ROUTES)[number];
export type HttpFunctionFolder = HttpRoute['function'];
export type RouteAuth = HttpRoute['auth'];

/** The route a Lambda event was routed by (`event.routeKey`), or undefined. */
export const routeByKey = (routeKey: string): HttpRoute | undefined =>
  HTTP_ROUTES.find((route) => `${route.method} ${route.path}` === routeKey);
