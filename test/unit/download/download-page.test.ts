import { describe, expect, it } from 'vitest';
import { ExportPackageSchema } from '../../../functions/domain/export/export-package.js';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../../functions/domain/export/export-report.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { serveDownloadPage } from '../../../functions/http/download-page/download-page.js';
import { auditOf } from '../carry-out/carry-out-fixture.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';
import { downloadable } from './download-fixture.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('serveDownloadPage: GET', () => {
  it('returns a page that offers to mail a fresh code, with no script', async () => {
    // Prepare
    const { deps, get } = await downloadable();
    // Act
    const response = await serveDownloadPage(deps, get());
    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Send meg en kode');
    expect(response.body).toContain('name="action" value="send-code"');
    expect(response.body).toContain('8. desember 2026');
    expect(response.body).not.toContain('<script');
    expect(response.headers?.['content-security-policy']).toContain("default-src 'none'");
  });

  it('returns the page in English when asked', async () => {
    const { deps, get } = await downloadable();

    const response = await serveDownloadPage(deps, get({ lang: 'en' }));

    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('Send me a code');
  });

  it.each([
    ['an unknown reference', 'NK-20261123-ZZZZZZZZ'],
    ['a malformed reference', '../../etc'],
  ])('returns 404 for %s', async (_case, id) => {
    const { deps } = await downloadable();

    const response = await serveDownloadPage(deps, httpEvent({ method: 'GET', path: `/download/${id}`, pathParameters: { id } }));

    expect(response.statusCode).toBe(404);
  });

  it('returns 404 for a request that has no export package, revealing nothing about it', async () => {
    const { deps, get } = await downloadable({ types: ['restriction'] });

    const response = await serveDownloadPage(deps, get());

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('NK-20261123-7KQ4M2PX');
  });

  it('returns 410 with how to ask again once the package has expired', async () => {
    const { deps, get, advance } = await downloadable();
    advance(15 * DAY);

    const response = await serveDownloadPage(deps, get({ lang: 'en' }));

    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('The download has expired');
    expect(response.body).toContain('8 December 2026');
    expect(response.body).toContain('send a new request');
    expect(response.body).toContain('href="/?lang=en"');
  });
});

