import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type {
  CustomerDataRecords,
  CustomerDataRecordsInput,
  CustomerDataTableNames,
  RecordKind,
} from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { DynamoDbAccessLogStore } from '../../../functions/adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../../functions/adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { recordCounts, syntheticCustomers, type FeaturedCustomer } from './synthetic-customers.js';

/** A store that takes records in bulk: the DynamoDB adapters' `putRecords`. */
export interface BulkWritable {
  putRecords(records: CustomerDataRecordsInput, options?: { readonly concurrency?: number }): Promise<number>;
}

export interface SeedTargets {
  readonly customers: BulkWritable;
  readonly billing: BulkWritable;
  readonly accessLog: BulkWritable;
}

/** The three DynamoDB adapters over `tableNames`, as seed targets. */
export const dynamoDbSeedTargets = (client: DynamoDBClient, tableNames: CustomerDataTableNames) => ({
  customers: new DynamoDbCustomerStore(client, tableNames.customers),
  billing: new DynamoDbBillingStore(client, tableNames.billing),
  accessLog: new DynamoDbAccessLogStore(client, tableNames.accessLog),
});

/**
 * Writes `records` into the three stores at once, each with BatchWriteItem (25 items a request)
 * and `concurrency` requests in flight per table. Records with an existing key replace it, so
 * seeding the same records again changes nothing. Returns how many records of each kind.
 */
export async function seedStores(
  stores: SeedTargets,
  records: CustomerDataRecords,
  options: { readonly concurrency?: number } = {},
): Promise<Record<RecordKind, number>> {
  await Promise.all([
    stores.customers.putRecords(records, options),
    stores.billing.putRecords(records, options),
    stores.accessLog.putRecords(records, options),
  ]);
  return recordCounts(records);
}

/** The demo customers `npm start` prints: one still subscribed, one whose subscriptions ended. */
export const DEMO_CUSTOMERS = {
  active: { name: 'Kari Nordmann', email: 'kari.nordmann@example.no', subscriptions: 'active' },
  ended: { name: 'Ola Hansen', email: 'ola.hansen@example.no', subscriptions: 'ended' },
} as const satisfies Record<string, FeaturedCustomer>;

/** Fixed, so every fresh local stack has the same demo customers around the two featured ones. */
export const DEMO_SEED = 2026;
export const DEMO_CUSTOMER_COUNT = 25;

export interface DemoSeedResult {
  /** True when this call wrote the demo data (the customers table was empty). */
  readonly seeded: boolean;
  /** The two demo customers' e-mails, when they are in the table (seeded now or before). */
  readonly demoEmails?: { readonly activeSubscription: string; readonly endedSubscriptions: string };
}

/**
 * Seeds {@link DEMO_CUSTOMER_COUNT} synthetic customers, the two {@link DEMO_CUSTOMERS} first,
 * unless the customers table already holds data, and tells which demo e-mails to try. A table
 * kept from an earlier start (with the demo customers) is left as it is; a table holding other
 * data gets no demo customers and no e-mails back.
 */
export async function seedDemoOnce(
  clients: { readonly dynamoDb: DynamoDBClient },
  tableNames: CustomerDataTableNames,
  now: Date = new Date(),
): Promise<DemoSeedResult> {
  const stores = dynamoDbSeedTargets(clients.dynamoDb, tableNames);
  const demoEmails = { activeSubscription: DEMO_CUSTOMERS.active.email, endedSubscriptions: DEMO_CUSTOMERS.ended.email };
  const present = await Promise.all([
    stores.customers.findByEmail(DEMO_CUSTOMERS.active.email),
    stores.customers.findByEmail(DEMO_CUSTOMERS.ended.email),
  ]);
  if (present.every((ids) => ids.length > 0)) return { seeded: false, demoEmails };
  // A one-item scan, once at start-up, is the only way to ask DynamoDB whether a table is empty
  // (DescribeTable's ItemCount lags by hours in AWS); request paths never scan.
  const probe = await clients.dynamoDb.send(
    new ScanCommand({ TableName: tableNames.customers, Limit: 1, ProjectionExpression: 'pk' }),
  );
  if ((probe.Items ?? []).length > 0) return { seeded: false };
  const records = syntheticCustomers({
    count: DEMO_CUSTOMER_COUNT,
    seed: DEMO_SEED,
    now,
    featured: [DEMO_CUSTOMERS.active, DEMO_CUSTOMERS.ended],
  });
  await seedStores(stores, records);
  return { seeded: true, demoEmails };
}
