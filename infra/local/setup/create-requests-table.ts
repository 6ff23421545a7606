import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { REQUESTS_TABLE_LAYOUT } from '../../../functions/adapters/dynamodb/requests-table-layout.js';

/**
 * Creates the requests table in DynamoDB Local from the same layout the CDK table uses. Safe to
 * call on every start: an existing table is left as it is.
 */
export async function createRequestsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const layout = REQUESTS_TABLE_LAYOUT;
  const index = layout.openRequestsIndex;
  const all = layout.allRequestsIndex;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: layout.partitionKey, AttributeType: 'S' },
          { AttributeName: layout.sortKey, AttributeType: 'S' },
          { AttributeName: index.partitionKey, AttributeType: 'S' },
          { AttributeName: index.sortKey, AttributeType: 'S' },
          { AttributeName: all.partitionKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: layout.partitionKey, KeyType: 'HASH' },
          { AttributeName: layout.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.nonKeyAttributes] },
          },
          {
            IndexName: all.name,
            KeySchema: [
              { AttributeName: all.partitionKey, KeyType: 'HASH' },
              { AttributeName: all.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: layout.ttlAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addAllRequestsIndex(client, tableName);
  }
  await client.send(new DescribeTableCommand({ TableName: tableName }));
}

/**
 * A table kept in `.local-data/` from before the `all-requests` index existed gets it added, so
 * an old local setup keeps working (requests written before then carry no `registerPk` and stay
 * out of the register).
 */
async function addAllRequestsIndex(client: DynamoDBClient, tableName: string): Promise<void> {
  const all = REQUESTS_TABLE_LAYOUT.allRequestsIndex;
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if ((Table?.GlobalSecondaryIndexes ?? []).some((existing) => existing.IndexName === all.name)) return;
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: all.partitionKey, AttributeType: 'S' },
        { AttributeName: all.sortKey, AttributeType: 'S' },
      ],
      GlobalSecondaryIndexUpdates: [
        {
          Create: {
            IndexName: all.name,
            KeySchema: [
              { AttributeName: all.partitionKey, KeyType: 'HASH' },
              { AttributeName: all.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        },
      ],
    }),
  );
}
