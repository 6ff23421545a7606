import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryDeadline } from '../../functions/domain/deadline/index.js';
import { formatCalendarDate } from '../../functions/domain/letter-format/format-calendar-date.js';
import { REQUEST_ID_PATTERN } from '../../functions/domain/request/request-id.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';

let fixture: StackFixture;
let browser: Browser;
const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

beforeAll(async () => {
  fixture = await startStackFixture();
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await fixture?.stack.stop();
});

describe('the request form in Chromium', () => {
  it('lets a person correct a mistake, submit with the keyboard and read the receipt', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture.stack.urls.app);
    expect(await page.getAttribute('html', 'lang')).toBe('nb');

    // A first attempt without a right chosen and with an address the browser accepts but we do
    // not (no top-level domain), so the server's checks answer, not the browser's.
    await page.getByLabel('Navn', { exact: true }).fill('Ingrid Ås');
    await page.getByLabel('E-post', { exact: true }).fill('ingrid.as@example');
    await page.getByLabel('Fortell oss mer (valgfritt)').fill('Jeg vil se dørloggen min.');
    await page.getByRole('button', { name: 'Send henvendelsen' }).click();

    await expect.poll(() => page.getByRole('alert').textContent()).toContain('For å gå videre må du rette opp dette');
    // The corrected form is shown at the form's own address, not at an API path.
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain('/api/');
    expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Ingrid Ås');
    expect(await page.locator('#field-details').inputValue()).toContain('Jeg vil se dørloggen min.');
    expect(await page.getByLabel('E-post', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    const email = `ingrid.${Date.now()}@example.no`;
    await page.getByLabel('E-post', { exact: true }).fill(email);
    await page.getByLabel('Innsyn i opplysningene om meg').check();
    await page.getByLabel('Innsyn i opplysningene om meg').press('Enter');

    await page.waitForURL(/\/receipt\//);
    const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(REQUEST_ID_PATTERN);
    const stored = await fixture.store.get(reference);
    expect(stored?.requester).toMatchObject({ name: 'Ingrid Ås', email });
    expect(stored?.details).toBe('Jeg vil se dørloggen min.');
    const due = formatCalendarDate(statutoryDeadline(stored!.receivedAt), 'nb');
    expect(await page.textContent('main')).toContain(due);
    expect(await page.textContent('main')).not.toContain(email);
    await page.screenshot({ path: new URL('receipt-nb.png', SCREENSHOTS).pathname, fullPage: true });

    const mail = await eventually(async () => (await outbox(fixture.stack.urls.ses, email))[0], 'acknowledgement');
    expect(mail.subject).toContain(reference);
    await page.close();
  });

  it('switches to English and shows the receipt in English', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture.stack.urls.app);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByLabel('Name', { exact: true }).fill('Sam Taylor');
    await page.getByLabel('E-mail', { exact: true }).fill(`sam.${Date.now()}@example.com`);
    await page.screenshot({ path: new URL('form-en.png', SCREENSHOTS).pathname, fullPage: true });
    const formAddress = page.url();
    expect(new URL(formAddress).searchParams.get('lang')).toBe('en');
    // First without a right chosen: the errors come back in English, at the same address, with
    // what was typed still there.
    await page.getByRole('button', { name: /send/i }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(page.url()).toBe(formAddress);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Sam Taylor');
    await page.getByLabel('Erasure of my data').check();
    await page.getByRole('button', { name: /send/i }).click();

    await page.waitForURL(/\/receipt\//);
    expect(await page.textContent('h1')).toContain('We have received your request');
    expect(await page.textContent('main')).toContain('Erasure of my data');
    await page.close();
  });
});
