import { HTTP_ROUTES, type HttpRoute } from '../../../functions/http/routes.js';

export interface MatchedRoute {
  readonly route: HttpRoute;
  readonly routeKey: string;
  readonly pathParameters?: Record<string, string>;
}

/** Matches a method and path against the shared route table the way API Gateway does. */
export function matchRoute(method: string, path: string, routes: readonly HttpRoute[] = HTTP_ROUTES): MatchedRoute | 'method-not-allowed' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return {
      route,
      routeKey: `${route.method} ${route.path}`,
      pathParameters: Object.keys(params).length > 0 ? params : undefined,
    };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const actual = got[i]!;
    if (part.startsWith('{') && part.endsWith('}')) {
      if (actual === '') return undefined;
      try {
        params[part.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return params;
}
