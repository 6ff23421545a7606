import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRequest, type CreateRequestDeps } from '../../../functions/http/create-request/create-request.js';
import { FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUESTER, capturingLogger } from '../fixtures/rights-request-fixture.js';
import { formPost, httpEvent, jsonPost } from '../fixtures/http-event-fixture.js';

const valid = { name: REQUESTER.name, email: REQUESTER.email, types: ['access'], language: 'nb' };

const validForm = (overrides: Record<string, string | string[]> = {}): [string, string][] => {
  const fields: Record<string, string | string[]> = {
    language: 'nb',
    idempotencyKey: 'form-key-1',
    name: REQUESTER.name,
    email: REQUESTER.email,
    phone: '',
    types: ['access', 'erasure'],
    details: '',
    ...overrides,
  };
  return Object.entries(fields).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v): [string, string] => [key, v]) : [[key, value]]));
};

function setUp() {
  const store = new InMemoryRequestStore();
  const workflow = new FakeWorkflowStarter();
  let ids = 0;
  let keys = 0;
  const deps: CreateRequestDeps = {
    store,
    workflow,
    now: () => new Date('2026-11-23T20:05:09.120Z'),
    formatInstant: () => '2026-11-23T21:05:09.120+01:00',
    receiptDate: (receivedAt) => receivedAt.slice(0, 10),
    dueDate: () => '2026-12-23',
    newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-${String(++ids).padStart(8, '0')}`,
    newFormKey: () => `fresh-key-${++keys}`,
    logger: capturingLogger('create-request').logger,
  };
  const call = (event: APIGatewayProxyEventV2) => createRequest(deps, event);
  return { deps, store, workflow, call };
}

const bodyOf = (response: APIGatewayProxyStructuredResultV2): unknown => JSON.parse(response.body ?? '');
const hiddenKey = (page: string): string | undefined => /name="idempotencyKey" value="([^"]*)"/.exec(page)?.[1];

describe('createRequest with JSON', () => {
  it('returns 202 with the id and due date and stores the request when the submission is valid', async () => {
    // Prepare
    const { call, store, workflow } = setUp();
    // Act
    const response = await call(jsonPost(valid));
    // Assess
    expect(response.statusCode).toBe(202);
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(bodyOf(response)).toEqual({ id: 'NK-20261123-00000001', dueDate: '2026-12-23' });
    expect(await store.get('NK-20261123-00000001')).toMatchObject({ channel: 'web', status: 'received' });
    expect((await store.auditTrail('NK-20261123-00000001'))[0]?.actor).toBe('requester');
    expect(workflow.started).toEqual(['NK-20261123-00000001']);
  });

  it('returns 400 with the field errors in the body language and stores nothing when the submission is invalid', async () => {
    const { call, store, workflow } = setUp();

    const response = await call(jsonPost({ ...valid, email: 'not-an-address', language: 'en' }, { 'accept-language': 'nb' }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({ errors: [{ field: 'email', message: 'Enter a valid e-mail address.' }] });
    expect(store.size).toBe(0);
    expect(workflow.attempts).toEqual([]);
  });

  it.each([
    ['en-GB,en;q=0.9', 'en', 'Language must be "nb", "nn" or "en".'],
    ['nb-NO,nb;q=0.9,en;q=0.5', 'nb', 'Språk må være «nb», «nn» eller «en».'],
    ['nn-NO,nb;q=0.9', 'nn', 'Språk må vere «nb», «nn» eller «en».'],
    [undefined, 'nb', 'Språk må være «nb», «nn» eller «en».'],
  ])('returns errors in the Accept-Language choice when the body has no valid language (%s)', async (acceptLanguage, _lang, message) => {
    const { call } = setUp();
    const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};

    const response = await call(jsonPost({ ...valid, language: 'de' }, headers));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({ errors: [{ field: 'language', message }] });
  });

  it('returns the same id twice and stores one request when the same Idempotency-Key and body are sent again', async () => {
    const { call, store } = setUp();
    const headers = { 'idempotency-key': '6f1c1a52-1b7e-4a1e-9f55-3c2f1f0f8a10' };

    const first = await call(jsonPost(valid, headers));
    const second = await call(jsonPost({ language: 'nb', types: ['access'], email: REQUESTER.email, name: REQUESTER.name }, headers));

    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(bodyOf(second)).toEqual(bodyOf(first));
    expect(store.size).toBe(1);
  });

  it('returns 422 and stores nothing new when the Idempotency-Key is reused with a different body', async () => {
    const { call, store } = setUp();
    const headers = { 'idempotency-key': 'key-1' };
    await call(jsonPost(valid, headers));

    const response = await call(jsonPost({ ...valid, types: ['erasure'], language: 'en' }, headers));

    expect(response.statusCode).toBe(422);
    expect(bodyOf(response)).toEqual({
      errors: [{ field: 'Idempotency-Key', message: 'This Idempotency-Key was already used for a different request.' }],
    });
    expect(store.size).toBe(1);
  });

  it.each([
    ['contains a space', 'key with space'],
    ['is 300 characters', 'k'.repeat(300)],
    ['is empty', ''],
    ['has a non-ASCII character', 'nøkkel'],
  ])('returns 400 and stores nothing when the Idempotency-Key header %s', async (_label, key) => {
    const { call, store } = setUp();

    const response = await call(jsonPost(valid, { 'idempotency-key': key }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({
      errors: [{ field: 'Idempotency-Key', message: 'Idempotency-Key må være 1–255 synlige ASCII-tegn.' }],
    });
    expect(store.size).toBe(0);
  });

  it('returns 202 when the Idempotency-Key is exactly 255 visible characters', async () => {
    const { call } = setUp();

    const response = await call(jsonPost(valid, { 'idempotency-key': '~'.repeat(255) }));

    expect(response.statusCode).toBe(202);
  });

  it('returns 415 in the Accept-Language choice when the body is text/plain', async () => {
    const { call, store } = setUp();
    const event = httpEvent({ headers: { 'content-type': 'text/plain', 'accept-language': 'en' }, body: 'please delete me' });

    const response = await call(event);

    expect(response.statusCode).toBe(415);
    expect(bodyOf(response)).toEqual({
      errors: [{ field: 'body', message: 'Send JSON (application/json) or a form (application/x-www-form-urlencoded).' }],
    });
    expect(store.size).toBe(0);
  });

  it('returns 400 when the JSON cannot be parsed', async () => {
    const { call } = setUp();

    const response = await call(httpEvent({ headers: { 'content-type': 'application/json' }, body: '{"name":' }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({ errors: [{ field: 'body', message: 'Forespørselen kunne ikke leses.' }] });
  });

  it('returns 413 when the body is larger than the limit', async () => {
    const { call } = setUp();

    const response = await call(jsonPost({ ...valid, details: 'x'.repeat(70_000) }));

    expect(response.statusCode).toBe(413);
  });

  it.each([
    ['an array', [valid]],
    ['a string', 'hello'],
    ['null', null],
  ])('returns 400 with a body error when the JSON is %s', async (_label, body) => {
    const { call } = setUp();

    const response = await call(jsonPost(body));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({ errors: [{ field: 'body', message: 'Forespørselen må være et JSON-objekt.' }] });
  });

  it('throws the store failure for the error middleware to answer when storing fails unexpectedly', async () => {
    const { call, store } = setUp();
    store.create = () => Promise.reject(Object.assign(new Error('dynamo exploded'), { name: 'InternalServerError' }));

    await expect(call(jsonPost(valid))).rejects.toThrow('dynamo exploded');
  });
});

describe('createRequest with a form post', () => {
  it('returns 303 to the receipt page in the form language when the form is valid', async () => {
    const { call, store } = setUp();

    const response = await call(formPost(validForm({ language: 'en' })));

    expect(response.statusCode).toBe(303);
    expect(response.headers?.location).toBe('/receipt/NK-20261123-00000001?lang=en');
    expect(response.body).toBe('');
    expect(await store.get('NK-20261123-00000001')).toMatchObject({ types: ['access', 'erasure'], language: 'en' });
  });

  it('returns 303 to the same receipt and stores one request when the same form is posted twice', async () => {
    const { call, store } = setUp();

    const first = await call(formPost(validForm()));
    const second = await call(formPost(validForm()));

    expect(second.headers?.location).toBe(first.headers?.location);
    expect(first.headers?.location).toBe('/receipt/NK-20261123-00000001?lang=nb');
    expect(store.size).toBe(1);
  });

  it('returns 400 HTML showing the typed values escaped and the errors, storing nothing, when the form is invalid', async () => {
    const { call, store } = setUp();
    const fields = validForm({
      name: 'Kari <b>"Nordmann"</b>',
      email: 'kari-at-example',
      types: [],
      details: 'Slett alt om meg <script>alert(1)</script> & takk',
    });

    const response = await call(formPost(fields));

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    const page = response.body ?? '';
    expect(page).toContain('value="Kari &lt;b&gt;&quot;Nordmann&quot;&lt;/b&gt;"');
    expect(page).toContain('value="kari-at-example"');
    expect(page).toContain('Slett alt om meg &lt;script&gt;alert(1)&lt;/script&gt; &amp; takk');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Skriv inn en gyldig e-postadresse.');
    expect(page).toContain('Velg minst én av rettighetene i listen.');
    expect(page).toContain('<html lang="nb">');
    expect(store.size).toBe(0);
  });

  it('answers a form posted to its own address (POST /?lang=en) in place: errors with the values kept, the form posting back there, then the receipt', async () => {
    const { call, store } = setUp();
    const atFormAddress = (fields: [string, string][]) =>
      httpEvent({
        path: '/',
        query: { lang: 'en' },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });

    const invalid = await call(atFormAddress(validForm({ language: 'en', email: 'sam-at-example', details: 'My door log' })));

    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers?.location).toBeUndefined();
    const page = invalid.body ?? '';
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('value="sam-at-example"');
    expect(page).toContain('My door log');
    // No action: the browser posts the corrected form to the address it shows, the form's own.
    expect(page).toMatch(/<form method="post" enctype="application\/x-www-form-urlencoded"/);
    expect(page).not.toContain('action=');
    expect(store.size).toBe(0);

    const valid = await call(atFormAddress(validForm({ language: 'en' })));
    expect(valid.statusCode).toBe(303);
    expect(valid.headers?.location).toBe('/receipt/NK-20261123-00000001?lang=en');
  });

  it('returns the 400 page with the form key it was posted with, so the corrected form makes one request', async () => {
    const { call, store } = setUp();
    const invalid = await call(formPost(validForm({ email: 'nope' })));
    const key = hiddenKey(invalid.body ?? '');

    const corrected = await call(formPost(validForm({ idempotencyKey: key ?? '' })));
    const again = await call(formPost(validForm({ idempotencyKey: key ?? '' })));

    expect(key).toBe('form-key-1');
    expect(corrected.statusCode).toBe(303);
    expect(again.headers?.location).toBe(corrected.headers?.location);
    expect(store.size).toBe(1);
  });

  it('returns the 400 page in English with the boxes the person had checked when the form language is en', async () => {
    const { call } = setUp();

    const response = await call(formPost(validForm({ language: 'en', name: '', types: ['portability'] })));

    const page = response.body ?? '';
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Enter your name (at most 200 characters).');
    expect(page).toMatch(/name="types" value="portability" checked/);
    expect(page).not.toMatch(/name="types" value="access" checked/);
  });

  it('returns 400 HTML when the form carries an invalid idempotency key', async () => {
    const { call, store } = setUp();

    const response = await call(formPost(validForm({ idempotencyKey: 'has a space' })));

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Idempotency-Key må være 1–255 synlige ASCII-tegn.');
    expect(store.size).toBe(0);
  });

  it('returns 422 HTML with the values kept when the form key was used for a different request', async () => {
    const { call } = setUp();
    await call(formPost(validForm()));

    const response = await call(formPost(validForm({ details: 'Noe annet' })));

    expect(response.statusCode).toBe(422);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Denne Idempotency-Key er allerede brukt for en annen henvendelse.');
    expect(response.body).toContain('Noe annet');
  });
});

describe('createRequest responses', () => {
  it('returns no stack trace or internal detail in any body when requests fail in every handled way', async () => {
    const { call } = setUp();
    await call(jsonPost(valid, { 'idempotency-key': 'used' }));
    const events = [
      jsonPost({ ...valid, email: 'x' }),
      jsonPost({ ...valid, unexpected: true }),
      jsonPost({ ...valid, types: ['erasure'] }, { 'idempotency-key': 'used' }),
      jsonPost(valid, { 'idempotency-key': 'a b' }),
      httpEvent({ headers: { 'content-type': 'application/json' }, body: '{' }),
      httpEvent({ headers: { 'content-type': 'text/plain' }, body: 'x' }),
      jsonPost({ details: 'x'.repeat(70_000) }),
      formPost(validForm({ email: 'x' })),
      formPost(validForm({ idempotencyKey: 'used', details: 'other' })),
    ];

    const responses = await Promise.all(events.map(call));

    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toMatch(/\n\s+at\s/);
      expect(response.body).not.toMatch(/\.(ts|js):\d+/);
      expect(response.body).not.toMatch(/node_modules|ZodError|SyntaxError|Unexpected (end|token)/);
    }
  });
});
