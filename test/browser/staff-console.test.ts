import { mkdirSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { launchChromium, type Browser } from '../support/chromium.js';
import { CONSOLE_USERS, expectAccessible, seriousAxeViolations, signInWithKeyboard, signOut, tabTo } from '../support/console-driver.js';
import { eventually, outbox, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { submitVerified, waitForStatus } from '../support/rights-driver.js';
import { seedFeatured } from '../support/seeded-customers.js';

let fixture: StackFixture;
let browser: Browser;
const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });

const PEOPLE = {
  access: { name: 'Astrid Innsyn', email: 'astrid.innsyn@example.no', subscriptions: 'ended' },
  erasure: { name: 'Egil Sletting', email: 'egil.sletting@example.no', subscriptions: 'ended' },
  extension: { name: 'Frida Frist', email: 'frida.frist@example.no', subscriptions: 'active' },
  refused: { name: 'Rune Retur', email: 'rune.retur@example.no', subscriptions: 'ended' },
} as const;

beforeAll(async () => {
  fixture = await startStackFixture();
  await seedFeatured(Object.values(PEOPLE));
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await fixture?.stack.stop();
});

const app = () => fixture.stack.urls.app;

/** A fresh tab with no session: the browser context's cookies are cleared first. */
async function freshPage(): Promise<Page> {
  await browser.context.clearCookies();
  return browser.context.newPage();
}

