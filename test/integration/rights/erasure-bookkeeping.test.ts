import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES, customerPk } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store.js';
import { deleteAfterEpochSeconds } from '../../../functions/domain/carry-out/retention-scheduler.js';
import { addDays, compareCalendarDates, osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import type { ActionPlan } from '../../../functions/domain/plan/action-plan.js';
import { s3Client } from '../../../functions/platform/aws-clients/s3.js';
import { LOCAL_DATA_BUCKET } from '../../../infra/local/local-stack.js';
import { outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, holdings, localCustomerData, seedFeatured } from '../../support/seeded-customers.js';

let fixture: StackFixture;

const PEOPLE = {
  erasure: { name: 'Bodil Bokføring', email: 'bodil.bokforing@example.no', subscriptions: 'ended' },
  restriction: { name: 'Rune Begrenset', email: 'rune.begrenset@example.no', subscriptions: 'active' },
} as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
/** Every raw item of the customer in a customer-data table, TTL attribute included. */
async function rawItems(table: 'billing' | 'accessLog', customerId: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: LOCAL_CUSTOMER_DATA_TABLE_NAMES[table],
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': customerPk(customerId) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const objects = () => new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET);
const year = (date: string) => Number(date.slice(0, 4));
const mailsTo = async (email: string) => outbox(fixture.stack.urls.ses, email);

describe('erasure under the bookkeeping rules, through the local stack', () => {
  it('keeps invoices five years and payments three and a half, with the buyer, restricted and with TTL; erases the profile; says so in the notice and the reply', async () => {
    const person = PEOPLE.erasure;
    const customerId = await customerIdOf(person.email);
    const before = await holdings(customerId);
    const today = osloCalendarDate(new Date());
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['erasure'] });

    // Staff correct the plan: a settled dispute no longer holds anything back, and the door log is
    // kept for a legal claim until a year from now. A wrong reference is refused first.
    const plan = (await objects().getJson<ActionPlan>((await fixture.store.get(id))!.planKey!))!;
    const claims = plan.kept.filter((group) => group.kind === 'legal_claim').flatMap((group) => group.recordIds);
    const unknown = await staffPost(fixture, id, 'plan', { action: 'keep', records: ['invoice:FINNES-IKKE'], ground: 'legal_claim', until: addDays(today, 30) });
    expect(unknown.status).toBe(400);
    expect(String(unknown.json.error)).toContain('Finner ikke');
    if (claims.length > 0) expect((await staffPost(fixture, id, 'plan', { action: 'release', records: claims, note: 'Tvisten er avgjort.' })).status).toBe(200);
    const keepUntil = addDays(today, 365);
    const kept = await staffPost(fixture, id, 'plan', { action: 'keep', records: ['door_event:*'], ground: 'legal_claim', until: keepUntil, note: 'Varslet sak.' });
    expect(kept.status, JSON.stringify(kept.json)).toBe(200);

    for (const staff of ['anne', 'bjorn']) expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' }, staff)).status).toBeLessThan(300);
    await waitForStatus(fixture, id, 'closed');

    // Invoices: kept to 31 Dec five years after their fiscal year, showing the buyer, restricted, with TTL.
    const invoicesKept = before.invoices.filter((invoice) => compareCalendarDates(today, `${year(invoice.issuedOn) + 5}-12-31`) <= 0);
    const billing = await rawItems('billing', customerId);
    const invoiceItems = billing.filter((item) => String(item.sk).startsWith('INVOICE#'));
    expect(invoiceItems.map((item) => item.invoiceNo).sort()).toEqual(invoicesKept.map((invoice) => invoice.invoiceNo).sort());
    expect(invoiceItems.length).toBeGreaterThan(0);
    for (const item of invoiceItems) {
      expect(item.buyer).toEqual({ name: person.name, ...(before.profile?.address ? { address: before.profile.address } : {}) });
      expect(item.restricted).toBe(true);
      expect(item.deleteAfter).toBe(deleteAfterEpochSeconds(`${year(String(item.issuedOn)) + 5}-12-31`));
    }
    // Payments: secondary documentation, kept to 30 June of the fourth year after theirs.
    const paymentsKept = before.payments.filter((payment) => compareCalendarDates(today, `${year(payment.paidOn) + 4}-06-30`) <= 0);
    const paymentItems = billing.filter((item) => String(item.sk).startsWith('PAYMENT#'));
    expect(paymentItems.map((item) => item.paymentId).sort()).toEqual(paymentsKept.map((payment) => payment.paymentId).sort());
    for (const item of paymentItems) {
      expect(item).not.toHaveProperty('buyer');
      expect(item.deleteAfter).toBe(deleteAfterEpochSeconds(`${year(String(item.paidOn)) + 4}-06-30`));
    }
    // The rest of the profile is erased: nothing of the person but the reference remains there.
    const after = await holdings(customerId);
    expect(after.profile).toMatchObject({ name: 'Anonymisert kunde', anonymisedAt: expect.any(String) });
    expect(after.profile).not.toHaveProperty('address');
    expect(after.profile).not.toHaveProperty('phone');
    expect(await localCustomerData().customers.findByEmail(person.email)).toEqual([]);
    expect(after.consents).toEqual([]);
    // The door log kept for the claim: restricted, expiring the day after staff's date.
    const events = await rawItems('accessLog', customerId);
    expect(events.length).toBe(before.events.length);
    for (const event of events) {
      expect(event.restricted).toBe(true);
      expect(event.deleteAfter).toBe(deleteAfterEpochSeconds(keepUntil));
    }

    // The Art. 19 notice tells the invoicing provider what to erase now and what to keep, until when.
    const [notice] = (await mailsTo('personvern@fakturaleverandor.example')).filter((mail) => mail.body.text?.includes(id));
    const text = notice?.body.text ?? '';
    expect(text).toContain('Slett nå:');
    expect(text).toContain('fjern navn, e-post, telefon, adresse');
    expect(text).toContain('Behold, begrenset til formålet');
    for (const invoice of invoicesKept) expect(text).toContain(invoice.invoiceNo);
    expect(text).toContain(`til og med 31. desember ${year(invoicesKept[0]!.issuedOn) + 5}`);
    expect(text).toContain('kjøperens navn og adresse');
    if (paymentsKept.length > 0) expect(text).toMatch(/til og med 30\. juni \d{4}/);

    // The reply tells the person the same, per retention class, and the staff corrections.
    const reply = (await mailsTo(person.email)).at(-1)!.body.text ?? '';
    expect(reply).toContain('fem år etter utgangen av regnskapsåret');
    expect(reply).toContain('navnet og adressen din');
    if (paymentsKept.length > 0) expect(reply).toContain('tre år og seks måneder etter utgangen av');
    expect(reply).toContain('Etter en ny vurdering trenger vi disse oppføringene');
    if (claims.length > 0) expect(reply).toContain('holder vi ikke lenger tilbake');
    const corrections = (await fixture.store.auditTrail(id)).filter((entry) => entry.event === 'plan.corrected');
    expect(corrections.map((entry) => entry.actor)).toEqual(corrections.map(() => 'staff:anne'));
    expect(corrections.at(-1)?.detail).toMatchObject({ action: 'keep', ground: 'legal_claim', until: keepUntil });
  });
});

