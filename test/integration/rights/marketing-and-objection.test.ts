import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import {
  DynamoDbProcessingPurposeStore,
  DynamoDbSuppressionList,
  SUPPRESSION_SK,
  suppressionPk,
} from '../../../functions/adapters/dynamodb/dynamodb-marketing-stop-stores.js';
import { suppressionKey } from '../../../functions/domain/marketing-stop/suppression-list.js';
import { ENV } from '../../../functions/platform/env-names.js';
import { createTransport } from 'nodemailer';
import { eventually, outbox, postRequest, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { enterCode, latestCode, staffPost, submitVerified, waitForStatus } from '../../support/rights-driver.js';
import { customerIdOf, holdings, localCustomerData, seedFeatured } from '../../support/seeded-customers.js';

/**
 * The two Art. 21 rights through the running local stack on seeded customers: the marketing stop
 * (at once, no identity check, every channel, suppression as a keyed hash, split from other
 * rights) and the objection to processing based on legitimate interest (restricted while
 * assessed, decided with a written balancing, upheld or overridden).
 */
let fixture: StackFixture;

const PEOPLE = {
  stop: { name: 'Mona Markedsstopp', email: 'mona.markedsstopp@example.no', subscriptions: 'active' },
  withdraw: { name: 'Sverre Samtykke', email: 'sverre.samtykke@example.no', subscriptions: 'ended' },
  byMail: { name: 'Trine Stopp', email: 'trine.stopp@example.no', subscriptions: 'active' },
  split: { name: 'Dina Delt', email: 'dina.delt@example.no', subscriptions: 'active' },
  upheld: { name: 'Ulrik Protest', email: 'ulrik.protest@example.no', subscriptions: 'active' },
  overridden: { name: 'Oda Avveiing', email: 'oda.avveiing@example.no', subscriptions: 'ended' },
} as const;

const BALANCING =
  'Statistikken er samlet og pseudonymisert, men personen har en særlig grunn som veier tyngre enn vår interesse i den.';
const OVERRIDE =
  'Besøksstatistikken trengs for brannsikkerhet og dimensjonering av lokalene; den brukes bare samlet, og det veier tyngre her.';

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const mailsTo = (email: string) => outbox(fixture.stack.urls.ses, email);
const purposes = () => new DynamoDbProcessingPurposeStore(new DynamoDBClient({}), LOCAL_CUSTOMER_DATA_TABLE_NAMES.customers);

/** Makes sure the customer has a marketing consent in force before the request arrives. */
async function grantNewsletter(customerId: string): Promise<void> {
  await localCustomerData().customers.setConsent(customerId, 'newsletter', true, new Date(Date.now() - 60_000).toISOString(), 'test');
}

async function submit(body: Record<string, unknown>): Promise<string> {
  const response = await postRequest(fixture.stack.urls.app, { language: 'nb', ...body });
  expect(response.status, JSON.stringify(response.json)).toBe(202);
  return String(response.json.id);
}

describe('marketing stops at once', () => {
  it.each(['objection', 'consent_withdrawal'] as const)(
    '%s: within a minute, without a code or staff, consents off and all four channels reserved; the confirmation goes to the registered address',
    async (type) => {
      const person = type === 'objection' ? PEOPLE.stop : PEOPLE.withdraw;
      const customerId = await customerIdOf(person.email);
      await grantNewsletter(customerId);
      const started = Date.now();

      const id = await submit({ name: person.name, email: person.email, types: [type] });
      await waitForStatus(fixture, id, 'closed');
      const elapsed = Date.now() - started;

      expect(elapsed).toBeLessThan(60_000);
      const after = await holdings(customerId);
      expect(after.consents.filter((consent) => consent.granted)).toEqual([]);
      expect(after.reservations.filter((r) => r.reserved).map((r) => r.channel).sort()).toEqual(['email', 'phone', 'post', 'sms']);
      const stored = await fixture.store.get(id);
      expect(stored?.verification).toBeUndefined();
      expect(stored?.decision).toBeUndefined();
      expect(stored?.marketingStop).toMatchObject({ customers: 1, suppressed: false, confirmations: 1 });
      const mails = await mailsTo(person.email);
      expect(mails.some((mail) => /\b\d{6}\b/.test(mail.body.text ?? ''))).toBe(false);
      // One mail only: the confirmation (no receipt to the typed address, no code).
      expect(mails.filter((mail) => mail.subject.includes(id)).map((mail) => mail.subject)).toEqual([
        `Markedsføringen er stanset – referanse ${id}`,
      ]);
      const confirmation = mails.find((mail) => mail.subject === `Markedsføringen er stanset – referanse ${id}`);
      expect(confirmation?.body.text).toContain('e-post, SMS, telefon og adressert post');
      expect(confirmation?.body.text).not.toContain(person.name);
      // Staff can neither refuse it nor close it afterwards.
      const refusal = await staffPost(fixture, id, 'decision', { outcome: 'rejected', reason: 'Vi vil fortsette å sende nyhetsbrev.' });
      expect(refusal.status).toBe(409);
      expect(JSON.stringify(refusal.json)).toContain('Stopp av markedsføring kan ikke avslås');
    },
  );

  it('«STOPP» in reply to a newsletter, by e-mail: recognised as the stop and carried out with no one involved', async () => {
    const person = PEOPLE.byMail;
    const customerId = await customerIdOf(person.email);
    await grantNewsletter(customerId);

    await createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
      from: `${person.name} <${person.email}>`,
      to: 'naerkontor@obos.no',
      subject: 'SV: Nyheter fra OBOS Nærkontor – desember',
      text: 'STOPP\n\n> Du får denne e-posten fordi du abonnerer på nyhetsbrevet vårt.',
    });

    const confirmation = await eventually(
      async () => (await mailsTo(person.email)).find((mail) => mail.subject.startsWith('Markedsføringen er stanset')),
      'the confirmation of the stop',
      400,
    );
    const id = /referanse (NK-\d{8}-[0-9A-Z]{8})/.exec(confirmation.subject)![1]!;
    await waitForStatus(fixture, id, 'closed');
    expect((await fixture.store.get(id))?.channel).toBe('email');
    const after = await holdings(customerId);
    expect(after.consents.filter((consent) => consent.granted)).toEqual([]);
    expect(after.reservations.filter((r) => r.reserved).map((r) => r.channel).sort()).toEqual(['email', 'phone', 'post', 'sms']);
  });

  it('an address that matches no customer is suppressed as a keyed hash and gets the same neutral letter', async () => {
    const stranger = 'ingen.kunde@example.org';
    const id = await submit({ name: 'Ingen Kunde', email: stranger, types: ['objection'] });
    await waitForStatus(fixture, id, 'closed');

    const secret = fixture.stack.environment[ENV.suppressionSecret]!;
    const key = suppressionKey(secret, 'email', stranger)!;
    expect(await new DynamoDbSuppressionList(new DynamoDBClient({}), LOCAL_CUSTOMER_DATA_TABLE_NAMES.customers).has(key)).toBe(true);
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const item = (await doc.send(new GetCommand({ TableName: LOCAL_CUSTOMER_DATA_TABLE_NAMES.customers, Key: { pk: suppressionPk(key), sk: SUPPRESSION_SK } }))).Item;
    expect(item).toMatchObject({ key, kind: 'email', source: `rights-request:${id}` });
    // Neither the address nor a bare (unkeyed) hash of it is stored.
    expect(JSON.stringify(item)).not.toContain('ingen.kunde');
    expect(key).not.toBe(createHash('sha256').update(`email:${stranger}`).digest('base64url'));

    const [letter] = await mailsTo(stranger).then((mails) => mails.filter((mail) => mail.subject.startsWith('Markedsføringen er stanset')));
    const customerLetter = (await mailsTo(PEOPLE.stop.email)).find((mail) => mail.subject.startsWith('Markedsføringen er stanset'));
    const neutral = (text: string | undefined, reference: string) => (text ?? '').replaceAll(reference, 'REF');
    const customerRef = /referanse (\S+)/.exec(customerLetter!.subject)![1]!;
    expect(neutral(letter?.body.text, id)).toBe(neutral(customerLetter?.body.text, customerRef));
    expect((await fixture.store.get(id))?.marketingStop).toMatchObject({ customers: 0, suppressed: true });
  });

  it('split: the stop holds before the code is entered; access then follows the normal path and the reply recalls the stop', async () => {
    const person = PEOPLE.split;
    const customerId = await customerIdOf(person.email);
    await grantNewsletter(customerId);

    const id = await submit({ name: person.name, email: person.email, types: ['access', 'objection'], language: 'en' });
    await waitForStatus(fixture, id, 'awaiting_verification');
    const before = await holdings(customerId);
    expect(before.consents.filter((consent) => consent.granted)).toEqual([]);
    expect(before.reservations.filter((r) => r.reserved).map((r) => r.channel).sort()).toEqual(['email', 'phone', 'post', 'sms']);
    const confirmation = (await mailsTo(person.email)).find((mail) => mail.subject === `Marketing stopped – reference ${id}`);
    expect(confirmation?.body.text).toContain('The request also asked for other things');

    // The rest of the request: verified, approved, answered.
    await enterCode(fixture, id, await latestCode(fixture, person.email));
    await waitForStatus(fixture, id, 'awaiting_approval');
    const approval = await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    expect(approval.status).toBeLessThan(300);
    await waitForStatus(fixture, id, 'closed');
    const reply = (await mailsTo(person.email)).at(-1)!;
    expect(reply.body.text).toContain(`/download/${id}`);
    expect(reply.body.text).toContain('We stopped marketing to you on');
  });
});