/** Opens a case from the queue with the keyboard: Tab to its reference link, then Enter. */
async function openCaseWithKeyboard(page: Page, id: string): Promise<void> {
  await page.goto(`${app()}/console`);
  await tabTo(page, (d) => d.startsWith('a|') && d.includes(id));
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/console/requests/${id}$`));
}

/** Presses the named button of a case-page form with the keyboard, after typing into its reason field when given. */
async function submitWithKeyboard(page: Page, button: string): Promise<void> {
  await tabTo(page, (d) => d.startsWith('button|') && d.split('|')[2] === button);
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
}

describe('the accessibility check itself', () => {
  it('finds the serious and critical violations of a page built to have them, so a clean result means something', async () => {
    const page = await browser.context.newPage();
    await page.setContent('<html><body><img src="data:,"><input type="text"><button></button></body></html>');

    const found = (await seriousAxeViolations(page)).map((violation) => violation.id);

    expect(found).toEqual(expect.arrayContaining(['image-alt', 'label', 'button-name', 'html-has-lang']));
    await page.close();
  });
});

describe('the staff console in Chromium', () => {
  it('refuses a person without a sign-in on every console page and route, and one outside the staff groups', async () => {
    const page = await freshPage();
    for (const route of HTTP_ROUTES.filter((r) => r.path.startsWith('/console') && r.auth !== 'public')) {
      const path = route.path.replace('{id}', 'NK-20261201-AAAAAAAA').replace('{inboxId}', 'in-unknown');
      const response =
        route.method === 'GET'
          ? await page.goto(`${app()}${path}`)
          : await page.request.post(`${app()}${path}`, { form: { note: 'x' }, maxRedirects: 0 });
      expect(response?.status(), `${route.method} ${path}`).toBe(401);
    }
    await page.goto(`${app()}/console`);
    expect(await page.textContent('h1')).toBe('Logg inn');
    expect(await page.textContent('main')).not.toContain('utløpt');
    await expectAccessible(page, '401 page');

    await signInWithKeyboard(page, app(), CONSOLE_USERS.noGroup).catch(() => undefined);
    const forbidden = await page.goto(`${app()}/console`);
    expect(forbidden?.status()).toBe(403);
    await expectAccessible(page, '403 page');
    await page.close();
  });

  it('takes a web-form request through the console to its reply, keyboard only, with an accessible queue and case page', async () => {
    const person = PEOPLE.access;
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const page = await freshPage();

    await page.goto(`${app()}/console/sign-in`);
    await expectAccessible(page, 'sign-in page');
    await signInWithKeyboard(page, app(), CONSOLE_USERS.kari);
    expect(await page.textContent('main')).toContain(id);
    await expectAccessible(page, 'queue');
    await shot(page, 'console-queue');

    await openCaseWithKeyboard(page, id);
    expect(await page.textContent('h1')).toContain(id);
    await expectAccessible(page, 'case page');
    await shot(page, 'console-case');

    await submitWithKeyboard(page, 'Godkjenn');
    await expect.poll(() => page.textContent('[role="status"]')).toContain('godkjent');
    await waitForStatus(fixture, id, 'closed');
    const reply = await eventually(async () => (await outbox(fixture.stack.urls.ses, person.email)).find((m) => m.subject.startsWith('Henvendelsen din er behandlet')), 'the reply');
    expect(reply.subject).toContain(id);
    const trail = await fixture.store.auditTrail(id);
    expect(trail.some((entry) => entry.actor === 'staff:kari.saksbehandler')).toBe(true);
    await page.close();
  });

  it('brings a refused action back to the case (post/redirect/get) with the message by its field and what was typed, shown once', async () => {
    const person = PEOPLE.refused;
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const page = await freshPage();
    await signInWithKeyboard(page, app(), CONSOLE_USERS.kari);
    await page.goto(`${app()}/console/requests/${id}`);
    const reason = 'Samme person «Rune» sendte to ganger <b>fet</b> & mer';

    await page.fill('#merge-into', 'NK-20261201-NOTSTORE');
    await page.fill('#merge-reason', reason);
    const [shown] = await Promise.all([page.waitForNavigation(), page.locator('#action-merge button[type=submit]').click()]);

    expect(shown?.status()).toBe(400);
    expect(page.url()).toBe(`${app()}/console/requests/${id}`);
    expect(await page.textContent('.error-summary')).toContain('Fant ingen sak med referansen NK-20261201-NOTSTORE.');
    expect(await page.inputValue('#merge-into')).toBe('NK-20261201-NOTSTORE');
    expect(await page.inputValue('#merge-reason')).toBe(reason);
    await expectAccessible(page, 'case page after a refused action');
    await shot(page, 'console-case-refused-action');
    expect((await browser.context.cookies()).map((cookie) => cookie.name)).not.toContain('dsr_case_refusal');
    await page.reload();
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect((await fixture.store.get(id))?.closure).toBeUndefined();
    await page.close();
  });

  it('needs a second, different approver for an erasure, and says so on the page', async () => {
    const person = PEOPLE.erasure;
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['erasure'] });
    const page = await freshPage();
    await signInWithKeyboard(page, app(), CONSOLE_USERS.kari);
    await openCaseWithKeyboard(page, id);
    expect(await page.textContent('main')).toContain('to ulike saksbehandlere');

    await submitWithKeyboard(page, 'Godkjenn');
    await expect.poll(() => page.textContent('[role="status"]')).toContain('annen saksbehandler');
    expect(await page.getByRole('button', { name: 'Godkjenn' }).count()).toBe(0);
    expect((await fixture.store.get(id))?.status).toBe('awaiting_approval');
    await shot(page, 'console-erasure-first-approval');

    await signOut(page);
    await signInWithKeyboard(page, app(), CONSOLE_USERS.per);
    await openCaseWithKeyboard(page, id);
    await submitWithKeyboard(page, 'Godkjenn');
    await waitForStatus(fixture, id, 'closed');
    const approvals = (await fixture.store.get(id))?.approvals?.map((approval) => approval.by);
    expect(approvals).toEqual(['staff:kari.saksbehandler', 'staff:per.saksbehandler']);
    await page.close();
  });

  it('extends the deadline with a reason, sending the notice first', async () => {
    const person = PEOPLE.extension;
    const id = await submitVerified(fixture, { name: person.name, email: person.email, types: ['access'] });
    const before = (await fixture.store.get(id))!;
    const page = await freshPage();
    await signInWithKeyboard(page, app(), CONSOLE_USERS.kari);
    await openCaseWithKeyboard(page, id);

    await page.getByLabel('Hvorfor må fristen forlenges?').fill('Mange år med dørlogger må gjennomgås for tredjepersoner.');
    await page.locator('#action-extend button[type=submit]').click();
    await expect.poll(() => page.textContent('[role="status"]')).toContain('forlenget');

    const after = (await fixture.store.get(id))!;
    expect(after.extended).toBe(true);
    expect(after.dueDate > before.dueDate).toBe(true);
    const notice = await eventually(async () => (await outbox(fixture.stack.urls.ses, person.email)).find((m) => m.body.text?.includes('Mange år med dørlogger')), 'the extension notice');
    expect(notice.body.text).toContain(id);
    expect(await page.locator('#action-extend form').count()).toBe(0);
    await page.close();
  });

  it('turns a triaged mail into a case with the types staff choose, from the inbox page', async () => {
    const from = `pia.${Date.now()}@example.no`;
    await createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
      from: `Pia Postkasse <${from}>`,
      to: 'naerkontor@obos.no',
      subject: 'Spørsmål om faktura',
      text: 'Hei, jeg har fått to fakturaer for november. Kan dere sjekke?\n\nHilsen Pia',
    });
    const page = await freshPage();
    await signInWithKeyboard(page, app(), CONSOLE_USERS.kari);
    await eventually(async () => {
      await page.goto(`${app()}/console/triage`);
      return (await page.textContent('main'))?.includes('Spørsmål om faktura') ? true : undefined;
    }, 'the mail in triage', 100, 200);
    expect(await page.textContent('main')).toContain('to fakturaer for november');
    await expectAccessible(page, 'triage page');
    await shot(page, 'console-triage');

    const entry = page.locator('form[action$="/case"]').filter({ has: page.locator('input[name=email][value*="pia."]') }).first();
    await entry.getByLabel('Innsyn', { exact: false }).first().check();
    await entry.getByRole('button', { name: 'Opprett sak' }).click();
    await page.waitForURL(/\/console\/requests\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const made = await fixture.store.get(id);
    expect(made).toMatchObject({ channel: 'email', types: ['access'], requester: { email: from } });
    // The case page shows the mail as received: its text, subject and authenticity verdicts.
    const received = await page.locator('section[aria-labelledby="section-request"]').textContent();
    expect(received).toContain('to fakturaer for november');
    expect(received).toContain('Spørsmål om faktura');
    expect(received).toContain('DMARC');
    await page.goto(`${app()}/console/triage`);
    expect(await page.textContent('main')).not.toContain(from);
    await page.close();
  });

  it('registers a phone request with its original receipt time, and shows accessible intake and dashboard pages', async () => {
    const page = await freshPage();
    await signInWithKeyboard(page, app(), CONSOLE_USERS.officer);
    await page.goto(`${app()}/console/intake`);
    await expectAccessible(page, 'intake page');
    const received = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    const osloDate = received.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    await page.getByLabel('Telefon', { exact: true }).first().check();
    await page.locator('#intake-received-date').fill(osloDate);
    await page.locator('#intake-received-time').fill('10:15');
    await page.locator('#intake-name').fill('Tor Telefon');
    await page.locator('#intake-email').fill(`tor.${Date.now()}@example.no`);
    await page.locator('input[name=types][value=access]').check();
    await page.locator('#intake-intake-note').fill('Ringte sentralbordet, notert av Kari.');
    await page.getByRole('button', { name: 'Registrer henvendelsen' }).click();
    await page.waitForURL(/\/console\/requests\//);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const stored = await fixture.store.get(id);
    expect(stored?.channel).toBe('phone');
    expect(stored?.receiptDate).toBe(osloDate);

    await page.goto(`${app()}/console/dashboard`);
    await expectAccessible(page, 'dashboard');
    await shot(page, 'console-dashboard');
    const csv = await page.request.get(`${app()}/console/register.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(id);
    await page.close();
  });
});
