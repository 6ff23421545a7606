import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  CUSTOMER_DATA_TABLES_LAYOUT,
  type CustomerDataTable,
  type CustomerDataTableNames,
} from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';

/** The CreateTable input of one customer-data table, from the layout the CDK tables use too. */
export function customerDataTableDefinition(table: CustomerDataTable, tableName: string): CreateTableCommandInput {
  const layout = CUSTOMER_DATA_TABLES_LAYOUT[table];
  const indexes = Object.values(layout.indexes);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: layout.partitionKey, AttributeType: 'S' },
      { AttributeName: layout.sortKey, AttributeType: 'S' },
      ...indexes.map((index) => ({ AttributeName: index.partitionKey, AttributeType: 'S' as const })),
    ],
    KeySchema: [
      { AttributeName: layout.partitionKey, KeyType: 'HASH' },
      { AttributeName: layout.sortKey, KeyType: 'RANGE' },
    ],
    ...(indexes.length > 0
      ? {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' as const }],
            Projection: { ProjectionType: index.projection },
          })),
        }
      : {}),
  };
}

/**
 * Creates the customers, billing and access-log tables in DynamoDB Local from the shared layout,
 * with TTL on `deleteAfter` where the layout has it. Safe to call on every start: an existing
 * table is left as it is.
 */
export async function createCustomerDataTables(client: DynamoDBClient, names: CustomerDataTableNames): Promise<void> {
  for (const table of Object.keys(CUSTOMER_DATA_TABLES_LAYOUT) as CustomerDataTable[]) {
    const tableName = names[table];
    const layout = CUSTOMER_DATA_TABLES_LAYOUT[table];
    try {
      await client.send(new CreateTableCommand(customerDataTableDefinition(table, tableName)));
      if ('ttlAttribute' in layout) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: tableName,
            TimeToLiveSpecification: { AttributeName: layout.ttlAttribute, Enabled: true },
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  }
}
