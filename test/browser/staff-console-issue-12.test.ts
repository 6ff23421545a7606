import { mkdirSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../support/chromium.js';
import { CONSOLE_USERS, expectAccessible, signInWithKeyboard } from '../support/console-driver.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { submitVerified } from '../support/rights-driver.js';
import { seedFeatured } from '../support/seeded-customers.js';

/**
 * Issue 12 as staff meet it in Chromium, with a screenshot of each step in
 * test-results/screenshots/issue-12-*.png for a reviewer.
 */
let fixture: StackFixture;
let browser: Browser;
const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`issue-12-${name}.png`, SCREENSHOTS).pathname, fullPage: true });

const PERSON = { name: 'Siri Sletting', email: 'siri.sletting@example.no', subscriptions: 'ended' } as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured([PERSON]);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await fixture?.stack.stop();
});

const app = () => fixture.stack.urls.app;

async function signedIn(): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await signInWithKeyboard(page, app(), CONSOLE_USERS.kari);
  return page;
}

describe('issue 12 in the console, in Chromium', () => {
  it('greets a first visit with «Logg inn», not an expired session', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();

    const response = await page.goto(`${app()}/console`);

    expect(response?.status()).toBe(401);
    expect(await page.textContent('h1')).toBe('Logg inn');
    expect(await page.textContent('main')).not.toContain('utløpt');
    await expectAccessible(page, 'first visit');
    await shot(page, 'first-visit');
    await page.close();
  });

  it('walks an erasure: records and «kept until» on the case page, the first approval shown at once and in the queue, a message to the requester and the reply attached', async () => {
    const id = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['erasure'] });
    const page = await signedIn();

    await page.goto(`${app()}/console/requests/${id}`);
    const records = await page.textContent('[aria-labelledby="section-gathered-records"]');
    expect(records).toContain('Fakturering');
    expect(records).toMatch(/\d+ oppføringer/);
    expect(await page.textContent('[aria-labelledby="section-plan"]')).toMatch(/Til og med \d+\. \w+ \d{4}/);
    await expectAccessible(page, 'case page with records');
    await shot(page, 'case-records-and-plan');

    await page.locator('#action-decision button[type=submit]').first().click();
    await expect.poll(() => page.textContent('[role="status"]')).toContain('Første godkjenning');
    expect(await page.textContent('main')).toContain('1 av 2 godkjenninger (kari.saksbehandler');
    expect(await page.textContent('main')).toMatch(/Saksbehandler\s*kari\.saksbehandler/);
    expect(await page.textContent('[aria-labelledby="section-history"]')).not.toMatch(/\b[a-z]+\.[a-z_]+\b:?\s*$/m);
    await shot(page, 'case-after-first-approval');

    await page.goto(`${app()}/console`);
    const row = page.locator('tr', { has: page.locator(`a[href="/console/requests/${id}"]`) });
    expect(await row.textContent()).toContain('1 av 2 godkjenninger');
    await expectAccessible(page, 'queue');
    await shot(page, 'queue-halfway-approved');

    await page.goto(`${app()}/console/requests/${id}`);
    await page.locator('#action-message input[value="clarification"]').check();
    await page.locator('#message-language').selectOption('nn');
    await page.locator('#message-text').fill('Gjeld det òg dørloggen frå 2023?');
    await page.locator('#action-message button[type=submit]').click();
    await expect.poll(() => page.textContent('[role="status"]')).toContain('E-posten er sendt');
    const sent = await eventually(
      async () => (await outbox(fixture.stack.urls.ses, PERSON.email)).find((mail) => mail.body.text?.includes('Gjeld det òg dørloggen frå 2023?')),
      'the staff message',
    );
    expect(sent.subject).toContain(id);
    await shot(page, 'case-message-sent');

    await createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
      from: `${PERSON.name} <${PERSON.email}>`,
      to: 'naerkontor@obos.no',
      subject: `Re: ${sent.subject}`,
      text: 'Ja, dørloggen frå 2023 òg.\n\nHelsing Siri',
    });
    await eventually(async () => ((await fixture.store.auditTrail(id)).some((entry) => entry.event === 'mail.followup_received') ? true : undefined), 'the reply on the case');
    await page.reload();
    expect(await page.textContent('[aria-labelledby="section-mail"]')).toContain('fra den registrertes adresse');
    await shot(page, 'case-reply-attached');
    await page.close();
  });

  it('fills the manual intake’s receipt time with now in Oslo, and shows the dashboard’s key figures as headline numbers', async () => {
    const page = await signedIn();

    await page.goto(`${app()}/console/intake`);
    const osloNow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(await page.inputValue('#intake-received-date')).toBe(osloNow);
    expect(await page.inputValue('#intake-received-time')).toMatch(/^\d{2}:\d{2}$/);
    await shot(page, 'intake-receipt-now');

    await page.goto(`${app()}/console/dashboard`);
    const sizes = await page.evaluate(() => {
      const value = document.querySelector('.key-figure-value');
      const label = document.querySelector('.key-figure dt');
      return { value: value ? parseFloat(getComputedStyle(value).fontSize) : 0, label: label ? parseFloat(getComputedStyle(label).fontSize) : 0 };
    });
    expect(sizes.value).toBeGreaterThanOrEqual(2 * sizes.label);
    await expectAccessible(page, 'dashboard');
    await shot(page, 'dashboard-headline-figures');
    await page.close();
  });
});
