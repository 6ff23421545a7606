import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { REQUESTS_TABLE_LAYOUT } from '../../../functions/adapters/dynamodb/requests-table-layout.js';

const layout = REQUESTS_TABLE_LAYOUT;

/** The table's secondary indexes as DynamoDB Local takes them, from the layout the CDK table uses. */
function secondaryIndexes(): { readonly index: GlobalSecondaryIndex; readonly attributes: AttributeDefinition[] }[] {
  const keyed = (
    description: { readonly name: string; readonly partitionKey: string; readonly sortKey: string },
    projection: GlobalSecondaryIndex['Projection'],
  ) => ({
    index: {
      IndexName: description.name,
      KeySchema: [
        { AttributeName: description.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: description.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: projection,
    },
    attributes: [
      { AttributeName: description.partitionKey, AttributeType: 'S' as const },
      { AttributeName: description.sortKey, AttributeType: 'S' as const },
    ],
  });
  return [
    keyed(layout.openRequestsIndex, { ProjectionType: 'INCLUDE', NonKeyAttributes: [...layout.openRequestsIndex.nonKeyAttributes] }),
    keyed(layout.allRequestsIndex, { ProjectionType: 'ALL' }),
    keyed(layout.queueIndex, { ProjectionType: 'ALL' }),
  ];
}

/** Each attribute once (two indexes may share a key attribute). */
const distinct = (definitions: readonly AttributeDefinition[]): AttributeDefinition[] => [
  ...new Map(definitions.map((definition) => [definition.AttributeName, definition])).values(),
];

/**
 * Creates the requests table in DynamoDB Local from the same layout the CDK table uses. Safe to
 * call on every start: an existing table is left as it is, except that an index it lacks (a
 * `.local-data/` table from before the index existed) is added.
 */
export async function createRequestsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const indexes = secondaryIndexes();
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: distinct([
          { AttributeName: layout.partitionKey, AttributeType: 'S' },
          { AttributeName: layout.sortKey, AttributeType: 'S' },
          ...indexes.flatMap((index) => index.attributes),
        ]),
        KeySchema: [
          { AttributeName: layout.partitionKey, KeyType: 'HASH' },
          { AttributeName: layout.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.map((index) => index.index),
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
    await addMissingIndexes(client, tableName);
  }
  await client.send(new DescribeTableCommand({ TableName: tableName }));
}

/**
 * A table kept in `.local-data/` from before an index existed gets it added, one per update as
 * DynamoDB allows, so an old local setup keeps working. Items written before then lack the
 * index's keys until `npm run dsr -- backfill-queue` writes them (see README).
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const { index, attributes } of secondaryIndexes()) {
    if (existing.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributes,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await untilIndexActive(client, tableName, index.IndexName);
  }
}

/**
 * A new index is CREATING (backfilling) for a while; DynamoDB Local answers a query on it with
 * InternalFailure until then. Waits, as a deploy waits, rather than hand a half-made index on.
 */
async function untilIndexActive(client: DynamoDBClient, tableName: string, indexName: string | undefined): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`index ${indexName} of ${tableName} did not become active within a minute`);
}