describe('serveDownloadPage: send-code', () => {
  it('mails a new code to the address the requester verified, stores only its hash, and redirects to the page', async () => {
    const { deps, submit, id, mailer, codes, store, request, lastCode } = await downloadable();

    const { posted, page, location } = await submit({ action: 'send-code' });

    expect(posted.statusCode).toBe(303);
    expect(location).toBe(`/download/${id}?lang=nb&notice=sent`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('autocomplete="one-time-code"');
    expect(page.body).toContain('<label for="code">');
    expect(page.body).toContain('Koder vi har sendt før, virker ikke lenger.');
    expect(mailer.sent.at(-1)).toMatchObject({ to: request.requester.email, purpose: 'download-code', requestId: id });
    const code = lastCode();
    expect(JSON.stringify(codes.codes.get(id))).not.toContain(code);
    expect(await auditOf(store, id, 'download.code_sent')).toHaveLength(1);
    void deps;
  });

  it('sends no second code within a minute', async () => {
    const { submit, mailer } = await downloadable();
    await submit({ action: 'send-code' });

    const { page } = await submit({ action: 'send-code' });

    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(1);
    expect(page.body).toContain('under ett minutt siden');
  });

  it('says beside the button that a new code ends the old one, and then the old one fails', async () => {
    const { open, submit, lastCode, advance } = await downloadable();
    await submit({ action: 'send-code' });
    const first = lastCode();
    advance(2 * MINUTE);

    const before = await open();
    await submit({ action: 'send-code' });
    const second = lastCode();
    const { page } = await submit({ code: first, file: 'report' });

    expect(before.body).toContain('Ber du om en ny kode, slutter koden vi sendte før, å virke.');
    expect(page.body).toContain(first === second ? 'Koden er godtatt' : 'Koden er feil');
  });

  it('sends no more codes after ten, and points to us instead', async () => {
    const { submit, mailer, advance } = await downloadable();
    for (let i = 0; i < 10; i++) {
      await submit({ action: 'send-code' });
      advance(2 * MINUTE);
    }

    const { page } = await submit({ action: 'send-code' });

    expect(page.body).toContain('naerkontor@obos.no');
    expect(page.body).toContain('sender ikke flere');
    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(10);
  });
});

describe('serveDownloadPage: code and session', () => {
  it('shows the code field on the first visit, so a code mailed before works without asking for a new one', async () => {
    const { open, submit, lastCode, forgetCookie, mailer } = await downloadable();
    await submit({ action: 'send-code' });
    const code = lastCode();
    forgetCookie();

    const fresh = await open();
    const { page } = await submit({ code, file: 'report' });

    expect(fresh.body).toContain('id="code"');
    expect(fresh.body).toContain('value="report"');
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-disposition']).toMatch(/^inline;/);
    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(1);
  });

  it('opens a short session in an HttpOnly, SameSite=Strict cookie bound to this download, storing only its hash', async () => {
    const { submit, lastCode, id, sessions } = await downloadable();
    await submit({ action: 'send-code' });

    const { posted, location } = await submit({ code: lastCode(), file: 'data' });

    expect(posted.statusCode).toBe(303);
    expect(location).toBe(`/download/${id}?lang=nb&file=data`);
    const cookie = posted.cookies?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^dsr_download=[A-Za-z0-9_-]{43}; Path=/download/${id}; HttpOnly; SameSite=Strict; Secure; Max-Age=1800$`));
    const token = /^dsr_download=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(JSON.stringify([...sessions.sessions])).not.toContain(token);
  });

  it('serves the report inline with its own policy, and records the download', async () => {
    const { submit, lastCode, id, store, objects } = await downloadable();
    await submit({ action: 'send-code' });

    const { page: response } = await submit({ code: ` ${lastCode()} `, file: 'report' });

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers?.['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(response.headers?.['content-disposition']).toMatch(/^inline;/);
    expect(response.headers?.['cache-control']).toBe('no-store');
    expect(response.body).toBe(await objects.getText(OBJECT_KEYS.exportReport(id)));
    expect((await store.get(id))?.export?.downloads).toBe(1);
    expect((await auditOf(store, id, 'export.downloaded')).map((e) => e.detail)).toEqual([{ file: 'report' }]);
  });

  it('after one good code, both files open in any order, back and forth, without the code again', async () => {
    const { open, submit, lastCode, id, store } = await downloadable();
    await submit({ action: 'send-code' });
    await submit({ code: lastCode(), file: 'data' });

    const report = await open({ file: 'report' });
    const back = await open();
    const data = await open({ file: 'data' });
    const reportAgain = await open({ file: 'report' });

    expect(report.headers?.['content-disposition']).toMatch(/^inline;/);
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('Koden er godtatt');
    expect(back.body).toContain(`href="/download/${id}?lang=nb&amp;file=data"`);
    expect(data.headers?.['content-disposition']).toBe(`attachment; filename="naerkontor-${id}.json"`);
    expect(ExportPackageSchema.safeParse(JSON.parse(String(data.body))).success).toBe(true);
    expect(reportAgain.statusCode).toBe(200);
    expect((await store.get(id))?.export?.downloads).toBe(4);
  });

  it('a page left open from before the code still opens a file while the session lasts', async () => {
    const { submit, lastCode } = await downloadable();
    await submit({ action: 'send-code' });
    await submit({ code: lastCode(), file: 'report' });

    const { page } = await submit({ code: '', file: 'data' });

    expect(page.headers?.['content-type']).toBe('application/json; charset=utf-8');
  });

  it('ends the session after 30 minutes: the files ask for a code again', async () => {
    const { open, submit, lastCode, advance } = await downloadable();
    await submit({ action: 'send-code' });
    await submit({ code: lastCode(), file: 'report' });
    advance(31 * MINUTE);

    const response = await open({ file: 'data' });

    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('id="code"');
  });

  it('a session opens only its own download, and a forged cookie opens nothing', async () => {
    const { deps, submit, lastCode, get } = await downloadable();
    await submit({ action: 'send-code' });
    const { posted } = await submit({ code: lastCode(), file: 'report' });
    const token = /^dsr_download=([^;]+)/.exec(posted.cookies?.[0] ?? '')?.[1] ?? '';
    const other = await downloadable({ request: { id: 'NK-20261123-8ZZ4M2PX' } });

    const elsewhere = await serveDownloadPage(other.deps, other.get({ file: 'report' }, { cookie: `dsr_download=${token}` }));
    const forged = await serveDownloadPage(deps, get({ file: 'report' }, { cookie: `dsr_download=${'A'.repeat(43)}` }));

    expect(elsewhere.body).toContain('id="code"');
    expect(forged.body).toContain('id="code"');
  });

  it('gives the cookie no Secure flag only on plain-HTTP loopback (local mode)', async () => {
    const { deps, post, submit, lastCode } = await downloadable();
    await submit({ action: 'send-code' });

    const local = await serveDownloadPage(deps, post({ code: lastCode(), file: 'report' }, {}, { host: '127.0.0.1:3000' }));

    expect(local.cookies?.[0]).not.toContain('Secure');
    expect(local.cookies?.[0]).toContain('HttpOnly');
  });

  it('redirects a wrong code to the page, which names the tries left, and serves nothing', async () => {
    const { submit, lastCode, id, store } = await downloadable();
    await submit({ action: 'send-code' });
    const wrong = lastCode() === '000000' ? '000001' : '000000';

    const { posted, page, location } = await submit({ code: wrong, file: 'data' });

    expect(posted.statusCode).toBe(303);
    expect(location).toBe(`/download/${id}?lang=nb&problem=wrong`);
    expect(posted.cookies).toBeUndefined();
    expect(page.body).toContain('Koden er feil. Du har 4 forsøk igjen.');
    expect(page.body).toContain('href="#code"');
    expect(page.body).toContain('aria-invalid="true"');
    expect((await store.get(id))?.export?.downloads).toBe(0);
  });

  it('locks the code after five wrong tries, so even the right code no longer works', async () => {
    const { submit, lastCode, id, store } = await downloadable();
    await submit({ action: 'send-code' });
    const right = lastCode();
    const wrong = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) await submit({ code: wrong });

    const fifth = await submit({ code: wrong });
    const after = await submit({ code: right });

    expect(fifth.page.body).toContain('for mange ganger');
    expect(after.posted.cookies).toBeUndefined();
    expect(after.page.body).toContain('Be om en ny kode');
    expect(await auditOf(store, id, 'download.code_locked')).toHaveLength(1);
  });

  it('refuses a code older than 15 minutes', async () => {
    const { submit, lastCode, advance } = await downloadable();
    await submit({ action: 'send-code' });
    advance(16 * MINUTE);

    const { page } = await submit({ code: lastCode() });

    expect(page.body).toContain('Koden er ikke lenger gyldig');
  });

  it('asks for the code again when none was entered', async () => {
    const { submit } = await downloadable();

    const { page } = await submit({ code: 'abc' });

    expect(page.body).toContain('Skriv inn den sekssifrede koden');
  });

  it('ignores a problem or notice in the address that is not one of its own', async () => {
    const { open } = await downloadable();

    const response = await open({ problem: '<script>', notice: 'x' });

    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('role="alert"');
    expect(response.body).not.toContain('<script>');
  });

  it('refuses a valid code once the package has expired', async () => {
    const { deps, post, submit, lastCode, advance, mailer } = await downloadable();
    await submit({ action: 'send-code' });
    const code = lastCode();
    advance(15 * DAY);

    const response = await serveDownloadPage(deps, post({ code, file: 'data' }));
    const resend = await serveDownloadPage(deps, post({ action: 'send-code' }));

    expect(response.statusCode).toBe(410);
    expect(resend.statusCode).toBe(410);
    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(1);
  });

  it('says the copy is no longer available when the objects are gone before the window closed', async () => {
    const { submit, lastCode, objects, id } = await downloadable();
    await submit({ action: 'send-code' });
    await objects.delete([OBJECT_KEYS.exportReport(id)]);

    const { page: response } = await submit({ code: lastCode(), file: 'report' });

    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('Kopien er ikke tilgjengelig lenger.');
  });
});
