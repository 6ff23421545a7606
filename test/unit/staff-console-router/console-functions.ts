import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CONSOLE_CASE } from '../../../functions/http/console-case/console-case.js';
import type { ConsoleCaseDeps } from '../../../functions/http/console-case/console-case-deps.js';
import { CONSOLE_CASE_ACTIONS } from '../../../functions/http/console-case-actions/console-case-actions.js';
import type { ConsoleCaseActionsDeps } from '../../../functions/http/console-case-actions/console-case-actions-deps.js';
import { CONSOLE_MAIL } from '../../../functions/http/console-mail/console-mail.js';
import type { ConsoleMailDeps } from '../../../functions/http/console-mail/console-mail-deps.js';
import { CONSOLE_QUEUE } from '../../../functions/http/console-queue/console-queue.js';
import type { ConsoleQueueDeps } from '../../../functions/http/console-queue/console-queue-deps.js';
import { routeByKey, type HttpRoute } from '../../../functions/http/routes.js';
import { serveConsoleRoute } from '../../../functions/web/console/serve-console-route.js';

/** The console's deployable functions, as their handlers serve them. */
export const CONSOLE_FUNCTIONS = [CONSOLE_QUEUE, CONSOLE_CASE, CONSOLE_CASE_ACTIONS, CONSOLE_MAIL] as const;

/** The functions' names in `HTTP_ROUTES`. */
export const CONSOLE_FOLDERS = ['console-queue', 'console-case', 'console-case-actions', 'console-mail'] as const;

/** A route of the shared table that one of the console functions serves. */
export type ConsoleRoute = Extract<HttpRoute, { readonly function: (typeof CONSOLE_FOLDERS)[number] }>;

/** Whether a route of the shared table is served by one of the console functions. */
export const isConsoleRoute = (route: HttpRoute): route is ConsoleRoute => (CONSOLE_FOLDERS as readonly string[]).includes(route.function);

/** Everything every console function needs: what a test builds once to drive them all. */
export type StaffConsoleDeps = ConsoleQueueDeps & ConsoleCaseDeps & ConsoleCaseActionsDeps & ConsoleMailDeps;

/**
 * The console as API Gateway and the local gateway serve it: each request goes to the function
 * `HTTP_ROUTES` names for its route key; a route no console function serves gets the console's 404.
 */
export function serveStaffConsole(deps: StaffConsoleDeps, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const folder = routeByKey(event.routeKey)?.function;
  const fn = CONSOLE_FUNCTIONS.find((candidate) => candidate.folder === folder) ?? CONSOLE_QUEUE;
  return serveConsoleRoute<StaffConsoleDeps>(fn, deps, event);
}
