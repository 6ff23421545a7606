import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../support/chromium.js';
import { outbox, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { latestCode, staffPost, submitVerified, waitForStatus } from '../support/rights-driver.js';
import { seedFeatured } from '../support/seeded-customers.js';

let fixture: StackFixture;
let browser: Browser;
const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (name: string): string => new URL(name, SCREENSHOTS).pathname;
const PERSON = { name: 'Dina Nettleser', email: 'dina.nettleser@example.no', subscriptions: 'ended' } as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await seedFeatured([PERSON]);
});

afterAll(async () => {
  await browser?.close();
  await fixture?.stack.stop();
});

/** Words of the page's h1 that the browser laid out on more than one line (broken inside the word). */
const brokenHeadingWords = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const heading = document.querySelector('h1');
    const text = heading?.firstChild;
    if (!heading || !text || text.nodeType !== Node.TEXT_NODE) return ['(no heading text)'];
    const content = text.textContent ?? '';
    const broken: string[] = [];
    for (const match of content.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index ?? 0);
      range.setEnd(text, (match.index ?? 0) + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
    if (heading.scrollWidth > heading.clientWidth) broken.push('(heading wider than the screen)');
    return broken;
  });

describe('the download page in Chromium', () => {
  it('takes a code already sent, opens both files back and forth after one good code, and Back never resubmits', async () => {
    const id = await submitVerified(fixture, { name: PERSON.name, email: PERSON.email, types: ['access', 'portability'] });
    await staffPost(fixture, id, 'decision', { outcome: 'approved' });
    await waitForStatus(fixture, id, 'closed');
    const page = await browser.context.newPage();
    const downloadUrl = new URL(`/download/${id}`, fixture.stack.urls.app).href;

    // The first visit shows the code field at once, and says a new code ends the old one.
    await page.goto(downloadUrl);
    await expect.poll(() => page.getByLabel('Engangskode').isVisible()).toBe(true);
    expect(await page.textContent('main')).toContain('slutter koden vi sendte før, å virke');
    await page.screenshot({ path: shot('download-first-visit.png'), fullPage: true });

    // Ask for a code: the address bar shows the page's own address, with the notice.
    const mailsBefore = (await outbox(fixture.stack.urls.ses, PERSON.email)).length;
    await page.getByRole('button', { name: 'Send meg en kode' }).click();
    await page.waitForURL(/notice=sent/);
    expect(new URL(page.url()).pathname).toBe(`/download/${id}`);
    expect(await page.getByRole('status').textContent()).toContain('Koder vi har sendt før, virker ikke lenger');
    const code = await latestCode(fixture, PERSON.email, mailsBefore);

    // A code already sent works on a fresh visit of the page (the mail's link opened again).
    await page.goto(downloadUrl);
    await page.getByLabel('Engangskode').fill('000000' === code ? '000001' : '000000');
    await page.getByRole('button', { name: 'Åpne rapporten (lesbar)' }).click();
    await page.waitForURL(/problem=wrong/);
    expect(await page.getByRole('alert').textContent()).toContain('Koden er feil');
    await page.screenshot({ path: shot('download-wrong-code.png'), fullPage: true });
    await page.getByLabel('Engangskode').fill(code);
    await page.getByRole('button', { name: 'Åpne rapporten (lesbar)' }).click();
    await page.waitForURL(/file=report/);
    expect(await page.textContent('body')).toContain('Datatilsynet');
    await page.screenshot({ path: shot('download-report.png'), fullPage: true });

    // The session is a short HttpOnly, SameSite=Strict cookie on this download's path only.
    const cookie = (await browser.context.cookies(downloadUrl)).find((c) => c.name === 'dsr_download');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: `/download/${id}` });
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000 + 5000);

    // Back: no resubmission prompt, the page lists both files (the POST left no history entry).
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goBack();
    await expect.poll(() => page.textContent('main')).toContain('Koden er godtatt');
    await page.screenshot({ path: shot('download-files.png'), fullPage: true });

    // The data file, then the report again, then the data again: no code asked.
    const [first] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Last ned datafilen/ }).click()]);
    expect(first.suggestedFilename()).toBe(`naerkontor-${id}.json`);
    await page.getByRole('link', { name: 'Åpne rapporten (lesbar)' }).click();
    await page.waitForURL(/file=report/);
    expect(await page.textContent('body')).toContain('Datatilsynet');
    await page.goBack();
    const [second] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Last ned datafilen/ }).click()]);
    expect(second.suggestedFilename()).toBe(`naerkontor-${id}.json`);
    await page.reload();
    expect(await page.textContent('main')).toContain('Koden er godtatt');
    expect(dialogs).toBe(0);
    expect((await fixture.store.get(id))?.export?.downloads).toBe(4);
    await page.close();
  });

  it('shows the form heading whole on a 375 px phone, in both languages, without breaking a word', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });

    await page.goto(fixture.stack.urls.app);
    expect(await brokenHeadingWords(page)).toEqual([]);
    await page.screenshot({ path: shot('form-375.png'), fullPage: true });

    await page.goto(new URL('/?lang=en', fixture.stack.urls.app).href);
    expect(await brokenHeadingWords(page)).toEqual([]);
    await page.screenshot({ path: shot('form-375-en.png'), fullPage: true });
    await page.close();
  });
});
