import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { queueRows } from '../../domain/console-queue/queue-rows.js';
import { readOpenRequests } from '../../domain/request/open-requests.js';
import { htmlPage } from '../console-responses.js';
import { renderQueuePage } from '../pages/queue-page.js';
import type { ConsoleRequest } from '../staff-console.js';
import type { StaffConsoleDeps } from '../staff-console-deps.js';
import { flashFrom } from './flash-messages.js';

/** GET /console: the queue of open cases, most urgent first, filtered and searched as asked. */
export async function serveQueue(deps: StaffConsoleDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const query = event.queryStringParameters ?? {};
  const queue = queueRows(await readOpenRequests(deps.store), deps.today(), {
    status: query.status,
    type: query.type,
    channel: query.channel,
    q: query.q,
  });
  return htmlPage(200, renderQueuePage({ ...context, flash: flashFrom(query), queue }));
}