describe('objection to processing based on legitimate interest (Art. 21(1))', () => {
  it('upheld: analysis restricted (ground d) while assessed, a balancing reason required, then stopped for good; the reply says so', async () => {
    const person = PEOPLE.upheld;
    const customerId = await customerIdOf(person.email);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['processing_objection'] });

    expect(await purposes().get(customerId, 'analytics')).toMatchObject({ status: 'restricted', ground: 'd' });
    const withoutReason = await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    expect(withoutReason.status).toBe(400);
    const decided = await staffPost(fixture, id, 'decision', { outcome: 'approved', reason: BALANCING });
    expect(decided.status).toBeLessThan(300);
    await waitForStatus(fixture, id, 'closed');

    expect(await purposes().get(customerId, 'analytics')).toMatchObject({ status: 'stopped' });
    const reply = (await mailsTo(person.email)).at(-1)!;
    expect(reply.body.text).toContain('Vi tar protesten til følge');
    expect(reply.body.text).toContain('analyse og utvikling');
    expect(reply.body.text).toContain(BALANCING);
    expect(reply.body.text).toContain('Datatilsynet');
    expect(reply.body.text).toContain('domstolene');
  });

  it('overridden: the refusal gives the balancing and both remedies, and only then is the restriction lifted', async () => {
    const person = PEOPLE.overridden;
    const customerId = await customerIdOf(person.email);
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['processing_objection'] });
    expect(await purposes().get(customerId, 'analytics')).toMatchObject({ status: 'restricted', ground: 'd' });

    const decided = await staffPost(fixture, id, 'decision', { outcome: 'rejected', reason: OVERRIDE });
    expect(decided.status).toBeLessThan(300);
    await waitForStatus(fixture, id, 'closed');

    const state = await purposes().get(customerId, 'analytics');
    expect(state).toMatchObject({ status: 'active' });
    expect(state?.ground).toBeUndefined();
    const refusal = (await mailsTo(person.email)).at(-1)!;
    expect(refusal.body.text).toContain('tvingende berettigede grunner');
    expect(refusal.body.text).toContain(OVERRIDE);
    expect(refusal.body.text).toContain('Den begrensningen oppheves nå.');
    expect(refusal.body.text).toContain('Datatilsynet');
    const trail = (await fixture.store.auditTrail(id)).map((entry) => entry.event);
    expect(trail.indexOf('processing.restriction_lifted')).toBeGreaterThan(trail.indexOf('mail.sent'));
  });
});
