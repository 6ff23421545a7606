import { createTransport } from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../support/chromium.js';
import { CONSOLE_USERS, signInWithKeyboard } from '../support/console-driver.js';
import { eventually, postRequest, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';

/** Payloads that, if they ever ran as script on a console page, would set `window.__xss`. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=2">',
  "'><svg/onload=window.__xss=3>",
  '</textarea><script>window.__xss=4</script>',
  '<a href="javascript:window.__xss=5">klikk</a>',
  '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=7>',
];

let fixture: StackFixture;
let browser: Browser;
const ids: string[] = [];

beforeAll(async () => {
  fixture = await startStackFixture();
  browser = await launchChromium();
  const app = fixture.stack.urls.app;
  for (const [index, payload] of PAYLOADS.entries()) {
    const response = await postRequest(app, { language: 'nb', name: payload, details: payload, email: `xss.${index}.${Date.now()}@example.no`, types: ['access'] });
    ids.push(String(response.json.id));
  }
  const smtp = createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true });
  for (const [index, payload] of PAYLOADS.entries()) {
    await smtp.sendMail({
      from: { name: payload, address: `xss.mail.${index}@example.no` },
      to: 'naerkontor@obos.no',
      subject: `${payload} spørsmål ${index}`,
      text: `Hei ${payload}`,
      html: `<p>Hei</p>${payload}<p onclick="window.__xss=99">trykk</p>`,
    });
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.stack.stop();
});

/** Loads a console page and answers what `window.__xss` holds there, failing on any dialog. */
async function xssAfterLoading(page: Page, path: string): Promise<unknown> {
  await page.goto(`${fixture.stack.urls.app}${path}`);
  await page.waitForLoadState('load');
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

describe('what a requester sends, shown to staff', () => {
  it('never runs as script on the queue, any case page, triage or the dashboard', { timeout: 240_000 }, async () => {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInWithKeyboard(page, fixture.stack.urls.app, CONSOLE_USERS.kari);
    // The mails must have reached the inbox (as cases or for triage) before the pages are read.
    await eventually(async () => {
      await page.goto(`${fixture.stack.urls.app}/console/triage`);
      const queue = await page.content();
      await page.goto(`${fixture.stack.urls.app}/console`);
      return ((await page.content()) + queue).includes('spørsmål 6') ? true : undefined;
    }, 'the mails in the console', 150, 200);

    expect(await xssAfterLoading(page, '/console')).toBeUndefined();
    expect(await xssAfterLoading(page, '/console/triage')).toBeUndefined();
    expect(await xssAfterLoading(page, '/console/dashboard')).toBeUndefined();
    expect(await xssAfterLoading(page, `/console?q=${encodeURIComponent(PAYLOADS[0]!)}`)).toBeUndefined();
    for (const id of ids) expect(await xssAfterLoading(page, `/console/requests/${id}`), id).toBeUndefined();
    // The payloads are shown as the text they are.
    await page.goto(`${fixture.stack.urls.app}/console/requests/${ids[0]}`);
    expect(await page.textContent('main')).toContain('<script>window.__xss=1</script>');
    expect(dialogs).toEqual([]);
  });
});
