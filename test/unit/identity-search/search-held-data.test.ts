import { describe, expect, it } from 'vitest';
import { identifiersOf, searchHeldData } from '../../../functions/domain/identity-search/search-held-data.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { CUSTOMER, aProfile, anInvoice } from '../gather/customer-data-fixture.js';

const AT = '2026-11-30T08:00:00.000Z';
const ADDRESS = { street: CUSTOMER.street, postalCode: '0150', city: 'Oslo' };
const anEvent = { eventId: 'E-1', customerId: CUSTOMER.customerId, at: '2026-01-05T08:00:00+01:00', location: 'Lambertseter', door: 'Hoveddør', result: 'granted' as const };

describe('searchHeldData', () => {
  it('finds a customer by the same name and postal address under another e-mail, whatever the case and spacing', async () => {
    const stores = inMemoryCustomerData({ profiles: [aProfile()], doorEvents: [anEvent] });

    const found = await searchHeldData(stores, { name: 'kari  NORDMANN', email: 'kari@other.example', postalAddress: { ...ADDRESS, street: 'STORGATA 1' } }, AT);

    expect(found.identifiers).toEqual(['email', 'name_address']);
    expect(found.candidates).toEqual([{ customerId: CUSTOMER.customerId, matchedBy: ['name_address'], holds: ['profile', 'door_events'] }]);
  });

  it('does not take someone else at the same address for the person', async () => {
    const stores = inMemoryCustomerData({ profiles: [aProfile()] });

    const found = await searchHeldData(stores, { name: 'Ola Nordmann', postalAddress: ADDRESS }, AT);

    expect(found.candidates).toEqual([]);
  });

  it('finds invoices kept after the profile was erased by the buyer written on them', async () => {
    const stores = inMemoryCustomerData({ invoices: [anInvoice()] });
    await stores.billing.recordBuyer(CUSTOMER.customerId, ['2024-00017'], { name: CUSTOMER.name, address: ADDRESS });

    const found = await searchHeldData(stores, { name: CUSTOMER.name, postalAddress: ADDRESS }, AT);

    expect(found.candidates).toEqual([{ customerId: CUSTOMER.customerId, matchedBy: ['name_address'], holds: ['invoices'] }]);
  });

  it('finds by phone in any format and by e-mail in any case, naming each identifier that matched', async () => {
    const stores = inMemoryCustomerData({ profiles: [aProfile()] });

    const found = await searchHeldData(stores, { name: 'K. N.', email: CUSTOMER.email.toUpperCase(), phone: '934 20 183' }, AT);

    expect(found.candidates).toEqual([{ customerId: CUSTOMER.customerId, matchedBy: ['email', 'phone'], holds: ['profile'] }]);
  });

  it('finds no anonymised profile by its old contact details', async () => {
    const stores = inMemoryCustomerData({ profiles: [aProfile()] });
    await stores.customers.anonymiseProfile(CUSTOMER.customerId, AT);

    const found = await searchHeldData(stores, { name: CUSTOMER.name, email: CUSTOMER.email, phone: CUSTOMER.phone, postalAddress: ADDRESS }, AT);

    expect(found.candidates).toEqual([]);
  });
});

describe('identifiersOf', () => {
  it('takes a postal address the requester gave, and leaves out what they did not give', () => {
    const requester = { name: 'Kari', email: 'kari@example.no', postalAddress: ADDRESS };
    expect(identifiersOf(requester)).toEqual({ name: 'Kari', email: 'kari@example.no', postalAddress: ADDRESS });
    expect(identifiersOf({ name: 'Kari', email: 'kari@example.no' })).toEqual({ name: 'Kari', email: 'kari@example.no' });
  });
});
