import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES, type HttpRoute } from '../../../functions/http/routes.js';
import { matchRoute } from '../../../infra/local/gateway/route-matcher.js';

describe('matchRoute', () => {
  it('returns the form route without path parameters when GET / is requested', () => {
    // Act
    const match = matchRoute('GET', '/');
    // Assess
    expect(match).toEqual({ route: HTTP_ROUTES[0], routeKey: 'GET /', pathParameters: undefined });
  });

  it('returns the create-request route when POST /api/requests is requested', () => {
    const match = matchRoute('POST', '/api/requests');

    expect(match).toMatchObject({ routeKey: 'POST /api/requests', route: { function: 'create-request' } });
  });

  it('returns the create-request route when the form posts to its own address (POST /)', () => {
    const match = matchRoute('POST', '/');

    expect(match).toMatchObject({ routeKey: 'POST /', route: { function: 'create-request' } });
  });

  it('returns the receipt route with the id as path parameter when GET /receipt/<id> is requested', () => {
    const match = matchRoute('GET', '/receipt/NK-20261123-7KQ4M2PX');

    expect(match).toMatchObject({
      routeKey: 'GET /receipt/{id}',
      route: { function: 'web-form' },
      pathParameters: { id: 'NK-20261123-7KQ4M2PX' },
    });
  });

  it('returns the path parameter decoded when it is percent-encoded', () => {
    const match = matchRoute('GET', '/receipt/NK%2D2026%20%C3%A6%2Fx');

    expect(match).toMatchObject({ pathParameters: { id: 'NK-2026 æ/x' } });
  });

  it.each([
    ['DELETE', '/'],
    ['DELETE', '/api/requests'],
    ['GET', '/api/requests'],
    ['PUT', '/receipt/NK-20261123-7KQ4M2PX'],
  ])('returns method-not-allowed when %s %s matches a path but not its method', (method, path) => {
    expect(matchRoute(method, path)).toBe('method-not-allowed');
  });

  it.each([
    ['GET', '/nope'],
    ['GET', '/receipt/'],
    ['GET', '/receipt'],
    ['GET', '/receipt/a/b'],
    ['POST', '/api/requests/'],
    ['GET', '/receipt/%E0%A4%A'],
    ['POST', '/API/REQUESTS'],
  ])('returns undefined (404) when %s %s matches no path', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });

  it('returns several decoded parameters when a custom route has more than one', () => {
    const routes = [{ method: 'GET', path: '/a/{x}/b/{y}', function: 'web-form' }] as unknown as readonly HttpRoute[];

    const match = matchRoute('GET', '/a/1%201/b/two', routes);

    expect(match).toMatchObject({ routeKey: 'GET /a/{x}/b/{y}', pathParameters: { x: '1 1', y: 'two' } });
  });
});
