import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CustomerDataTableNames } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createCustomerDataTables } from '../../../infra/local/setup/create-customer-data-tables.js';

export interface CustomerDataTablesFixture {
  readonly dynamoDb: DynamoDbLocal;
  readonly client: DynamoDBClient;
  readonly tableNames: CustomerDataTableNames;
}

/** An in-memory DynamoDB Local with the three customer-data tables, for one test file. */
export async function startCustomerDataTables(
  tableNames: CustomerDataTableNames = { customers: 'it-customers', billing: 'it-billing', accessLog: 'it-access-log' },
): Promise<CustomerDataTablesFixture> {
  const dynamoDb = await startDynamoDbLocal({});
  const client = new DynamoDBClient({
    endpoint: dynamoDb.endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createCustomerDataTables(client, tableNames);
  return { dynamoDb, client, tableNames };
}

export async function stopCustomerDataTables(fixture: CustomerDataTablesFixture | undefined): Promise<void> {
  fixture?.client.destroy();
  await fixture?.dynamoDb.stop();
}
