import { describe, expect, it, vi } from 'vitest';
import { serveWebForm, type WebFormDeps } from '../../../functions/http/web-form/web-form.js';
import { InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUESTER, REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';

function setUp() {
  const store = new InMemoryRequestStore().seed(aRightsRequest({ dueDate: '2026-12-23', types: ['access', 'erasure'] }));
  const get = vi.fn((id: string) => store.get(id));
  let keys = 0;
  const deps: WebFormDeps = { store: { get }, newFormKey: () => `form-key-${++keys}` };
  return { deps, get };
}

const formPage = (query?: Record<string, string>, headers?: Record<string, string>) =>
  httpEvent({ method: 'GET', path: '/', routeKey: 'GET /', query, headers });

const receipt = (id: string, query?: Record<string, string>) =>
  httpEvent({
    method: 'GET',
    path: `/receipt/${encodeURIComponent(id)}`,
    routeKey: 'GET /receipt/{id}',
    pathParameters: { id },
    query,
  });

const hiddenKey = (page: string): string | undefined => /name="idempotencyKey" value="([^"]*)"/.exec(page)?.[1];

describe('serveWebForm GET /', () => {
  it('returns the form in Norwegian when no language is asked for', async () => {
    // Prepare
    const { deps } = setUp();
    // Act
    const response = await serveWebForm(deps, formPage());
    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers?.['cache-control']).toBe('no-store');
    expect(response.body).toContain('<html lang="nb">');
    expect(response.body).toContain('<h1>Send en personvernhenvendelse</h1>');
    expect(response.body).toContain('<form method="post" enctype="application/x-www-form-urlencoded"');
  });

  it('returns the form in English when ?lang=en is given', async () => {
    const { deps } = setUp();

    const response = await serveWebForm(deps, formPage({ lang: 'en' }));

    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('<h1>Make a data protection request</h1>');
    expect(response.body).toContain('<input type="hidden" name="language" value="en">');
  });

  it('returns the form in English when the browser prefers English and no ?lang is given', async () => {
    const { deps } = setUp();

    const response = await serveWebForm(deps, formPage(undefined, { 'accept-language': 'en-US,en;q=0.9' }));

    expect(response.body).toContain('<html lang="en">');
  });

  it('returns a new idempotency key with each rendering of the form', async () => {
    const { deps } = setUp();

    const first = await serveWebForm(deps, formPage());
    const second = await serveWebForm(deps, formPage({ lang: 'en' }));

    expect(hiddenKey(first.body ?? '')).toBe('form-key-1');
    expect(hiddenKey(second.body ?? '')).toBe('form-key-2');
  });
});

describe('serveWebForm GET /receipt/{id}', () => {
  it('returns the reference and formatted due date without the name or e-mail when the id is stored', async () => {
    const { deps } = setUp();

    const response = await serveWebForm(deps, receipt(REQUEST_ID));

    expect(response.statusCode).toBe(200);
    const page = response.body ?? '';
    expect(page).toContain(`<strong class="reference">${REQUEST_ID}</strong>`);
    expect(page).toContain('23. desember 2026');
    expect(page).toContain('Innsyn i opplysningene om meg');
    expect(page).not.toContain(REQUESTER.name);
    expect(page).not.toContain('Nordmann');
    expect(page).not.toContain(REQUESTER.email);
    expect(new Set(page.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g))).toEqual(new Set(['naerkontor@obos.no']));
  });

  it('returns the receipt in English when ?lang=en is given', async () => {
    const { deps } = setUp();

    const response = await serveWebForm(deps, receipt(REQUEST_ID, { lang: 'en' }));

    expect(response.body).toContain('23 December 2026');
    expect(response.body).toContain('<h1>We have received your request</h1>');
  });

  it('returns 404 when the id is well formed but unknown', async () => {
    const { deps } = setUp();

    const response = await serveWebForm(deps, receipt('NK-20261123-ZZZZZZZZ'));

    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Fant ikke siden');
  });

  it.each(['nk-20261123-7kq4m2px', 'NK-20261123-7KQ4M2PI', 'NK-2026112-7KQ4M2PX', '../../etc/passwd', `${REQUEST_ID} `, ''])(
    'returns 404 without reading the store when the id is malformed (%j)',
    async (id) => {
      const { deps, get } = setUp();

      const response = await serveWebForm(deps, receipt(id));

      expect(response.statusCode).toBe(404);
      expect(get).not.toHaveBeenCalled();
    },
  );

  it('returns 404 in English when the id is unknown and ?lang=en is given', async () => {
    const { deps } = setUp();

    const response = await serveWebForm(deps, receipt('NK-20261123-ZZZZZZZZ', { lang: 'en' }));

    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
  });
});
