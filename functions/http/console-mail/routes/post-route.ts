import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PostalLetterNotFoundError, markLetterPosted, postalLetterPdf, type PostalLetterDeps } from '../../../domain/post/postal-letter-actions.js';
import { CONSOLE_HEADERS, htmlPage, redirect } from '../../../web/console/console-responses.js';
import { field } from '../../../web/console/form-fields.js';
import { renderPostPage } from '../pages/post-page.js';
import { renderNotFoundPage } from '../../../web/console/pages/status-pages.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleMailDeps } from '../console-mail-deps.js';
import { flashFrom } from '../../../web/console/flash-messages.js';

const postalDeps = (deps: ConsoleMailDeps): PostalLetterDeps => ({
  letters: deps.postalLetters,
  objects: deps.objects,
  store: deps.store,
  now: deps.now,
  logger: deps.logger,
});

/** GET /console/post: «Til utsending per post». */
export async function servePostList(deps: ConsoleMailDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const letters = await deps.postalLetters.listUnposted();
  return htmlPage(200, renderPostPage({ ...context, letters, flash: flashFrom(event.queryStringParameters ?? {}) }));
}

/** A file name without the person's name: the reference and what the letter is. */
const fileName = (requestId: string, purpose: string): string => `${requestId}-${purpose.replace(/[^a-z0-9-]/gi, '-')}.pdf`;

/** GET /console/requests/{id}/letter?letter=…: the letter's PDF, made and kept with the case on first opening. */
export async function servePostalLetterPdf(deps: ConsoleMailDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.pathParameters?.id ?? '';
  const letterId = event.queryStringParameters?.letter ?? '';
  if (letterId === '' || letterId.length > 300) return htmlPage(404, renderNotFoundPage(context));
  try {
    const { letter, pdf } = await postalLetterPdf(postalDeps(deps), requestId, letterId);
    return {
      statusCode: 200,
      headers: {
        ...CONSOLE_HEADERS,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${fileName(requestId, letter.purpose)}"`,
      },
      body: Buffer.from(pdf).toString('base64'),
      isBase64Encoded: true,
    };
  } catch (error) {
    if (error instanceof PostalLetterNotFoundError) return htmlPage(404, renderNotFoundPage(context));
    throw error;
  }
}

/** POST /console/requests/{id}/posted (field `letter`): «Merk som postlagt». */
export async function serveMarkPosted(deps: ConsoleMailDeps, { event, context, actor, form }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.pathParameters?.id ?? '';
  const letterId = field(form, 'letter');
  try {
    await markLetterPosted(postalDeps(deps), { requestId, letterId, actor });
  } catch (error) {
    if (error instanceof PostalLetterNotFoundError) return htmlPage(404, renderNotFoundPage(context));
    throw error;
  }
  return redirect('/console/post?done=posted');
}
