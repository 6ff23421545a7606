import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOsloIsoString } from '../../functions/domain/deadline/oslo-calendar-date.js';
import type { CustomerProfile } from '../../functions/domain/customer-data/customer-records.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { CONSOLE_USERS, signInWithKeyboard } from '../support/console-driver.js';
import { startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { enterCode, staffPost, waitForStatus } from '../support/rights-driver.js';
import { customerIdOf, localCustomerData, seedFeatured } from '../support/seeded-customers.js';
import { localStaffToken } from '../support/staff-token.js';

/**
 * A requester without e-mail, as staff meet the paper in Chromium: the letters are opened from
 * «Til utsending per post» as the PDF files staff print, and their text is read back with pdf.js.
 */
let fixture: StackFixture;
let browser: Browser;
let page: Page;
let profile: CustomerProfile;
const PERSON = { name: 'Paula Papirbrev', email: 'paula.papirbrev@example.no', subscriptions: 'active' } as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([PERSON]);
  profile = (await localCustomerData().customers.getProfile(await customerIdOf(PERSON.email)))!;
  browser = await launchChromium();
  page = await browser.context.newPage();
  await signInWithKeyboard(page, fixture.stack.urls.app, CONSOLE_USERS.kari);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.stack.stop();
});

/** Clicks «Last ned PDF» for the case's letter of this kind on «Til utsending per post» and reads the downloaded file's pages. */
async function openPdfFromConsole(id: string, kind: string): Promise<{ pages: string[]; fileName: string }> {
  await page.goto(`${fixture.stack.urls.app}/console/post`);
  const link = page.getByRole('link', { name: `Last ned PDF (${kind}, ${id})` });
  expect(await link.count(), `one «${kind}» letter of ${id} to post`).toBe(1);
  // The PDF (with the printed copy) is made on first opening: give a loaded machine time.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), link.click()]);
  const saved = await download.path().catch(async (error: Error) => {
    // Chromium cancels a download the server failed: say what the server answered.
    const again = await page.request.get(`${fixture.stack.urls.app}${(await link.getAttribute('href'))!}`);
    throw new Error(`${error.message}; the letter's address answers ${again.status()} ${(await again.text()).slice(0, 300)}`);
  });
  const bytes = new Uint8Array(await readFile(saved));
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  return { pages: (await pdfPageTexts(bytes)).map((text) => text.replaceAll('\u00a0', ' ')), fileName: download.suggestedFilename() };
}

const norwegianDate = (instant: Date): string =>
  new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(instant);

describe('letters by post, opened as PDF from the console in Chromium', () => {
  it('registers a letter request through the staff API, prints the code letter and the answer with the copy, and every page says who, what and where', async () => {
    // The letter came an hour ago; it gives the registered phone and address, and no e-mail.
    const received = toOsloIsoString(new Date(Date.now() - 60 * 60 * 1000));
    const intake = await fetch(`${fixture.stack.urls.app}/api/staff/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${localStaffToken(fixture.stack.environment, 'kari.saksbehandler')}`, 'idempotency-key': 'browser-post-1' },
      body: JSON.stringify({
        channel: 'post',
        receivedDate: received.slice(0, 10),
        receivedTime: received.slice(11, 16),
        note: 'Brev i postkassen, åpnet av Kari.',
        name: PERSON.name,
        phone: profile.phone,
        postalAddress: profile.address,
        types: ['access'],
        language: 'nb',
      }),
    });
    expect(intake.status, await intake.clone().text()).toBe(201);
    const { id } = (await intake.json()) as { id: string };
    await waitForStatus(fixture, id, 'awaiting_verification');

    // The code letter, as printed: sender, window address, reference, date, page numbers, the code.
    const codeLetter = await openPdfFromConsole(id, 'Kode for identitetskontroll');
    const first = codeLetter.pages[0]!;
    expect(first).toContain('OBOS Nærkontor AS');
    expect(first).toContain('Postboks 6666 St Olavs Plass');
    expect(first).toContain(profile.name);
    expect(first).toContain(profile.address!.street);
    expect(first).toContain(`${profile.address!.postalCode} ${profile.address!.city.toUpperCase()}`);
    expect(first).toContain(`Vår referanse: ${id}`);
    expect(first).toContain(`Dato: ${norwegianDate(new Date())}`);
    expect(codeLetter.pages.at(-1)).toContain(`Side ${codeLetter.pages.length} av ${codeLetter.pages.length}`);
    const code = /\b(\d{6})\b/.exec(codeLetter.pages.join('\n'))?.[1];
    expect(code).toBeDefined();

    // The person types the code from the paper; staff approve; the answer is made for post.
    await enterCode(fixture, id, code!);
    await waitForStatus(fixture, id, 'awaiting_approval');
    expect((await staffPost(fixture, id, 'decision', { outcome: 'approved' })).status).toBe(200);
    await waitForStatus(fixture, id, 'closed');

    const answer = await openPdfFromConsole(id, 'Svar');
    const all = answer.pages.join('\n');
    expect(answer.pages[0]).toContain(`Vår referanse: ${id}`);
    expect(answer.pages[0]).toContain(profile.name);
    expect(all).toContain('Kopien følger med dette brevet som en utskrevet rapport');
    // The printable copy of the data after the letter: its own heading and the person's records.
    expect(all).toContain('Vedlegg: kopi av opplysningene dine');
    const report = all.slice(all.indexOf('Vedlegg: kopi av opplysningene dine'));
    expect(report).toContain(PERSON.email);
    expect(report).toContain(profile.address!.street);
    expect(report).toMatch(/Abonnement/);
    answer.pages.forEach((text, index) => expect(text).toContain(`Side ${index + 1} av ${answer.pages.length}`));
    expect(answer.pages.length).toBeGreaterThan(1);

    // Staff mark it posted from the same list; it leaves the list.
    await page.goto(`${fixture.stack.urls.app}/console/post`);
    await page.getByRole('button', { name: `Merk som postlagt (Svar, ${id})` }).click();
    await page.waitForLoadState();
    await page.goto(`${fixture.stack.urls.app}/console/post`);
    expect(await page.getByRole('link', { name: `Last ned PDF (Svar, ${id})` }).count()).toBe(0);
  }, 300_000);
});
