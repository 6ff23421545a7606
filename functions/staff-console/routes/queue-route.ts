import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readQueuePage } from '../../domain/console-queue/queue-page.js';
import { htmlPage } from '../console-responses.js';
import { renderQueuePage } from '../pages/queue-page.js';
import type { ConsoleRequest, StaffConsoleDeps } from '../staff-console-deps.js';
import { flashFrom } from './flash-messages.js';

/** GET /console: one page of the open cases, most urgent first, filtered and searched as asked (`after`: the next page). */
export async function serveQueue(deps: StaffConsoleDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const query = event.queryStringParameters ?? {};
  const queue = await readQueuePage(deps.store, deps.today(), {
    status: query.status,
    type: query.type,
    channel: query.channel,
    q: query.q,
    after: query.after,
  });
  return htmlPage(200, renderQueuePage({ ...context, flash: flashFrom(query), queue }));
}
