import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { REQUEST_ID_PATTERN } from '../../domain/request/request-id.js';
import type { RequestStore } from '../../domain/request/request-store.js';
import { html } from '../../web/page-response.js';
import { renderNotFoundPage } from '../../web/not-found-page.js';
import { pageLanguage } from '../../web/page-language.js';
import { renderReceiptPage } from './pages/receipt-page.js';
import { renderRequestFormPage } from './pages/request-form-page.js';

export interface WebFormDeps {
  readonly store: Pick<RequestStore, 'get'>;
  /** A fresh key per rendered form, so a double submit of that form makes one request. */
  readonly newFormKey: () => string;
}

/**
 * The customer-facing pages: the request form at `/` and the receipt at `/receipt/{id}`. The
 * receipt shows the reference, the rights asked for and the due date — no name or address — so
 * a shared or guessed link reveals nothing personal.
 */
export async function serveWebForm(deps: WebFormDeps, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const language = pageLanguage(event.queryStringParameters?.lang, event.headers['accept-language']);
  if (event.routeKey === 'GET /receipt/{id}') {
    const id = event.pathParameters?.id ?? '';
    const request = REQUEST_ID_PATTERN.test(id) ? await deps.store.get(id) : undefined;
    if (!request) return html(404, renderNotFoundPage(language));
    return html(200, renderReceiptPage({ language, reference: request.id, dueDate: request.dueDate, types: request.types }));
  }
  return html(200, renderRequestFormPage({ language, idempotencyKey: deps.newFormKey() }));
}
