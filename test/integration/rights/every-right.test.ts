import { executionArnFor } from '../../../infra/local/step-functions/arns.js';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { s3Client } from '../../../functions/platform/aws-clients/s3.js';
import { LOCAL_DATA_BUCKET } from '../../../infra/local/local-stack.js';
import { outbox, postRequest, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, holdings, seedFeatured } from '../../support/seeded-customers.js';

let fixture: StackFixture;

const PEOPLE = {
  access: { name: 'Ola Innsyn', email: 'ola.innsyn@example.no', subscriptions: 'ended' },
  portability: { name: 'Per Portabel', email: 'per.portabel@example.no', subscriptions: 'active' },
  erasureEnded: { name: 'Eva Sletting', email: 'eva.sletting@example.no', subscriptions: 'ended' },
  erasureActive: { name: 'Kari Aktiv', email: 'kari.aktiv@example.no', subscriptions: 'active' },
  rectification: { name: 'Rita Retting', email: 'rita.retting@example.no', subscriptions: 'active' },
  consent: { name: 'Siri Samtykke', email: 'siri.samtykke@example.no', subscriptions: 'active' },
  objection: { name: 'Odd Protest', email: 'odd.protest@example.no', subscriptions: 'active' },
  restriction: { name: 'Berit Begrensning', email: 'berit.begrensning@example.no', subscriptions: 'active' },
} as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const objects = () => new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET);

async function approveAndClose(id: string, body: Record<string, unknown> = {}, approvers = ['anne']): Promise<void> {
  for (const staff of approvers) {
    const response = await staffPost(fixture, id, 'decision', { outcome: 'approved', ...body }, staff);
    expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
  }
  await waitForStatus(fixture, id, 'closed');
}

async function submitMarketingStop(person: { name: string; email: string }, type: string): Promise<string> {
  const response = await postRequest(fixture.stack.urls.app, { name: person.name, email: person.email, types: [type], language: 'nb' });
  expect(response.status).toBe(202);
  return String(response.json.id);
}

const mailsTo = async (email: string) => outbox(fixture.stack.urls.ses, email);
const lastMail = async (email: string) => (await mailsTo(email)).at(-1)!;

