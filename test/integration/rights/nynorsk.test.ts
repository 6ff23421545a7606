import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { s3Client } from '../../../functions/platform/aws-clients/s3.js';
import { LOCAL_DATA_BUCKET } from '../../../infra/local/local-stack.js';
import { LETTER_STYLE_RULES, pageText, type RenderedText } from '../../support/letter-style-rules.js';
import { eventually, outbox, startStackFixture, type OutboxMail, type StackFixture } from '../../support/local-stack-fixture.js';
import { enterCode, latestCode, staffPost, waitForStatus } from '../../support/rights-driver.js';
import { seedFeatured } from '../../support/seeded-customers.js';

/**
 * Issue 14 point 2 through the running local stack: a request written in nynorsk, by mail (where
 * recognition hears the nynorsk) or on the form (where the person chose Nynorsk), is answered in
 * nynorsk from the acknowledgement to the reply, and the pages the letters link to speak nynorsk too.
 */

let fixture: StackFixture;

const PEOPLE = {
  mail: { name: 'Synnøve Skrivar', email: 'synnove.skrivar@example.no', subscriptions: 'ended' },
  form: { name: 'Ivar Aasen-Lund', email: 'ivar.aasen-lund@example.no', subscriptions: 'active' },
} as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const referenceIn = (mail: OutboxMail): string | undefined => /referanse (NK-\d{8}-[0-9A-Z]{8})/.exec(mail.subject)?.[1];

const asText = (mail: OutboxMail): RenderedText => ({ name: `mail «${mail.subject}»`, language: 'nn', text: `${mail.subject}\n\n${mail.body.text ?? ''}` });

const WORD_FORMS = Object.keys(LETTER_STYLE_RULES).find((rule) => rule.startsWith('writes nynorsk'))!;

/**
 * Every mail must be nynorsk: signed so, never bokmål's signature, and clean under every style rule
 * (nn rules included). The export report is held to every rule but the word forms: it copies the
 * stored records as they are (customer-service notes were written in bokmål), and its own headings
 * are checked for nynorsk separately.
 */
function expectNynorsk(mails: readonly OutboxMail[], report: string): void {
  const texts = mails.map(asText);
  for (const text of texts) {
    expect(text.text, text.name).toContain('Vennleg helsing');
    expect(text.text, text.name).not.toMatch(/Vennlig hilsen|Kind regards/);
  }
  const withReport = [...texts, { name: 'export report', language: 'nn' as const, text: pageText(report) }];
  for (const [rule, faults] of Object.entries(LETTER_STYLE_RULES)) expect(faults(rule === WORD_FORMS ? texts : withReport), rule).toEqual([]);
  expect(report).toContain('<html lang="nn">');
  for (const heading of ['Kva vi har om deg', 'Om behandlinga', 'Førespurnaden din', 'Om datafila']) expect(pageText(report)).toContain(heading);
}

/** The link in a mail that starts with `path` (the verify or download page), absolute. */
function linkIn(mail: OutboxMail, path: string): URL {
  const found = new RegExp(`https?://\\S+${path}\\S+|${path}\\S+`).exec(mail.body.text ?? '')?.[0];
  if (!found) throw new Error(`no ${path} link in «${mail.subject}»`);
  return new URL(found, fixture.stack.urls.app);
}

async function approve(id: string, approvers: readonly string[]): Promise<void> {
  for (const staff of approvers) {
    const response = await staffPost(fixture, id, 'decision', { outcome: 'approved' }, staff);
    expect(response.status, JSON.stringify(response.json)).toBeLessThan(300);
  }
  await waitForStatus(fixture, id, 'closed');
}

