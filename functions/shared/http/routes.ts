/**
 * The HTTP routes and the function serving each, shared by the CDK HTTP API and the local
 * gateway so both route the same way. Paths use API Gateway's `{param}` syntax. `staff` routes
 * require a signed-in staff identity (IAM now; the console's Cognito tokens later).
 */
export const HTTP_ROUTES = [
  { method: 'GET', path: '/', function: 'web-form', auth: 'public' },
  { method: 'GET', path: '/receipt/{id}', function: 'web-form', auth: 'public' },
  { method: 'POST', path: '/api/requests', function: 'create-request', auth: 'public' },
  { method: 'GET', path: '/verify/{id}', function: 'verify-page', auth: 'public' },
  { method: 'POST', path: '/verify/{id}', function: 'verify-page', auth: 'public' },
  { method: 'GET', path: '/download/{id}', function: 'download-page', auth: 'public' },
  { method: 'POST', path: '/download/{id}', function: 'download-page', auth: 'public' },
  { method: 'GET', path: '/api/staff/requests/{id}', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/decision', function: 'staff-api', auth: 'staff' },
  { method: 'POST', path: '/api/staff/requests/{id}/extension', function: 'staff-api', auth: 'staff' },
] as const;

export type HttpRoute = (typeof HTTP_ROUTES)[number];
export type HttpFunctionFolder = HttpRoute['function'];
