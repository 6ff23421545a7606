import { describe, expect, it } from 'vitest';
import { customerPk, type CustomerDataTable } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { inMemoryCustomerData, type InMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { aDoorEvent, aProfile, anInvoice, CUSTOMER_ID } from './customer-data-fixture.js';
import { customerDataStoreContract } from './customer-data-store-contract.js';

let stores: InMemoryCustomerData = inMemoryCustomerData();
const tableOf = (table: CustomerDataTable) =>
  table === 'customers' ? stores.customers : table === 'billing' ? stores.billing : stores.accessLog;

customerDataStoreContract('in-memory fakes', () => ({
  ...stores,
  seed: async (records) => {
    stores.customers.seed(records);
    stores.billing.seed(records);
    stores.accessLog.seed(records);
  },
  putItem: async (table, item) => tableOf(table).table.put(item),
  items: async (table, customerId) => tableOf(table).items(customerId),
}));

describe('inMemoryCustomerData', () => {
  it('seeds each store with its own kinds of record, applying schema defaults', async () => {
    // Prepare
    const { restricted: _restricted, ...withoutDefault } = anInvoice();
    // Act
    stores = inMemoryCustomerData({ profiles: [aProfile()], invoices: [withoutDefault], doorEvents: [aDoorEvent()] });
    // Assess
    expect(await stores.customers.getProfile(CUSTOMER_ID)).toEqual(aProfile());
    expect((await stores.billing.invoices(CUSTOMER_ID)).items).toEqual([anInvoice({ restricted: false })]);
    expect((await stores.accessLog.events(CUSTOMER_ID)).items).toEqual([aDoorEvent()]);
    expect(stores.customers.items(CUSTOMER_ID).map((item) => item.sk)).toEqual(['PROFILE']);
    expect(stores.billing.items(CUSTOMER_ID)[0]?.pk).toBe(customerPk(CUSTOMER_ID));
  });

  it('refuses to seed a record that does not match its schema', () => {
    expect(() => inMemoryCustomerData({ doorEvents: [{ ...aDoorEvent(), at: 'yesterday' }] })).toThrow();
  });

  it('hands out copies, so changing a read record does not change the store', async () => {
    stores = inMemoryCustomerData({ profiles: [aProfile()] });
    const profile = await stores.customers.getProfile(CUSTOMER_ID);

    profile!.address!.city = 'Bergen';

    expect((await stores.customers.getProfile(CUSTOMER_ID))?.address?.city).toBe('Oslo');
  });
});
