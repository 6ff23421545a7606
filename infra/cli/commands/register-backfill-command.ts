import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { REGISTER_PARTITION, REQUESTS_TABLE_LAYOUT, REQUEST_SK } from '../../../functions/adapters/dynamodb/requests-table-layout.js';

/**
 * `dsr register-backfill`: a one-off for a table from before the `all-requests` index. Gives every
 * request item without `registerPk` the register partition, so the case register and the
 * dashboard (which read that index) include it. Safe to run again: each update is conditional on
 * the attribute still being absent. The only scan in the product, run by ops, never by a request.
 */
export async function registerBackfillCommand(client: DynamoDBClient, tableName: string): Promise<string> {
  const doc = DynamoDBDocumentClient.from(client);
  const { partitionKey: PK, sortKey: SK, allRequestsIndex } = REQUESTS_TABLE_LAYOUT;
  let scanned = 0;
  let updated = 0;
  const pages = paginateScan(
    { client: doc },
    {
      TableName: tableName,
      FilterExpression: '#sk = :request AND attribute_not_exists(#register)',
      ExpressionAttributeNames: { '#sk': SK, '#register': allRequestsIndex.partitionKey, '#pk': PK },
      ExpressionAttributeValues: { ':request': REQUEST_SK },
      ProjectionExpression: '#pk, #sk',
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      scanned += 1;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { [PK]: item[PK], [SK]: item[SK] },
            UpdateExpression: 'SET #register = :register',
            ConditionExpression: 'attribute_not_exists(#register)',
            ExpressionAttributeNames: { '#register': allRequestsIndex.partitionKey },
            ExpressionAttributeValues: { ':register': REGISTER_PARTITION },
          }),
        );
        updated += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
  return JSON.stringify({ requestsWithoutRegisterEntry: scanned, updated });
}