describe('restriction through the local stack', () => {
  it('restricts the scope staff set, explains it, and lifts it only after the notice', async () => {
    const person = PEOPLE.restriction;
    const customerId = await customerIdOf(person.email);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['restriction'] });

    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(409);
    expect((await staffPost(fixture, id, 'restriction', { ground: 'x', scope: [] })).status).toBe(400);
    expect((await staffPost(fixture, id, 'restriction', { ground: 'a', scope: ['profile', 'door_event'] })).status).toBe(200);
    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(200);
    await waitForStatus(fixture, id, 'closed');

    const after = await holdings(customerId);
    expect(after.profile?.restricted).toBe(true);
    expect(after.events.every((event) => event.restricted)).toBe(true);
    expect(after.invoices.some((invoice) => invoice.restricted)).toBe(false);
    expect((await fixture.store.get(id))?.restriction).toMatchObject({ ground: 'a', appliedAt: expect.any(String) });
    const reply = (await mailsTo(person.email)).at(-1)!.body.text ?? '';
    expect(reply).toContain('artikkel 18 nr. 1 bokstav a');
    expect(reply).toContain('Dette fortsetter:');
    expect(reply).toContain('Abonnementet ditt: Du har et aktivt abonnement');

    const lifted = await staffPost(fixture, id, 'restriction/lift', { reason: 'Opplysningene er kontrollert og riktige.' });
    expect(lifted.status, JSON.stringify(lifted.json)).toBe(200);

    const notice = (await mailsTo(person.email)).at(-1)!;
    expect(notice.subject).toContain('Begrensningen av behandlingen oppheves');
    expect(notice.body.text).toContain('Opplysningene er kontrollert og riktige.');
    const lifts = await holdings(customerId);
    expect(lifts.profile?.restricted).toBe(false);
    expect(lifts.events.some((event) => event.restricted)).toBe(false);
    const trail = (await fixture.store.auditTrail(id)).map((entry) => entry.event);
    expect(trail.lastIndexOf('mail.sent')).toBeLessThan(trail.indexOf('restriction.lifted'));
  });
});
