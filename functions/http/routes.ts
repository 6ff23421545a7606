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
  // The staff console: sign-in is public, everything else needs a staff token.
  { method: 'GET', path: '/console/sign-in', function: 'staff-console', auth: 'public' },
  { method: 'POST', path: '/console/sign-in', function: 'staff-console', auth: 'public' },
  { method: 'GET', path: '/console/auth/callback', function: 'staff-console', auth: 'public' },
  { method: 'POST', path: '/console/sign-out', function: 'staff-console', auth: 'public' },
  { method: 'GET', path: '/console', function: 'staff-console', auth: 'staff' },
  { method: 'GET', path: '/console/requests/{id}', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/decision', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/verify', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/extend', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/note', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/take', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/merge', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/plan', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/restriction', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/lift-restriction', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/dispute', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/identity', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/message', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/mandate-document', function: 'staff-console', auth: 'staff' },
  { method: 'GET', path: '/console/requests/{id}/mandate-document', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/mandate', function: 'staff-console', auth: 'staff' },
  // Refusing a request as manifestly unfounded or excessive is a legal judgement (Art. 12(5)).
  { method: 'POST', path: '/console/requests/{id}/close', function: 'staff-console', auth: 'privacy-officer' },
  { method: 'GET', path: '/console/intake', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/intake', function: 'staff-console', auth: 'staff' },
  { method: 'GET', path: '/console/triage', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/triage/{inboxId}/case', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/triage/{inboxId}/dismiss', function: 'staff-console', auth: 'staff' },
  { method: 'GET', path: '/console/dashboard', function: 'staff-console', auth: 'staff' },
  // Letters to people without e-mail: made as PDF, posted by staff.
  { method: 'GET', path: '/console/post', function: 'staff-console', auth: 'staff' },
  { method: 'GET', path: '/console/requests/{id}/letter', function: 'staff-console', auth: 'staff' },
  { method: 'POST', path: '/console/requests/{id}/posted', function: 'staff-console', auth: 'staff' },
  // The case register is the accountability record (Art. 5(2)), kept by the privacy officer.
  { method: 'GET', path: '/console/register.csv', function: 'staff-console', auth: 'privacy-officer' },
] as const;

export type HttpRoute = (typeof HTTP_ROUTES)[number];
export type HttpFunctionFolder = HttpRoute['function'];
export type RouteAuth = HttpRoute['auth'];

/** The route a Lambda event was routed by (`event.routeKey`), or undefined. */
export const routeByKey = (routeKey: string): HttpRoute | undefined =>
  HTTP_ROUTES.find((route) => `${route.method} ${route.path}` === routeKey);
