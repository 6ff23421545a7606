import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { osloCalendarDate } from '../../../domain/deadline/index.js';
import { CONSOLE_HEADERS, htmlPage } from '../../../web/console/console-responses.js';
import { renderNotFoundPage } from '../../../web/console/pages/status-pages.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleCaseDeps } from '../console-case-deps.js';

/** GET …/mandate-document: the document as uploaded, for staff to check (never shown inline). */
export async function serveMandateDocument(deps: ConsoleCaseDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const request = await deps.store.get(event.pathParameters?.id ?? '');
  const document = request?.mandate?.document;
  const bytes = document && (await deps.objects.getBytes(document.key));
  if (!request || !document || !bytes) return htmlPage(404, renderNotFoundPage(context));
  const extension = document.key.split('.').pop();
  deps.logger.info('mandate.downloaded', { requestId: request.id, on: osloCalendarDate(deps.now()) });
  return {
    statusCode: 200,
    headers: { ...CONSOLE_HEADERS, 'content-type': document.contentType, 'content-disposition': `attachment; filename="${request.id}-fullmakt.${extension}"` },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}
