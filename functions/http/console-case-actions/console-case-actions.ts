import { MAX_MANDATE_BYTES } from '../../domain/representation/mandate-document.js';
import { isCaseAction } from '../../web/console/case-action-names.js';
import { htmlPage } from '../../web/console/console-responses.js';
import { renderNotFoundPage } from '../../web/console/pages/status-pages.js';
import type { ConsoleFunction } from '../../web/console/serve-console-route.js';
import type { ConsoleCaseActionsDeps } from './console-case-actions-deps.js';
import { serveCaseAction } from './routes/case-action-route.js';
import { readUploadForm } from './upload-form.js';

/** The one case form that carries a file: the representative's mandate document. */
const MANDATE_UPLOAD_PATH = '/console/requests/{id}/mandate-document';
const CASE_PATH = '/console/requests/{id}';

/**
 * Every action staff take on one case (`POST /console/requests/{id}/<action>`). It never renders
 * the case page: a done action redirects to it with a message, a refused one with the refusal in a
 * short-lived cookie (post/redirect/get), so this function does not carry the page's code.
 */
export const CONSOLE_CASE_ACTIONS: ConsoleFunction<ConsoleCaseActionsDeps> = {
  folder: 'console-case-actions',
  serve: async (deps, route, request) => {
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
