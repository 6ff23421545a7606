import { describe, expect, it } from 'vitest';
import { ExportPackageSchema } from '../../../functions/domain/export/export-package.js';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../../functions/domain/export/export-report.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { serveDownloadPage } from '../../../functions/download-page/download-page.js';
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
  it('mails a new code to the address the requester verified and stores only its hash', async () => {
    const { deps, post, id, mailer, codes, store, request, lastCode } = await downloadable();

    const response = await serveDownloadPage(deps, post({ action: 'send-code' }));

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('autocomplete="one-time-code"');
    expect(response.body).toContain('<label for="code">');
    expect(mailer.sent.at(-1)).toMatchObject({ to: request.requester.email, purpose: 'download-code', requestId: id });
    const code = lastCode();
    expect(JSON.stringify(codes.codes.get(id))).not.toContain(code);
    expect(await auditOf(store, id, 'download.code_sent')).toHaveLength(1);
  });

  it('sends no second code within a minute', async () => {
    const { deps, post, mailer } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));

    const response = await serveDownloadPage(deps, post({ action: 'send-code' }));

    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(1);
    expect(response.body).toContain('under ett minutt siden');
  });

  it('makes the earlier code useless when a new one is sent', async () => {
    const { deps, post, lastCode, advance } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    const first = lastCode();
    advance(2 * MINUTE);
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    const second = lastCode();

    const response = await serveDownloadPage(deps, post({ code: first, file: 'report' }));

    expect(response.statusCode).toBe(first === second ? 200 : 400);
  });

  it('sends no more codes after ten, and points to us instead', async () => {
    const { deps, post, mailer, advance } = await downloadable();
    for (let i = 0; i < 10; i++) {
      await serveDownloadPage(deps, post({ action: 'send-code' }));
      advance(2 * MINUTE);
    }

    const response = await serveDownloadPage(deps, post({ action: 'send-code' }));

    expect(response.statusCode).toBe(429);
    expect(response.body).toContain('naerkontor@obos.no');
    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(10);
  });
});

describe('serveDownloadPage: code', () => {
  it('serves the report inline with its own policy, and records the download', async () => {
    const { deps, post, lastCode, id, store, objects } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));

    const response = await serveDownloadPage(deps, post({ code: ` ${lastCode()} `, file: 'report' }));

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers?.['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(response.headers?.['content-disposition']).toMatch(/^inline;/);
    expect(response.headers?.['cache-control']).toBe('no-store');
    expect(response.body).toBe(await objects.getText(OBJECT_KEYS.exportReport(id)));
    expect((await store.get(id))?.export?.downloads).toBe(1);
    expect((await auditOf(store, id, 'export.downloaded')).map((e) => e.detail)).toEqual([{ file: 'report' }]);
  });

  it('serves the data file as an attachment, and the same code works for both files', async () => {
    const { deps, post, lastCode, id, store } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    await serveDownloadPage(deps, post({ code: lastCode(), file: 'report' }));

    const response = await serveDownloadPage(deps, post({ code: lastCode(), file: 'data' }));

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers?.['content-disposition']).toBe(`attachment; filename="naerkontor-${id}.json"`);
    expect(ExportPackageSchema.safeParse(JSON.parse(String(response.body))).success).toBe(true);
    expect((await store.get(id))?.export?.downloads).toBe(2);
  });

  it('returns 400 with the tries left for a wrong code, and serves nothing', async () => {
    const { deps, post, lastCode, id, store } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    const wrong = lastCode() === '000000' ? '000001' : '000000';

    const response = await serveDownloadPage(deps, post({ code: wrong, file: 'data' }));

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Koden er feil. Du har 4 forsøk igjen.');
    expect(response.body).toContain('href="#code"');
    expect(response.body).toContain('aria-invalid="true"');
    expect((await store.get(id))?.export?.downloads).toBe(0);
  });

  it('locks the code after five wrong tries, so even the right code no longer works', async () => {
    const { deps, post, lastCode, id, store } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    const right = lastCode();
    const wrong = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) await serveDownloadPage(deps, post({ code: wrong }));

    const fifth = await serveDownloadPage(deps, post({ code: wrong }));
    const after = await serveDownloadPage(deps, post({ code: right }));

    expect(fifth.statusCode).toBe(429);
    expect(after.statusCode).toBe(429);
    expect(after.body).toContain('Be om en ny kode');
    expect(await auditOf(store, id, 'download.code_locked')).toHaveLength(1);
  });

  it('refuses a code older than 15 minutes', async () => {
    const { deps, post, lastCode, advance } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    advance(16 * MINUTE);

    const response = await serveDownloadPage(deps, post({ code: lastCode() }));

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Koden er ikke lenger gyldig');
  });

  it('asks for the code again when none was entered', async () => {
    const { deps, post } = await downloadable();

    const response = await serveDownloadPage(deps, post({ code: 'abc' }));

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Skriv inn den sekssifrede koden');
  });

  it('refuses a valid code once the package has expired', async () => {
    const { deps, post, lastCode, advance, mailer } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    const code = lastCode();
    advance(15 * DAY);

    const response = await serveDownloadPage(deps, post({ code, file: 'data' }));
    const resend = await serveDownloadPage(deps, post({ action: 'send-code' }));

    expect(response.statusCode).toBe(410);
    expect(resend.statusCode).toBe(410);
    expect(mailer.sent.filter((m) => m.purpose === 'download-code')).toHaveLength(1);
  });

  it('says the copy is no longer available when the objects are gone before the window closed', async () => {
    const { deps, post, lastCode, objects, id } = await downloadable();
    await serveDownloadPage(deps, post({ action: 'send-code' }));
    await objects.delete([OBJECT_KEYS.exportReport(id)]);

    const response = await serveDownloadPage(deps, post({ code: lastCode(), file: 'report' }));

    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('Kopien er ikke tilgjengelig lenger.');
  });
});