describe('a request in nynorsk', () => {
  it('written as a nynorsk mail, is recognised as nynorsk and answered in nynorsk, with the verify and download pages in nynorsk', async () => {
    const person = PEOPLE.mail;
    await createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
      from: `${person.name} <${person.email}>`,
      to: 'naerkontor@obos.no',
      subject: 'Innsyn',
      text: 'Hei!\n\nEg vil gjerne ha ein kopi av opplysningane de har om meg, og vite korleis de bruker dei.\n\nVenleg helsing\nSynnøve',
    });

    const acknowledgement = await eventually(async () => (await outbox(fixture.stack.urls.ses, person.email)).find(referenceIn), 'the acknowledgement', 400);
    const id = referenceIn(acknowledgement)!;
    expect((await fixture.store.get(id))?.language).toBe('nn');
    expect(acknowledgement.subject).toBe(`Vi har fått førespurnaden din – referanse ${id}`);

    await waitForStatus(fixture, id, 'awaiting_verification');
    const code = await latestCode(fixture, person.email);
    const codeMail = (await outbox(fixture.stack.urls.ses, person.email)).find((mail) => mail.body.text?.includes(code))!;
    const verifyPage = await (await fetch(linkIn(codeMail, '/verify/'))).text();
    expect(verifyPage).toContain('<html lang="nn">');
    expect(pageText(verifyPage)).toContain('Stadfest at det er deg');
    await enterCode(fixture, id, code);
    await waitForStatus(fixture, id, 'awaiting_approval');
    await approve(id, ['anne']);

    const reply = await eventually(
      async () => (await outbox(fixture.stack.urls.ses, person.email)).find((mail) => mail.subject === `Førespurnaden din er handsama – referanse ${id}`),
      'the reply',
      400,
    );
    expect(reply.body.text).toContain('Kopi av opplysningane dine');
    expect(reply.body.text).toContain('Føremål:');

    const downloadUrl = linkIn(reply, '/download/');
    expect(downloadUrl.searchParams.get('lang')).toBe('nn');
    const downloadPage = await (await fetch(downloadUrl)).text();
    expect(downloadPage).toContain('<html lang="nn">');
    expect(pageText(downloadPage)).toContain('Last ned kopien av opplysningane dine');
    const before = (await outbox(fixture.stack.urls.ses, person.email)).length;
    const sent = await fetch(downloadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ action: 'send-code' }).toString(),
      redirect: 'manual',
    });
    expect(sent.status).toBeLessThan(400);
    const downloadCode = await eventually(async () => (await outbox(fixture.stack.urls.ses, person.email)).slice(before)[0], 'the download code', 400);
    expect(downloadCode.subject).toBe(`Eingongskode for å laste ned opplysningane dine – referanse ${id}`);

    const report = (await new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET).getText(OBJECT_KEYS.exportReport(id))) ?? '';
    const mails = await outbox(fixture.stack.urls.ses, person.email);
    expect(mails.length).toBeGreaterThanOrEqual(4);
    expectNynorsk(mails, report);
  });

  it('sent with Nynorsk chosen on the form, gets every letter in nynorsk, from the marketing stop to the reply', async () => {
    const person = PEOPLE.form;
    const formPage = await (await fetch(new URL('/?lang=nn', fixture.stack.urls.app))).text();
    expect(formPage).toContain('<html lang="nn">');
    expect(pageText(formPage)).toContain('Send ein personvernførespurnad');
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(formPage)?.[1] ?? '';
    expect(hidden('language')).toBe('nn');

    const body = new URLSearchParams({ language: hidden('language'), idempotencyKey: hidden('idempotencyKey'), name: person.name, email: person.email });
    for (const type of ['access', 'erasure', 'objection']) body.append('types', type);
    const posted = await fetch(new URL('/api/requests', fixture.stack.urls.app), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: body.toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const receipt = await (await fetch(new URL(posted.headers.get('location')!, fixture.stack.urls.app))).text();
    expect(receipt).toContain('<html lang="nn">');
    expect(pageText(receipt)).toContain('Vi har fått førespurnaden din');
    const id = /NK-\d{8}-[0-9A-Z]{8}/.exec(posted.headers.get('location') ?? '')![0];
    expect((await fixture.store.get(id))?.language).toBe('nn');

    await waitForStatus(fixture, id, 'awaiting_verification');
    await enterCode(fixture, id, await latestCode(fixture, person.email));
    await waitForStatus(fixture, id, 'awaiting_approval');
    await approve(id, ['anne', 'bjorn']);

    const mails = await eventually(async () => {
      const all = await outbox(fixture.stack.urls.ses, person.email);
      return all.some((mail) => mail.subject.startsWith('Førespurnaden din er handsama')) ? all : undefined;
    }, 'the reply', 400);
    const subjects = mails.map((mail) => mail.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `Vi har fått førespurnaden din – referanse ${id}`,
        `Marknadsføringa er stoppa – referanse ${id}`,
        `Eingongskode for førespurnaden din – referanse ${id}`,
        `Førespurnaden din er handsama – referanse ${id}`,
      ]),
    );
    const reply = mails.find((mail) => mail.subject.startsWith('Førespurnaden din er handsama'))!.body.text ?? '';
    expect(reply).toContain('Rettsleg grunnlag: bokføringsforskrifta § 5-1-1, bokføringslova § 13 første ledd og personvernforordninga artikkel 17 nr. 3 bokstav b.');
    expect(reply).toContain('Dette har vi ikkje gjort, og kvifor');
    const report = (await new S3ObjectStore(s3Client(), LOCAL_DATA_BUCKET).getText(OBJECT_KEYS.exportReport(id))) ?? '';
    expectNynorsk(mails, report);
  });
});
