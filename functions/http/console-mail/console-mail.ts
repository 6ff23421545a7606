import type { ConsoleFunction } from '../../web/console/serve-console-route.js';
import { htmlPage } from '../../web/console/console-responses.js';
import { renderNotFoundPage } from '../../web/console/pages/status-pages.js';
import type { ConsoleMailDeps } from './console-mail-deps.js';
import { serveIntake, serveIntakeForm } from './routes/intake-route.js';
import { serveMarkPosted, servePostalLetterPdf, servePostList } from './routes/post-route.js';
import { serveTriage, serveTriageAction } from './routes/triage-route.js';

/**
 * The mail and post desk: registering requests that came by phone or letter, triage of received
 * mail the intake could not place, and the letters to post (their PDFs and marking them posted).
 */
export const CONSOLE_MAIL: ConsoleFunction<ConsoleMailDeps> = {
  folder: 'console-mail',
  serve: async (deps, route, request) => {
    switch (route.path) {
      case '/console/intake':
        return route.method === 'GET' ? serveIntakeForm(deps, request) : serveIntake(deps, request);
      case '/console/triage':
        return serveTriage(deps, request);
      case '/console/triage/{inboxId}/case':
        return serveTriageAction(deps, request, 'case');
      case '/console/triage/{inboxId}/dismiss':
        return serveTriageAction(deps, request, 'dismiss');
      case '/console/post':
        return servePostList(deps, request);
      case '/console/requests/{id}/letter':
        return servePostalLetterPdf(deps, request);
      case '/console/requests/{id}/posted':
        return serveMarkPosted(deps, request);
      default:
        return htmlPage(404, renderNotFoundPage(request.context));
    }
  },
};
