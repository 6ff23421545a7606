import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDataTableNames } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { readAllPages } from '../../../functions/domain/gather/read-all-pages.js';
import { seedCommand } from '../../../infra/cli/commands/seed-command.js';
import { createCustomerDataTables } from '../../../infra/local/setup/create-customer-data-tables.js';
import { DEMO_CUSTOMER_COUNT, dynamoDbSeedTargets, seedDemoOnce, seedStores } from '../../../infra/local/seed/seed-stores.js';
import { syntheticCustomers } from '../../../infra/local/seed/synthetic-customers.js';
import { aProfile } from '../../unit/customer-data/customer-data-fixture.js';
import { startCustomerDataTables, stopCustomerDataTables, type CustomerDataTablesFixture } from './dynamodb-local-fixture.js';

const NOW = new Date('2026-03-16T10:00:00.000Z');
let fixture: CustomerDataTablesFixture;

const tables = async (prefix: string): Promise<CustomerDataTableNames> => {
  const names = { customers: `${prefix}-customers`, billing: `${prefix}-billing`, accessLog: `${prefix}-access-log` };
  await createCustomerDataTables(fixture.client, names);
  return names;
};

beforeAll(async () => {
  fixture = await startCustomerDataTables();
});

afterAll(async () => {
  await stopCustomerDataTables(fixture);
});

describe('seedDemoOnce', () => {
  it('seeds the demo customers into empty tables once, and names the two demo e-mails each time', async () => {
    const names = await tables('demo');
    const stores = dynamoDbSeedTargets(fixture.client, names);

    const first = await seedDemoOnce({ dynamoDb: fixture.client }, names, NOW);
    const second = await seedDemoOnce({ dynamoDb: fixture.client }, names, NOW);

    const demoEmails = { activeSubscription: 'kari.nordmann@example.no', endedSubscriptions: 'ola.hansen@example.no' };
    expect(first).toEqual({ seeded: true, demoEmails });
    expect(second).toEqual({ seeded: false, demoEmails });
    const [kari] = await stores.customers.findByEmail('Kari.Nordmann@example.no');
    const [ola] = await stores.customers.findByEmail('ola.hansen@example.no');
    expect(await stores.customers.findByEmail('kari.nordmann@example.no')).toHaveLength(1);
    expect((await stores.customers.subscriptions(kari!)).map((s) => s.status)).toContain('active');
    expect((await stores.customers.subscriptions(ola!)).every((s) => s.status === 'ended')).toBe(true);
    expect((await stores.billing.invoices(ola!)).items.length).toBeGreaterThan(0);
    expect((await stores.accessLog.events(kari!)).items.length).toBeGreaterThan(0);
  });

  it('leaves a customers table that holds other data alone and names no demo customers', async () => {
    const names = await tables('busy');
    await dynamoDbSeedTargets(fixture.client, names).customers.putRecords({ profiles: [aProfile({ email: 'per.berg@example.com' })] });

    const result = await seedDemoOnce({ dynamoDb: fixture.client }, names, NOW);

    expect(result).toEqual({ seeded: false });
    expect(await dynamoDbSeedTargets(fixture.client, names).customers.findByEmail('kari.nordmann@example.no')).toEqual([]);
  });

  it(`seeds ${DEMO_CUSTOMER_COUNT} customers`, async () => {
    const names = await tables('count');
    await seedDemoOnce({ dynamoDb: fixture.client }, names, NOW);
    const expected = syntheticCustomers({ count: DEMO_CUSTOMER_COUNT, seed: 2026, now: NOW });
    const stores = dynamoDbSeedTargets(fixture.client, names);

    const found = await Promise.all(expected.profiles.slice(2).map((p) => stores.customers.getProfile(p.customerId)));

    expect(found.every((profile) => profile !== undefined)).toBe(true);
  });
});

describe('seedStores and seedCommand', () => {
  it('writes every record so the adapters read back all of a customer’s history', async () => {
    const names = await tables('bulk');
    const stores = dynamoDbSeedTargets(fixture.client, names);
    const records = syntheticCustomers({ count: 30, seed: 3, now: NOW, doorEventsPerCustomer: 250 });

    const counts = await seedStores(stores, records);

    expect(counts.doorEvents).toBe(records.doorEvents.length);
    const customer = records.subscriptions[0]!.customerId;
    const events = await readAllPages((cursor) => stores.accessLog.events(customer, cursor));
    const invoices = await readAllPages((cursor) => stores.billing.invoices(customer, cursor));
    expect(events).toHaveLength(250);
    expect(new Set(events.map((event) => event.eventId))).toEqual(
      new Set(records.doorEvents.filter((event) => event.customerId === customer).map((event) => event.eventId)),
    );
    expect(invoices).toHaveLength(records.invoices.filter((invoice) => invoice.customerId === customer).length);
  });

  it('seeds N customers, reports counts per kind, and rewrites the same customers when run again', async () => {
    const names = await tables('cli');
    const deps = { dynamoDb: fixture.client, tableNames: names, now: () => NOW };
    const expected = syntheticCustomers({ count: 40, seed: 5, now: NOW });

    const summary = await seedCommand({ customers: 40, seed: 5 }, deps);
    await seedCommand({ customers: 40, seed: 5 }, deps);

    expect(summary).toMatch(/^Seeded 40 synthetic customers \(seed 5\) in \d+\.\d s/);
    expect(summary).toMatch(new RegExp(`\\b${expected.invoices.length.toLocaleString('en-US')} invoices\\n`));
    expect(summary).toMatch(new RegExp(`\\b${expected.doorEvents.length.toLocaleString('en-US')} door events\\n`));
    const stores = dynamoDbSeedTargets(fixture.client, names);
    const customer = expected.profiles[0]!;
    expect(await stores.customers.findByEmail(customer.email)).toEqual([customer.customerId]);
    const events = await readAllPages((cursor) => stores.accessLog.events(customer.customerId, cursor));
    expect(events).toHaveLength(expected.doorEvents.filter((event) => event.customerId === customer.customerId).length);
  });
});
