import { MAX_MANDATE_BYTES } from '../../domain/representation/mandate-document.js';
import { htmlPage } from '../../web/console/console-responses.js';
import { renderNotFoundPage } from '../../web/console/pages/status-pages.js';
import type { ConsoleFunction } from '../../web/console/serve-console-route.js';
import type { ConsoleCaseDeps } from './console-case-deps.js';
import { CASE_ACTIONS, type CaseAction } from './pages/case-page-model.js';
import { serveCaseAction } from './routes/case-action-route.js';
import { serveCasePage } from './routes/case-page-route.js';
import { serveMandateDocument } from './routes/mandate-route.js';
import { readUploadForm } from './upload-form.js';

/** The one case form that carries a file: the representative's mandate document. */
const MANDATE_UPLOAD_PATH = '/console/requests/{id}/mandate-document';
const CASE_PATH = '/console/requests/{id}';

const isCaseAction = (name: string): name is CaseAction => (CASE_ACTIONS as readonly string[]).includes(name);

/** One case: its page, every action staff take on it, and the mandate document (upload and download). */
export const CONSOLE_CASE: ConsoleFunction<ConsoleCaseDeps> = {
  folder: 'console-case',
  serve: async (deps, route, request) => {
    if (route.path === CASE_PATH) return serveCasePage(deps, request);
    if (route.path === MANDATE_UPLOAD_PATH && route.method === 'GET') return serveMandateDocument(deps, request);
    // Every other route of this function is a case action: `/console/requests/{id}/<action>`.
    const action = route.path.slice(`${CASE_PATH}/`.length);
    if (!isCaseAction(action)) return htmlPage(404, renderNotFoundPage(request.context));
    return serveCaseAction(deps, request, action);
  },
  upload: {
    path: MANDATE_UPLOAD_PATH,
    read: readUploadForm,
    tooLargeText: `Filen er for stor (høyst ${MAX_MANDATE_BYTES / 1024 / 1024} MB). Gå tilbake og velg en mindre fil.`,
  },
};
