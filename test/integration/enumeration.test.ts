import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, outbox, postRequest, startStackFixture, type OutboxMail, type StackFixture } from '../support/local-stack-fixture.js';
import { waitForStatus } from '../support/rights-driver.js';
import { customerIdOf, localCustomerData, seedFeatured } from '../support/seeded-customers.js';

/**
 * A stranger must not learn from the answers whether an e-mail address or a phone number is a
 * customer's: the same status and body shape, and the same mails to the person asking. The
 * customer, for their part, gets no text a stranger wrote: letters use the registered name.
 */
let fixture: StackFixture;
const CUSTOMER = { name: 'Randi Registrert', email: 'randi.registrert@example.no', subscriptions: 'active' } as const;
const STRANGER_NAME = 'Fremmed <b>Kjøp nå</b> Skriver';
const STRANGER_DETAILS = 'Besøk http://svindel.example og oppgi kortnummeret ditt.';
let customerPhone: string;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([CUSTOMER]);
  customerPhone = (await localCustomerData().customers.getProfile(await customerIdOf(CUSTOMER.email)))!.phone!;
});
afterAll(async () => fixture?.stack.stop());

/** A mail with what differs per request (reference, code, dates, links) blanked, so letters compare by content. */
const shape = (mail: OutboxMail) =>
  [mail.subject, mail.body.text ?? '']
    .map((text) =>
      text
        .replace(/NK-\d{8}-[0-9A-Z]{8}/g, 'REF')
        .replace(/\b\d{6}\b/g, 'CODE')
        .replace(/\b\d{1,2}\. \p{L}+ \d{4}\b/gu, 'DATE')
        .replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')
        .replace(/\S+@example\.no/g, 'ADDRESS'),
    )
    .join('\n---\n');

/** Posts as a stranger and waits until the request asks for a code; returns the HTTP answer and every mail to the stranger. */
async function askAs(email: string, phone: string) {
  const response = await postRequest(fixture.stack.urls.app, { language: 'nb', name: STRANGER_NAME, email, phone, details: STRANGER_DETAILS, types: ['access'] });
  const id = String(response.json.id);
  await waitForStatus(fixture, id, 'awaiting_verification');
  const mails = await eventually(async () => {
    const sent = await outbox(fixture.stack.urls.ses, email);
    return sent.length >= 2 ? sent : undefined;
  }, 'the acknowledgement and the code');
  await new Promise((resolve) => setTimeout(resolve, 1000)); // any later mail would show now
  return { response, id, mails: await outbox(fixture.stack.urls.ses, email) };
}

describe('answers do not tell a stranger who is a customer', { timeout: 120_000 }, () => {
  it('a customer’s phone with the stranger’s own address gets the same answer and the same mails as an unknown phone', async () => {
    const customerMailsBefore = (await outbox(fixture.stack.urls.ses, CUSTOMER.email)).length;

    const withCustomerPhone = await askAs(`fremmed.a.${Date.now()}@example.no`, customerPhone);
    const withUnknownPhone = await askAs(`fremmed.b.${Date.now()}@example.no`, '+47 999 01 234');

    expect(withCustomerPhone.response.status).toBe(202);
    expect(withUnknownPhone.response.status).toBe(202);
    expect(Object.keys(withCustomerPhone.response.json).sort()).toEqual(Object.keys(withUnknownPhone.response.json).sort());
    expect(withCustomerPhone.mails.map(shape)).toEqual(withUnknownPhone.mails.map(shape));
    expect(withCustomerPhone.mails).toHaveLength(2);

    // The customer is asked for their code under their registered name, and reads nothing the stranger wrote.
    const toCustomer = (await outbox(fixture.stack.urls.ses, CUSTOMER.email)).slice(customerMailsBefore);
    expect(toCustomer.length).toBeGreaterThan(0);
    for (const mail of toCustomer) {
      expect(mail.body.text).toContain(CUSTOMER.name);
      expect(`${mail.subject}\n${mail.body.text}`).not.toMatch(/Fremmed|Kjøp|svindel|kortnummer/);
    }
  });

  it('a customer’s address and an unknown address get the same status and body shape', async () => {
    const known = await postRequest(fixture.stack.urls.app, { language: 'nb', name: STRANGER_NAME, email: CUSTOMER.email, types: ['erasure'] });
    const unknown = await postRequest(fixture.stack.urls.app, { language: 'nb', name: STRANGER_NAME, email: `ukjent.${Date.now()}@example.no`, types: ['erasure'] });

    expect(known.status).toBe(unknown.status);
    expect(Object.keys(known.json).sort()).toEqual(Object.keys(unknown.json).sort());
    expect(String(known.json.id)).toMatch(/^NK-\d{8}-[0-9A-Z]{8}$/);
    expect(String(unknown.json.id)).toMatch(/^NK-\d{8}-[0-9A-Z]{8}$/);
  });

  it('letters to the registered address greet by the registered name, never the typed one', async () => {
    const before = (await outbox(fixture.stack.urls.ses, CUSTOMER.email)).length;

    const response = await postRequest(fixture.stack.urls.app, { language: 'nb', name: STRANGER_NAME, email: CUSTOMER.email, details: STRANGER_DETAILS, types: ['access'] });
    await waitForStatus(fixture, String(response.json.id), 'awaiting_verification');
    const mails = await eventually(async () => {
      const sent = (await outbox(fixture.stack.urls.ses, CUSTOMER.email)).slice(before);
      return sent.length >= 2 ? sent : undefined;
    }, 'the acknowledgement and the code');

    for (const mail of mails) {
      expect(`${mail.subject}\n${mail.body.text}`).not.toMatch(/Fremmed|Kjøp|svindel|kortnummer/);
    }
    expect(mails.some((mail) => /\b\d{6}\b/.test(mail.body.text ?? '') && mail.body.text!.includes(CUSTOMER.name))).toBe(true);
  });
});
