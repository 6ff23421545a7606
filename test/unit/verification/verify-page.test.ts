import { describe, expect, it } from 'vitest';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { serveVerifyPage } from '../../../functions/http/verify-page/verify-page.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { EMAIL_LIKE, ids, tags, textOf } from '../web-form/page-inspection.js';
import { MINUTE, REGISTERED_ELSEWHERE, STRANGER_EMAIL, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

const UNKNOWN_ID = 'NK-20261123-ZZZZZZZZ';

const getPage = (id: string, query?: Record<string, string>) =>
  httpEvent({ method: 'GET', path: `/verify/${id}`, routeKey: 'GET /verify/{id}', pathParameters: { id }, query });

const postPage = (id: string, fields: Record<string, string>, query?: Record<string, string>) =>
  httpEvent({
    method: 'POST',
    path: `/verify/${id}`,
    routeKey: 'POST /verify/{id}',
    pathParameters: { id },
    query,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

async function started(...args: Parameters<typeof verificationWorld>) {
  const world = verificationWorld(...args);
  await startVerification(world.deps, REQUEST_ID);
  return { ...world, code: codeIn(world.mailer.sent[0]!.text) };
}

const codeInput = (page: string) => tags(page, 'input').find((input) => input.name === 'code');

describe('serveVerifyPage GET /verify/{id}', () => {
  it('returns an accessible code form: label, hint, numeric one-time-code input, no script', async () => {
    // Prepare
    const { deps } = await started();
    // Act
    const response = await serveVerifyPage(deps, getPage(REQUEST_ID));
    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['cache-control']).toBe('no-store');
    const page = response.body!;
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain('<h1>Bekreft at det er deg</h1>');
    expect(codeInput(page)).toMatchObject({
      id: 'field-code',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      'aria-describedby': 'field-code-hint',
    });
    expect(tags(page, 'label')).toContainEqual({ for: 'field-code' });
    expect(textOf(page, 'field-code-hint')).toBe('Koden har 6 sifre og gjelder i 30 minutter.');
    expect(tags(page, 'form').map((form) => form.action)).toEqual([`/verify/${REQUEST_ID}`, `/verify/${REQUEST_ID}`]);
    expect(page).not.toMatch(/<script/i);
    expect(new Set(ids(page)).size).toBe(ids(page).length);
  });

  it('returns the page in English with ?lang=en', async () => {
    const { deps } = await started();

    const page = (await serveVerifyPage(deps, getPage(REQUEST_ID, { lang: 'en' }))).body!;

    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>Confirm that it is you</h1>');
    expect(page).toContain('<input type="hidden" name="language" value="en">');
  });

  it('returns the same page for an unknown id as for a known one', async () => {
    const { deps } = await started();

    const known = (await serveVerifyPage(deps, getPage(REQUEST_ID))).body!;
    const unknown = (await serveVerifyPage(deps, getPage(UNKNOWN_ID))).body!;

    expect(unknown.replaceAll(UNKNOWN_ID, 'ID')).toBe(known.replaceAll(REQUEST_ID, 'ID'));
  });

  it('returns 404 for an id that cannot be a request id', async () => {
    const { deps } = await started();

    const response = await serveVerifyPage(deps, getPage('../../etc'));

    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Fant ikke siden');
  });
});

describe('serveVerifyPage POST /verify/{id}', () => {
  it('returns the confirmation page when the code is right', async () => {
    const { deps, code, callbacks, store } = await started();
    await store.apply(REQUEST_ID, {
      expectedVersion: (await store.get(REQUEST_ID))!.version,
      set: { taskToken: 'token-1' },
      audit: { requestId: REQUEST_ID, at: '2026-11-24T08:00:00.000Z', event: 'verification.awaiting', actor: 'system:workflow' },
    });

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { code, language: 'nb' }));

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Takk, nå vet vi at det er deg</h1>');
    expect(callbacks.succeeded).toHaveLength(1);
  });

  it('returns 422 with the error beside the field and in a summary linking to it when the code is wrong', async () => {
    const { deps } = await started();

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { code: '000000' }));

    expect(response.statusCode).toBe(422);
    const page = response.body!;
    expect(page).toContain('<title>Feil: Bekreft at det er deg – OBOS Nærkontor</title>');
    expect(codeInput(page)).toMatchObject({ 'aria-invalid': 'true', 'aria-describedby': 'field-code-hint field-code-error' });
    expect(textOf(page, 'field-code-error')).toBe('Feil: Koden stemmer ikke. Du har 4 forsøk igjen.');
    expect(tags(page, 'div').find((div) => div.class === 'error-summary')).toMatchObject({ role: 'alert' });
    expect(tags(page, 'a')).toContainEqual({ href: '#field-code' });
  });

  it('returns 400 with a field error and uses no try when the code is not six digits', async () => {
    const { deps, verifications } = await started();

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { code: '12ab' }, { lang: 'en' }));

    expect(response.statusCode).toBe(400);
    expect(textOf(response.body!, 'field-code-error')).toBe('Error: Enter the 6-digit code from the e-mail.');
    expect((await verifications.get(REQUEST_ID))?.attempts).toBe(0);
  });

  it('hides the code field and points to a new code when the code is dead after five tries', async () => {
    const { deps, code } = await started();
    for (let i = 0; i < 5; i += 1) await serveVerifyPage(deps, postPage(REQUEST_ID, { code: '000000' }));

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { code }));

    expect(response.statusCode).toBe(422);
    expect(codeInput(response.body!)).toBeUndefined();
    expect(response.body).toContain('Koden er sperret');
    expect(tags(response.body!, 'a')).toContainEqual({ href: '#resend-button' });
    expect(tags(response.body!, 'button')).toContainEqual({ type: 'submit', id: 'resend-button' });
  });

  it('says the code has expired after 30 minutes', async () => {
    const { deps, code, advance } = await started();
    advance(30 * MINUTE);

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { code }));

    expect(response.body).toContain('Koden har gått ut. Be om en ny kode.');
  });

  it('sends a new code on action=resend and announces it as a status', async () => {
    const { deps, mailer, advance } = await started();
    advance(MINUTE);

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { action: 'resend', language: 'en' }));

    expect(response.statusCode).toBe(200);
    expect(mailer.sent).toHaveLength(2);
    expect(tags(response.body!, 'div')).toContainEqual({ class: 'panel', role: 'status' });
    expect(response.body).toContain('We have sent you a new one-time code.');
  });

  it('asks to wait when a new code is asked for within a minute', async () => {
    const { deps } = await started();

    const response = await serveVerifyPage(deps, postPage(REQUEST_ID, { action: 'resend' }));

    expect(response.body).toContain('Vent 60 sekunder før du ber om en ny kode.');
  });

  it('returns the same page for an unknown id as for a request no longer waiting for a code', async () => {
    const { deps, code } = await started();
    await serveVerifyPage(deps, postPage(REQUEST_ID, { code }));

    const known = (await serveVerifyPage(deps, postPage(REQUEST_ID, { code }))).body!;
    const unknown = (await serveVerifyPage(deps, postPage(UNKNOWN_ID, { code }))).body!;

    expect(known).toContain('<h1>Ingen kode å bekrefte</h1>');
    expect(unknown.replaceAll(UNKNOWN_ID, 'ID')).toBe(known.replaceAll(REQUEST_ID, 'ID'));
  });

  it('shows a customer and a non-customer the same pages, and never an address', async () => {
    const customer = await started(
      { requester: { name: REQUESTER.name, email: STRANGER_EMAIL, phone: '934 20 183' } },
      { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] },
    );
    const stranger = await started({ requester: { name: REQUESTER.name, email: STRANGER_EMAIL } }, { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] });
    const pages = async (world: typeof customer) => {
      world.advance(MINUTE);
      return [
        (await serveVerifyPage(world.deps, getPage(REQUEST_ID))).body!,
        (await serveVerifyPage(world.deps, postPage(REQUEST_ID, { code: '000000' }))).body!,
        (await serveVerifyPage(world.deps, postPage(REQUEST_ID, { action: 'resend' }))).body!,
        (await serveVerifyPage(world.deps, postPage(REQUEST_ID, { action: 'resend' }))).body!,
        (await serveVerifyPage(world.deps, postPage(REQUEST_ID, { code: codeIn(world.mailer.sent.at(-1)!.text) }))).body!,
      ];
    };

    const forCustomer = await pages(customer);
    const forStranger = await pages(stranger);

    expect(customer.mailer.sent.map((mail) => mail.to)).toContain(REGISTERED_ELSEWHERE);
    expect(forCustomer).toEqual(forStranger);
    for (const page of forCustomer) {
      expect((page.match(EMAIL_LIKE) ?? []).filter((address) => address !== 'naerkontor@obos.no')).toEqual([]);
      expect(page).not.toContain(REQUESTER.name);
    }
  });
});
