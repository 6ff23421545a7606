import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbAccessLogStore } from '../../functions/adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../functions/adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import type { FeaturedCustomer } from '../../infra/local/seed/synthetic-customers.js';
import { syntheticCustomers } from '../../infra/local/seed/synthetic-customers.js';
import { dynamoDbSeedTargets, seedStores } from '../../infra/local/seed/seed-stores.js';

/** The three stores of the running local stack, through the same adapters the handlers use. */
export function localCustomerData() {
  const client = new DynamoDBClient({});
  return {
    customers: new DynamoDbCustomerStore(client, LOCAL_CUSTOMER_DATA_TABLE_NAMES.customers),
    billing: new DynamoDbBillingStore(client, LOCAL_CUSTOMER_DATA_TABLE_NAMES.billing),
    accessLog: new DynamoDbAccessLogStore(client, LOCAL_CUSTOMER_DATA_TABLE_NAMES.accessLog),
  };
}

/** Seeds synthetic customers, the featured ones first with known names and e-mails. */
export async function seedFeatured(featured: readonly FeaturedCustomer[], count = featured.length + 5): Promise<void> {
  const records = syntheticCustomers({ count, seed: 7, now: new Date(), featured, doorEventsPerCustomer: 40 });
  await seedStores(dynamoDbSeedTargets(new DynamoDBClient({}), LOCAL_CUSTOMER_DATA_TABLE_NAMES), records);
}

/** The customer id registered for `email` (found through the e-mail index). */
export async function customerIdOf(email: string): Promise<string> {
  const [customerId] = await localCustomerData().customers.findByEmail(email);
  if (!customerId) throw new Error('no customer with that e-mail');
  return customerId;
}

/** Every record the stores hold for the customer. */
export async function holdings(customerId: string) {
  const stores = localCustomerData();
  const all = async <T>(read: (cursor?: string) => Promise<{ items: readonly T[]; next?: string }>): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await read(cursor);
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return items;
  };
  return {
    customerId,
    profile: await stores.customers.getProfile(customerId),
    subscriptions: await stores.customers.subscriptions(customerId),
    consents: await stores.customers.consents(customerId),
    reservations: await stores.customers.reservations(customerId),
    notes: await all((cursor) => stores.customers.notes(customerId, cursor)),
    invoices: await all((cursor) => stores.billing.invoices(customerId, cursor)),
    payments: await all((cursor) => stores.billing.payments(customerId, cursor)),
    events: await all((cursor) => stores.accessLog.events(customerId, cursor)),
  };
}
