import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, paginateQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  OPEN_PARTITION,
  QUEUE_INDEX_ATTRIBUTES,
  REQUESTS_TABLE_LAYOUT,
  REQUEST_SK,
  queueIndexKeys,
  requestPk,
} from '../../../functions/adapters/dynamodb/requests-table-layout.js';
import { isOpenStatus } from '../../../functions/domain/lifecycle/request-lifecycle.js';
import type { Status } from '../../../functions/domain/request/request-vocabulary.js';

/** How often one request is read again when a change slipped in between its read and its update. */
const ATTEMPTS = 5;

/**
 * `dsr queue-backfill`: after upgrading a table from before the queue indexes, gives every open
 * request the queue index keys it would have had if written since (`queueIndexKeys`), so the
 * console's queue shows it. Walks the open requests by the `open-requests` index (never a scan).
 * Each update is conditional on the version it was computed from, so a change made meanwhile
 * (which writes the keys itself) wins; a request whose keys are already right is not written.
 * Safe to run again, and while the product runs.
 */
export async function queueBackfillCommand(client: DynamoDBClient, tableName: string): Promise<string> {
  const doc = DynamoDBDocumentClient.from(client);
  const { partitionKey: PK, sortKey: SK, openRequestsIndex } = REQUESTS_TABLE_LAYOUT;
  let openRequests = 0;
  let updated = 0;
  const pages = paginateQuery(
    { client: doc },
    {
      TableName: tableName,
      IndexName: openRequestsIndex.name,
      KeyConditionExpression: '#open = :open',
      ExpressionAttributeNames: { '#open': openRequestsIndex.partitionKey },
      ExpressionAttributeValues: { ':open': OPEN_PARTITION },
      ProjectionExpression: 'id',
    },
  );
  for await (const page of pages) {
    for (const { id } of page.Items ?? []) {
      openRequests += 1;
      const key = { [PK]: requestPk(String(id)), [SK]: REQUEST_SK };
      for (let attempt = 1; ; attempt += 1) {
        const { Item: item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        // Closed since the index was read: its change removed the keys, nothing to give.
        if (!item || !isOpenStatus(item.status as Status)) break;
        const keys = queueIndexKeys({ id: String(item.id), dueDate: String(item.dueDate), receivedAt: String(item.receivedAt) });
        if (QUEUE_INDEX_ATTRIBUTES.every((name) => item[name] === keys[name])) break;
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: key,
              UpdateExpression: `SET ${QUEUE_INDEX_ATTRIBUTES.map((name) => `#${name} = :${name}`).join(', ')}`,
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { '#version': 'version', ...Object.fromEntries(QUEUE_INDEX_ATTRIBUTES.map((name) => [`#${name}`, name])) },
              ExpressionAttributeValues: { ':version': item.version, ...Object.fromEntries(QUEUE_INDEX_ATTRIBUTES.map((name) => [`:${name}`, keys[name]])) },
            }),
          );
          updated += 1;
          break;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException) || attempt >= ATTEMPTS) throw error;
        }
      }
    }
  }
  return JSON.stringify({ openRequests, updated });
}
