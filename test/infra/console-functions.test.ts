import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { serveConsoleRoute } from '../../functions/web/console/serve-console-route.js';
import { handlerModule } from '../../infra/function-entry-points.js';
import { matchRoute } from '../../infra/local/gateway/route-matcher.js';
import { FUNCTION_DEFINITIONS } from '../../infra/stacks/dsr-functions.js';
import { PDF_MAKING_FUNCTIONS } from '../../infra/constructs/dsr-function.js';
import { concretePath, consoleWorld, routeEvent } from '../unit/staff-console-router/console-world.js';
import { CONSOLE_FOLDERS, CONSOLE_FUNCTIONS, isConsoleRoute } from '../unit/staff-console-router/console-functions.js';

const CONSOLE_ROUTES = HTTP_ROUTES.filter((route) => route.path === '/console' || route.path.startsWith('/console/'));
const key = (route: { readonly method: string; readonly path: string }) => `${route.method} ${route.path}`;

/**
 * The staff console is several functions by area of work, routed from the one table
 * (`HTTP_ROUTES`) by API Gateway and the local gateway alike. These hold the table to that split:
 * one function per console route, each a deployed function, each serving only its own routes.
 */
describe('the console functions and their routes', () => {
  it('maps every console route to exactly one function, one of the console functions', () => {
    expect(CONSOLE_ROUTES.length).toBeGreaterThan(30);
    const keys = CONSOLE_ROUTES.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of CONSOLE_ROUTES) expect(CONSOLE_FOLDERS, key(route)).toContain(route.function);
    // And no route outside /console is given to a console function.
    expect(HTTP_ROUTES.filter(isConsoleRoute)).toEqual(CONSOLE_ROUTES);
  });

  it('deploys each console function: a handler, a definition in the stack, and at least one route', () => {
    for (const folder of CONSOLE_FOLDERS) {
      expect(existsSync(new URL(`../../${handlerModule(folder)}`, import.meta.url)), folder).toBe(true);
      expect(FUNCTION_DEFINITIONS, folder).toHaveProperty(folder);
      expect(CONSOLE_ROUTES.filter((route) => route.function === folder).length, folder).toBeGreaterThan(0);
    }
    expect(CONSOLE_FUNCTIONS.map((fn) => fn.folder)).toEqual([...CONSOLE_FOLDERS]);
  });

  it('routes each console path locally to the function the table names', () => {
    for (const route of CONSOLE_ROUTES) {
      const match = matchRoute(route.method, concretePath(route.path).rawPath);
      expect(match !== undefined && match !== 'method-not-allowed' ? match.route.function : match, key(route)).toBe(route.function);
    }
  });

  it('lets a function serve only its own routes: another console function answers 404 before any sign-in check', async () => {
    const world = consoleWorld();
    for (const route of CONSOLE_ROUTES) {
      for (const fn of CONSOLE_FUNCTIONS) {
        const response = await serveConsoleRoute(fn, world.deps, routeEvent(route, {}));
        if (fn.folder !== route.function) expect(response.statusCode, `${key(route)} in ${fn.folder}`).toBe(404);
        // Its own function checks the sign-in first (the open sign-in routes aside).
        else if (route.auth !== 'public') expect(response.statusCode, `${key(route)} in ${fn.folder}`).toBe(401);
      }
    }
  });

  it('gives the font for letters by post to the functions that serve the routes making a PDF, and to no other', () => {
    const pdfRoutes = HTTP_ROUTES.filter((route) => route.path === '/console/requests/{id}/letter');
    expect(pdfRoutes.length).toBe(1);
    expect([...PDF_MAKING_FUNCTIONS]).toEqual(pdfRoutes.map((route) => route.function));
  });
});
