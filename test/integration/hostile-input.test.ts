import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken } from '../../functions/domain/staff-auth/index.js';
import { CSRF_FIELD } from '../../functions/web/console/pages/form-controls.js';
import { postRequest, startStackFixture, type StackFixture } from '../support/local-stack-fixture.js';
import { localStaffToken } from '../support/staff-token.js';

/** The repo's list of hostile strings (markup, injections, control and bidi characters, lone surrogates, oversize). */
const HOSTILE: string[] = JSON.parse(readFileSync(new URL('../fixtures/hostile-strings.json', import.meta.url), 'utf8'));

let fixture: StackFixture;
let app: string;
let caseId: string;
let token: string;

beforeAll(async () => {
  fixture = await startStackFixture();
  app = fixture.stack.urls.app;
  token = localStaffToken(fixture.stack.environment, 'anne', ['staff', 'privacy-officer']);
  caseId = String((await postRequest(app, { language: 'nb', name: 'Fast', email: `fast.${Date.now()}@example.no`, types: ['access'] })).json.id);
});
afterAll(async () => fixture?.stack.stop());

/** Sends and answers the status; a dropped connection fails the test with what was sent. */
async function statusOf(what: string, init: RequestInit & { path: string }): Promise<number> {
  const response = await fetch(new URL(init.path, app), { redirect: 'manual', ...init }).catch((error: Error) => {
    throw new Error(`${what}: connection failed (${error.message})`);
  });
  await response.arrayBuffer();
  return response.status;
}

const countRequests = async (): Promise<number> => {
  let count = 0;
  for await (const _ of fixture.store.listAll()) count += 1;
  return count;
};

/** A path or query part for any string; a lone surrogate (which no URL can carry) becomes U+FFFD as a browser would send it. */
const uriPart = (value: string): string =>
  encodeURIComponent(value.replace(/(?<![\ud800-\udbff])[\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])/g, '\ufffd'));

const expectClear = (what: string, status: number, allowed: readonly number[]) => expect(allowed, `${what} answered ${status}`).toContain(status);

describe('every public input fed hostile strings', { timeout: 240_000 }, () => {
  it('the form API refuses each in a field it checks (JSON and urlencoded), 4xx and nothing written', async () => {
    const before = await countRequests();
    for (const value of HOSTILE) {
      for (const field of ['email', 'phone', 'language', 'types'] as const) {
        const body = { language: 'nb', name: 'Test', email: 'hostile@example.no', types: ['access'], [field]: field === 'types' ? [value] : value };
        const json = await statusOf(`json ${field}`, { path: '/api/requests', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        // A phone field that happens to be a valid number is accepted: that is a normal result.
        expectClear(`json ${field}=${JSON.stringify(value).slice(0, 40)}`, json, field === 'phone' ? [202, 400, 429] : [400]);
      }
      const form = new URLSearchParams({ language: 'nb', name: 'Test', email: value, types: 'access' }).toString();
      expectClear('form email', await statusOf('form', { path: '/api/requests', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }), [400]);
    }
    expect(await countRequests()).toBeLessThanOrEqual(before + HOSTILE.length);
  });

  it('the form API accepts free text fields with hostile content as a normal request, or refuses it clearly', async () => {
    for (const [index, value] of HOSTILE.entries()) {
      const status = await statusOf('json name/details', {
        path: '/api/requests',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'en', name: value, details: value, email: `hostile.${index}.${Date.now()}@example.no`, types: ['access'] }),
      });
      expectClear(`name=${JSON.stringify(value).slice(0, 40)}`, status, [202, 400]);
    }
  });

  it('oversized, deeply nested, wrongly typed and wrongly encoded bodies get a clear 4xx', async () => {
    const before = await countRequests();
    const post = (body: BodyInit, type: string) => statusOf(type, { path: '/api/requests', method: 'POST', headers: { 'content-type': type }, body });
    expectClear('2 MB', await post(JSON.stringify({ name: 'x'.repeat(2_000_000) }), 'application/json'), [400, 413]);
    expectClear('nested', await post('['.repeat(20_000) + ']'.repeat(20_000), 'application/json'), [400, 413]);
    expectClear('nested object', await post('{"a":'.repeat(5000) + '1' + '}'.repeat(5000), 'application/json'), [400, 413]);
    expectClear('text/plain', await post('name=x', 'text/plain'), [415]);
    expectClear('xml', await post('<x/>', 'application/xml'), [415]);
    expectClear('multipart', await post('--b\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b'), [415]);
    expectClear('bad utf-8', await post(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]), 'application/json'), [400]);
    expectClear('bad charset', await post('name=%FF%FE&email=%C3', 'application/x-www-form-urlencoded'), [400]);
    expectClear('truncated', await post('{"name": "x"', 'application/json'), [400]);
    expectClear('array body', await post('[1,2,3]', 'application/json'), [400]);
    expect(await countRequests()).toBe(before);
  });

  it('the verify and download pages answer every hostile code, id and field clearly', async () => {
    for (const value of HOSTILE) {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      expectClear('verify code', await statusOf('verify', { path: `/verify/${caseId}`, method: 'POST', headers: form, body: new URLSearchParams({ code: value }).toString() }), [200, 400, 404, 409, 429]);
      expectClear('download', await statusOf('download', { path: `/download/${caseId}`, method: 'POST', headers: form, body: new URLSearchParams({ action: value, code: value }).toString() }), [200, 400, 404, 410, 429]);
      // A string of the reference's shape gets the page itself (200), a normal result.
      expectClear('verify id', await statusOf('verify id', { path: `/verify/${uriPart(value)}` }), [200, 400, 404]);
    }
  });

  it('the staff API and console forms answer every hostile value clearly and keep the case consistent', async () => {
    for (const value of HOSTILE) {
      const api = await statusOf('staff api', {
        path: `/api/staff/requests/${caseId}/decision`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: 'rejected', reason: value, corrections: [{ field: 'name', to: value }] }),
      });
      expectClear('staff api decision', api, [400, 409]);
      const note = await statusOf('console note', {
        path: `/console/requests/${caseId}/note`,
        method: 'POST',
        headers: { cookie: `dsr_session=${token}`, origin: new URL(app).origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ [CSRF_FIELD]: csrfToken(token), note: value, text: value }).toString(),
      });
      expectClear('console note', note, [303, 400, 409]);
      const search = await statusOf('queue search', { path: `/console?q=${uriPart(value)}`, headers: { cookie: `dsr_session=${token}` } });
      expectClear('queue search', search, [200, 400]);
    }
    expect((await fixture.store.get(caseId))?.decision).toBeUndefined();
  });
});
