import type { ConsoleFunction } from '../../web/console/serve-console-route.js';
import { htmlPage } from '../../web/console/console-responses.js';
import { renderNotFoundPage } from '../../web/console/pages/status-pages.js';
import { serveSignIn } from '../../web/console/sign-in/sign-in-routes.js';
import type { ConsoleQueueDeps } from './console-queue-deps.js';
import { serveDashboard, serveRegister } from './routes/dashboard-route.js';
import { serveQueue } from './routes/queue-route.js';

/**
 * The console's front page and overview: the queue staff work from, the dashboard and the case
 * register; sign-in, its callback and sign-out are served here too (the other console functions
 * only check the session these routes start and end).
 */
export const CONSOLE_QUEUE: ConsoleFunction<ConsoleQueueDeps> = {
  folder: 'console-queue',
  serve: async (deps, route, request) => {
    switch (route.path) {
      case '/console':
        return serveQueue(deps, request);
      case '/console/dashboard':
        return serveDashboard(deps, request);
      case '/console/register.csv':
        return serveRegister(deps);
      default:
        return htmlPage(404, renderNotFoundPage(request.context));
    }
  },
  signIn: serveSignIn,
};
