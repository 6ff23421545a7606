import type { ConsoleFunction } from '../../web/console/serve-console-route.js';
import type { ConsoleCaseDeps } from './console-case-deps.js';
import { serveCasePage } from './routes/case-page-route.js';
import { serveMandateDocument } from './routes/mandate-document-route.js';

const CASE_PATH = '/console/requests/{id}';

/**
 * One case as staff read it: its page (with the refusal of an action, carried by a cookie) and the
 * mandate document. Only reads; the actions on the case are console-case-actions.
 */
export const CONSOLE_CASE: ConsoleFunction<ConsoleCaseDeps> = {
  folder: 'console-case',
  // Its only other route is GET …/mandate-document.
  serve: async (deps, route, request) => (route.path === CASE_PATH ? serveCasePage(deps, request) : serveMandateDocument(deps, request)),
};
