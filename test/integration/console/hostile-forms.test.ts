import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAuditChain } from '../../../functions/adapters/dynamodb/dynamodb-audit-chain.js';
import { verifyAuditChain } from '../../../functions/domain/audit/audit-chain.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { HTTP_ROUTES } from '../../../functions/http/routes.js';
import { CSRF_FIELD } from '../../../functions/web/console/pages/form-controls.js';
import { postRequest, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';
import { waitForStatus } from '../../support/rights-driver.js';
import { localStaffToken } from '../../support/staff-token.js';

/** The repo's list of hostile strings (markup, injections, control and bidi characters, lone surrogates, oversize). */
const HOSTILE: string[] = JSON.parse(readFileSync(new URL('../../fixtures/hostile-strings.json', import.meta.url), 'utf8'));

/** Every field name a console form or the staff API reads, so each hostile value reaches whatever a route parses. */
const FIELDS = [
  'outcome', 'reason', 'note', 'text', 'into', 'samePerson', 'ground', 'scope', 'records', 'action', 'until', 'field', 'to', 'customerId',
  'types', 'name', 'email', 'phone', 'details', 'language', 'channel', 'received_date', 'received_time', 'intake_note', 'username', 'password',
  'idempotencyKey', 'corrections',
];

let fixture: StackFixture;
let app: string;
let token: string;
const caseFor = new Map<string, string>();

// Signing out would end the session the rest use; its own test is sign-out-ends-session.test.ts.
const POST_ROUTES = HTTP_ROUTES.filter(
  (route) => route.method === 'POST' && route.path !== '/console/sign-out' && (route.path.startsWith('/console') || route.path.startsWith('/api/staff')),
);

beforeAll(async () => {
  fixture = await startStackFixture();
  app = fixture.stack.urls.app;
  token = localStaffToken(fixture.stack.environment, 'anne', ['staff', 'privacy-officer']);
  // Each route acts on a case of its own, so one route's normal result (a note, a closing) does not turn another's into a 409.
  for (const [index, route] of POST_ROUTES.entries()) {
    if (!route.path.includes('{id}')) continue;
    const response = await postRequest(app, { language: 'nb', name: 'Hostil Skjema', email: `hostile.form.${index}.${Date.now()}@example.no`, types: ['rectification', 'erasure', 'restriction'] });
    caseFor.set(route.path, String(response.json.id));
  }
  for (const id of caseFor.values()) await waitForStatus(fixture, id, 'awaiting_verification');
});
afterAll(async () => fixture?.stack.stop());

/** A route's path with its case (or a mail id that names no mail). */
const pathOf = (route: (typeof POST_ROUTES)[number]) => route.path.replace('{id}', caseFor.get(route.path) ?? '').replace('{inboxId}', 'no-such-mail-0001');

/** Sends as the signed-in console (cookie, same origin, CSRF token) or the API (bearer); a dropped connection fails with what was sent. */
async function send(what: string, path: string, body: BodyInit, contentType: string): Promise<number> {
  const api = path.startsWith('/api/');
  const headers: Record<string, string> = api
    ? { authorization: `Bearer ${token}`, 'content-type': contentType }
    : { cookie: `dsr_session=${token}`, origin: new URL(app).origin, 'content-type': contentType };
  const response = await fetch(new URL(path, app), { method: 'POST', headers, body, redirect: 'manual' }).catch((error: Error) => {
    throw new Error(`${what}: connection failed (${error.message})`);
  });
  await response.arrayBuffer();
  return response.status;
}

const expectNo5xx = (what: string, status: number) => {
  expect(status, `${what} answered ${status}`).toBeGreaterThanOrEqual(200);
  expect(status, `${what} answered ${status}`).toBeLessThan(500);
};

const formBody = (value: string): string => {
  const params = new URLSearchParams({ [CSRF_FIELD]: csrfToken(token) });
  for (const field of FIELDS) params.append(field, value);
  return params.toString();
};

describe('every console form and staff API route fed hostile input', { timeout: 600_000 }, () => {
  it.each(POST_ROUTES.map((route) => [route.path, route] as const))('%s answers every hostile value with a 4xx or a normal result', async (_path, route) => {
    const path = pathOf(route);
    const api = path.startsWith('/api/');
    for (const value of HOSTILE) {
      const body = api ? JSON.stringify(Object.fromEntries(FIELDS.map((field) => [field, field === 'corrections' ? [{ field: 'email', to: value }] : value]))) : formBody(value);
      expectNo5xx(`${path} with ${JSON.stringify(value).slice(0, 40)}`, await send(route.path, path, body, api ? 'application/json' : 'application/x-www-form-urlencoded'));
    }
  });

  it.each(POST_ROUTES.map((route) => [route.path, route] as const))('%s answers wrong content types, broken encodings, oversized and deeply nested bodies without a 5xx', async (_path, route) => {
    const path = pathOf(route);
    const csrf = `${CSRF_FIELD}=${encodeURIComponent(csrfToken(token))}`;
    const bodies: [string, BodyInit, string][] = [
      ['text/plain', 'reason=x', 'text/plain'],
      ['xml', '<reason>x</reason>', 'application/xml'],
      ['multipart', '--b\r\nContent-Disposition: form-data; name="reason"\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b'],
      ['2 MB', `${csrf}&reason=${'x'.repeat(2_000_000)}`, 'application/x-www-form-urlencoded'],
      ['broken percent-encoding', `${csrf}&reason=%FF%FE%C3&note=%`, 'application/x-www-form-urlencoded'],
      ['bad UTF-8 JSON', Buffer.from([0x7b, 0x22, 0x72, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
      ['nested JSON', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'application/json'],
      ['truncated JSON', '{"outcome": "approved"', 'application/json'],
    ];
    for (const [what, body, type] of bodies) {
      const status = await send(`${route.path} ${what}`, path, body, type);
      expectNo5xx(`${route.path} ${what}`, status);
    }
  });

  it('leaves every case readable with an unbroken audit chain', async () => {
    const chain = new DynamoDbAuditChain(new DynamoDBClient({}), fixture.stack.environment.REQUESTS_TABLE_NAME!);
    for (const id of caseFor.values()) {
      const { head, links } = await chain.read(id);
      expect(verifyAuditChain(links, head), id).toMatchObject({ ok: true });
      const page = await fetch(new URL(`/console/requests/${id}`, app), { headers: { cookie: `dsr_session=${token}` } });
      expect(page.status, id).toBe(200);
    }
  });
});

describe('the three findings from outside, through the local stack', () => {
  it('refuses a correction value that is an operator object at the API with 400, recording nothing', async () => {
    const id = caseFor.get('/api/staff/requests/{id}/decision')!;
    const before = await fixture.store.auditTrail(id);

    const status = await send('operator object', `/api/staff/requests/${id}/decision`, JSON.stringify({ outcome: 'approved', corrections: [{ field: 'email', to: { $gt: '' } }] }), 'application/json');

    expect(status).toBe(400);
    expect(await fixture.store.auditTrail(id)).toEqual(before);
  });

  it('refuses a cookie-carried staff API change from another origin or none, even with the CSRF token', async () => {
    const id = caseFor.get('/api/staff/requests/{id}/extension')!;
    const before = await fixture.store.get(id);
    const fromOrigin = async (origin?: string) => {
      const response = await fetch(new URL(`/api/staff/requests/${id}/extension`, app), {
        method: 'POST',
        headers: { cookie: `dsr_session=${token}`, 'x-csrf-token': csrfToken(token), 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ reason: 'Forlenget fra et annet nettsted.' }),
      });
      await response.arrayBuffer();
      return response.status;
    };

    expect(await fromOrigin('https://evil.example')).toBe(403);
    expect(await fromOrigin('null')).toBe(403);
    expect(await fromOrigin('http://127.0.0.1.evil.example')).toBe(403);
    expect(await fixture.store.get(id)).toEqual(before);
    // As in the console, a missing Origin passes on the CSRF token alone: browsers send Origin on every cross-site POST.
    expect(await fromOrigin(new URL(app).origin)).toBe(200);
  });
});
