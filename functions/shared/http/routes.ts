/**
 * The HTTP routes and the function serving each, shared by the CDK HTTP API and the local
 * gateway so both route the same way. Paths use API Gateway's `{param}` syntax.
 */
export const HTTP_ROUTES = [
  { method: 'GET', path: '/', function: 'web-form' },
  { method: 'GET', path: '/receipt/{id}', function: 'web-form' },
  { method: 'POST', path: '/api/requests', function: 'create-request' },
] as const;

export type HttpRoute = (typeof HTTP_ROUTES)[number];
export type HttpFunctionFolder = HttpRoute['function'];
