import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerPk, type CustomerDataTable } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { DynamoDbAccessLogStore } from '../../../functions/adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../../functions/adapters/dynamodb/dynamodb-billing-store.js';
import { CustomerPartitions, DynamoDbCustomerStore, documentClient } from '../../../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { createCustomerDataTables } from '../../../infra/local/setup/create-customer-data-tables.js';
import { aDoorEvent, aNote, aProfile, anInvoice } from '../../unit/customer-data/customer-data-fixture.js';
import { customerDataStoreContract, type CustomerDataHarness } from '../../unit/customer-data/customer-data-store-contract.js';
import { startCustomerDataTables, stopCustomerDataTables, type CustomerDataTablesFixture } from './dynamodb-local-fixture.js';

let fixture: CustomerDataTablesFixture;
let harness: CustomerDataHarness;

beforeAll(async () => {
  fixture = await startCustomerDataTables();
  const { client, tableNames } = fixture;
  const customers = new DynamoDbCustomerStore(client, tableNames.customers);
  const billing = new DynamoDbBillingStore(client, tableNames.billing);
  const accessLog = new DynamoDbAccessLogStore(client, tableNames.accessLog);
  const doc = documentClient(client);
  harness = {
    customers,
    billing,
    accessLog,
    seed: async (records) => {
      await Promise.all([customers.putRecords(records), billing.putRecords(records), accessLog.putRecords(records)]);
    },
    putItem: async (table: CustomerDataTable, item) => {
      await doc.send(new PutCommand({ TableName: tableNames[table], Item: item }));
    },
    items: async (table: CustomerDataTable, customerId) => {
      const result = await doc.send(
        new QueryCommand({
          TableName: tableNames[table],
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': customerPk(customerId) },
          ConsistentRead: true,
        }),
      );
      return result.Items ?? [];
    },
  };
});

afterAll(async () => {
  await stopCustomerDataTables(fixture);
});

customerDataStoreContract('DynamoDB adapters on DynamoDB Local', () => harness);

describe('createCustomerDataTables', () => {
  it('creates the tables from the layout, with keys-only lookup indexes and TTL on deleteAfter, and can run again', async () => {
    await createCustomerDataTables(fixture.client, fixture.tableNames);

    const customers = await fixture.client.send(new DescribeTableCommand({ TableName: fixture.tableNames.customers }));
    const billingTtl = await fixture.client.send(new DescribeTimeToLiveCommand({ TableName: fixture.tableNames.billing }));
    const accessTtl = await fixture.client.send(new DescribeTimeToLiveCommand({ TableName: fixture.tableNames.accessLog }));

    expect(customers.Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType]).sort()).toEqual([
      ['customers-by-address', 'KEYS_ONLY'],
      ['customers-by-email', 'KEYS_ONLY'],
      ['customers-by-phone', 'KEYS_ONLY'],
    ]);
    expect(billingTtl.TimeToLiveDescription).toMatchObject({ AttributeName: 'deleteAfter', TimeToLiveStatus: 'ENABLED' });
    expect(accessTtl.TimeToLiveDescription).toMatchObject({ AttributeName: 'deleteAfter', TimeToLiveStatus: 'ENABLED' });
  });
});

describe('DynamoDB customer-data adapters', () => {
  it('answer a whole gather, correction, restriction and erasure by key: no Scan, every request on its own table', async () => {
    // Prepare: a client that records every operation it sends.
    const sent: { command: string; table: string }[] = [];
    const client = new DynamoDBClient({ endpoint: fixture.dynamoDb.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown>; TransactItems?: { Update?: { TableName?: string } }[] };
        const table = input.TableName ?? Object.keys(input.RequestItems ?? {})[0] ?? input.TransactItems?.[0]?.Update?.TableName ?? '';
        sent.push({ command: String(context.commandName), table });
        return next(args);
      },
      { step: 'initialize' },
    );
    const { tableNames } = fixture;
    const customers = new DynamoDbCustomerStore(client, tableNames.customers);
    const billing = new DynamoDbBillingStore(client, tableNames.billing);
    const accessLog = new DynamoDbAccessLogStore(client, tableNames.accessLog);
    const id = `c-keys-${Date.now()}`;
    const email = `${id}@example.no`;
    await harness.seed({
      profiles: [aProfile({ customerId: id, email })],
      notes: [aNote({ customerId: id })],
      invoices: [anInvoice({ customerId: id })],
      doorEvents: [aDoorEvent({ customerId: id })],
    });

    // Act
    const [found] = await customers.findByEmail(email);
    await customers.getProfile(found!);
    await customers.notes(found!);
    await billing.invoices(found!);
    await accessLog.events(found!);
    await customers.correctProfile(found!, [{ field: 'name', from: 'Kari Nordmann', to: 'Kari Berg' }], '2026-01-05T10:00:00Z');
    await Promise.all([customers.setRestricted(found!, true), billing.setRestricted(found!, true), accessLog.setRestricted(found!, true)]);
    await customers.deleteNotes(found!, ['n-1']);
    await accessLog.deleteEvents(found!);
    await customers.anonymiseProfile(found!, '2026-01-06T10:00:00Z');

    // Assess
    expect(found).toBe(id);
    expect(new Set(sent.map((entry) => entry.command))).toEqual(
      new Set(['QueryCommand', 'GetItemCommand', 'UpdateItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']),
    );
    expect(sent.every((entry) => Object.values(tableNames).includes(entry.table))).toBe(true);
    expect(await customers.findByEmail(email)).toEqual([]);
    const [profile] = await harness.items('customers', id);
    expect(profile).not.toHaveProperty('emailLower');
    expect(profile).not.toHaveProperty('phoneE164');
    client.destroy();
  });
});

describe('marking many records at once (CustomerPartitions.setOn)', () => {
  it('updates every record that still exists, 100 to a transaction, and re-creates none that were deleted', async () => {
    // Prepare: 230 invoices of one customer, 3 of them deleted after their keys were read.
    const sent: string[] = [];
    const client = new DynamoDBClient({ endpoint: fixture.dynamoDb.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize' },
    );
    const id = `c-many-${Date.now()}`;
    await harness.seed({ invoices: Array.from({ length: 230 }, (_, index) => anInvoice({ customerId: id, invoiceNo: `F-${index}` })) });
    const partitions = new CustomerPartitions(documentClient(client), fixture.tableNames.billing);
    const keys = await partitions.all(id, 'INVOICE#');
    const deleted = [keys[5]!, keys[150]!, keys[229]!];
    await partitions.deleteAll(deleted);
    sent.length = 0;

    // Act
    const updated = await partitions.setOn([...keys, keys[0]!], 'deleteAfter', 1_900_000_000);

    // Assess: three transactions (100, 100 and 30 keys), each tried again without its deleted key.
    expect(updated).toBe(227);
    const items = await harness.items('billing', id);
    expect(items).toHaveLength(227);
    expect(items.every((item) => item.deleteAfter === 1_900_000_000)).toBe(true);
    expect(sent.filter((command) => command === 'TransactWriteItemsCommand')).toHaveLength(6);
    expect(sent.every((command) => command === 'TransactWriteItemsCommand')).toBe(true);
    client.destroy();
  });
});
