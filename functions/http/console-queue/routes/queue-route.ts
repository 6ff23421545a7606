import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { parseQueueFilter } from '../../../domain/console-queue/queue-filter.js';
import { InvalidQueueCursorError, readQueuePage } from '../../../domain/console-queue/queue-page.js';
import { htmlPage } from '../../../web/console/console-responses.js';
import { pageHref, renderQueuePage } from '../pages/queue-page.js';
import { renderBadQueueCursorPage } from '../../../web/console/pages/status-pages.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleQueueDeps } from '../console-queue-deps.js';
import { flashFrom } from '../../../web/console/flash-messages.js';

/** GET /console: one page of the open cases, most urgent first, filtered and searched as asked (`after`: the next page). */
export async function serveQueue(deps: ConsoleQueueDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const query = event.queryStringParameters ?? {};
  const input = { status: query.status, type: query.type, channel: query.channel, q: query.q };
  try {
    const queue = await readQueuePage(deps.store, deps.today(), { ...input, after: query.after });
    return htmlPage(200, renderQueuePage({ ...context, flash: flashFrom(query), queue }));
  } catch (error) {
    if (!(error instanceof InvalidQueueCursorError)) throw error;
    return htmlPage(400, renderBadQueueCursorPage(pageHref(parseQueueFilter(input).filter), context));
  }
}