describe('every right through the local stack, on seeded customers', () => {
  it('access: an export package in S3, a download link in the reply, and nothing changed in the stores', async () => {
    const person = PEOPLE.access;
    const customerId = await customerIdOf(person.email);
    const before = await holdings(customerId);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });

    await approveAndClose(id);

    const exported = await objects().getJson<Record<string, unknown>>(OBJECT_KEYS.exportPackage(id));
    expect(exported).toBeDefined();
    expect(JSON.stringify(exported)).toContain(customerId);
    expect(await objects().getText(OBJECT_KEYS.exportReport(id))).toContain('Datatilsynet');
    const reply = await lastMail(person.email);
    expect(reply.body.text).toContain(`/download/${id}`);
    expect(reply.body.text).not.toContain(before.invoices[0]!.invoiceNo);
    expect(await holdings(customerId)).toEqual(before);
  });

  it('portability: a machine-readable package of what the person provided', async () => {
    const person = PEOPLE.portability;
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['portability'] });

    await approveAndClose(id);

    const exported = await objects().getJson<Record<string, unknown>>(OBJECT_KEYS.exportPackage(id));
    expect(exported).toBeDefined();
    expect((await fixture.store.get(id))?.export?.expiresAt).toBeDefined();
  });

  it('erasure of a former customer: erased except accounting records held until their retention ends', async () => {
    const person = PEOPLE.erasureEnded;
    const customerId = await customerIdOf(person.email);
    const before = await holdings(customerId);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['erasure'] });

    await approveAndClose(id, {}, ['anne', 'bjorn']);

    const after = await holdings(customerId);
    expect(after.events).toEqual([]);
    expect(after.consents).toEqual([]);
    expect(after.subscriptions).toEqual([]);
    // Bokføringsloven § 13: an invoice is kept to the end of the fifth year after its fiscal
    // year, so this year's and the five before it stay (held, then deleted by TTL); older go.
    // (Whether the profile's claim hold keeps more is asserted in erasure-bookkeeping.test.ts.)
    const thisYear = new Date().getUTCFullYear();
    const held = (issuedOn: string) => Number(issuedOn.slice(0, 4)) >= thisYear - 5;
    expect(after.invoices.map((invoice) => invoice.invoiceNo).sort()).toEqual(
      before.invoices.filter((invoice) => held(invoice.issuedOn)).map((invoice) => invoice.invoiceNo).sort(),
    );
    expect(after.invoices.length).toBeGreaterThan(0);
    // The profile is anonymised (no longer found by e-mail) unless the plan keeps it for an open
    // claim, and then the plan says so.
    const plan = await objects().getJson<{ kept: { category: string; kind: string }[] }>(OBJECT_KEYS.plan(id));
    const profileKept = plan!.kept.some((kept) => kept.category === 'profile');
    expect(await localLookup(person.email)).toEqual(profileKept ? [customerId] : []);
    const reply = await lastMail(person.email);
    expect(reply.body.text).toContain('Datatilsynet');
    expect(reply.subject).toContain(id);
  });

  it('erasure of an active customer: partly done, the contract data kept and the refusal explained', async () => {
    const person = PEOPLE.erasureActive;
    const customerId = await customerIdOf(person.email);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['erasure'] });

    await approveAndClose(id, {}, ['anne', 'bjorn']);

    const after = await holdings(customerId);
    expect(after.profile).toBeDefined();
    expect(after.subscriptions.some((subscription) => subscription.status === 'active')).toBe(true);
    expect(after.events).toEqual([]);
    expect(after.consents.filter((consent) => consent.granted)).toEqual([]);
    const reply = await lastMail(person.email);
    expect(reply.body.text).toContain('Datatilsynet');
    expect(reply.body.text).toMatch(/domstol/);
  });

  it('rectification: the approved change is made and the recipients are told', async () => {
    const person = PEOPLE.rectification;
    const customerId = await customerIdOf(person.email);
    const id = await submitVerified(fixture, {
      name: person.name,
      email: person.email,
      types: ['rectification'],
      details: 'Mobilnummeret mitt er feil, det riktige er 912 34 567.',
    });

    await approveAndClose(id, { corrections: [{ field: 'phone', to: '+4791234567' }] });

    expect((await holdings(customerId)).profile?.phone).toBe('+4791234567');
    const notices = await mailsTo('personvern@unloc.example');
    expect(notices.some((mail) => (mail.body.text ?? '').includes(customerId))).toBe(true);
  });

  // The marketing stops take the fast path: no code, no staff decision (marketing-and-objection.test.ts).
  it('consent withdrawal: every consent is off at once', async () => {
    const person = PEOPLE.consent;
    const customerId = await customerIdOf(person.email);
    const id = await submitMarketingStop(person, 'consent_withdrawal');

    await waitForStatus(fixture, id, 'closed');

    expect((await holdings(customerId)).consents.filter((consent) => consent.granted)).toEqual([]);
  });

  it('objection: the marketing channels are reserved', async () => {
    const person = PEOPLE.objection;
    const customerId = await customerIdOf(person.email);
    const id = await submitMarketingStop(person, 'objection');

    await waitForStatus(fixture, id, 'closed');

    const reserved = (await holdings(customerId)).reservations.filter((reservation) => reservation.reserved).map((r) => r.channel);
    expect(reserved).toEqual(expect.arrayContaining(['email', 'sms', 'phone', 'post']));
  });

  it('restriction: the records in the scope staff set are marked restricted', async () => {
    const person = PEOPLE.restriction;
    const customerId = await customerIdOf(person.email);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['restriction'] });
    expect((await staffPost(fixture, id, 'restriction', { ground: 'b', scope: ['profile', 'invoice', 'door_event'] })).status).toBe(200);

    await approveAndClose(id);

    const after = await holdings(customerId);
    expect(after.profile?.restricted).toBe(true);
    expect(after.invoices.every((invoice) => invoice.restricted)).toBe(true);
    expect(after.events.every((event) => event.restricted)).toBe(true);
  });

  it('a requester who is not a customer proves the address and learns we hold nothing else', async () => {
    const email = `ikke.kunde.${Date.now()}@example.no`;
    const id = await submitVerified(fixture, { name: 'Nina Ny', email, types: ['access'] });

    await approveAndClose(id);

    const execution = await fixture.sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArnFor(fixture.stack.environment.STATE_MACHINE_ARN!, id) }),
    );
    expect(execution.input).toBe(JSON.stringify({ requestId: id }));
    expect((await fixture.store.get(id))?.verification?.subject).toBe('address');
    expect((await mailsTo(email)).length).toBeGreaterThanOrEqual(3);
  });
});

async function localLookup(email: string): Promise<string[]> {
  const { localCustomerData } = await import('../../support/seeded-customers.js');
  return localCustomerData().customers.findByEmail(email);
}
