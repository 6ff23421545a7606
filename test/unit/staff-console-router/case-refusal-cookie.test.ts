import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import {
  CASE_REFUSAL_COOKIE,
  caseRefusalCookie,
  decodeRefusal,
  DROPPED_VALUE_TEXT,
  encodeRefusal,
  MAX_REFUSAL_COOKIE_VALUE_BYTES,
} from '../../../functions/web/console/case-refusal-cookie.js';
import { escapeHtml } from '../../../functions/platform/html.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { consoleWorld, routeEvent, SAME_ORIGIN, TOKENS } from './console-world.js';

const STAFF = TOKENS.staff;
const MERGE = { method: 'POST', path: '/console/requests/{id}/merge' } as const;
const CASE_PAGE = { method: 'GET', path: '/console/requests/{id}' } as const;
const post = (form: readonly (readonly [string, string])[]) =>
  routeEvent(MERGE, { token: STAFF, headers: { ...SAME_ORIGIN }, form: [...form, ['csrf', csrfToken(STAFF)]] });
const pageWithCookie = (value: string) => routeEvent(CASE_PAGE, { token: STAFF, cookies: [`${CASE_REFUSAL_COOKIE}=${value}`] });
const UNKNOWN_CASE = 'NK-20261201-NOTSTORE';

const A_REFUSAL = {
  id: REQUEST_ID,
  status: 400,
  action: 'merge',
  field: 'into',
  message: 'Fant ingen sak med referansen X.',
  fields: { into: 'X', reason: 'Samme person – «to ganger» & <b>fet</b>' },
} as const;

describe('the refusal cookie (a refused case action carried to the case page)', () => {
  it('round-trips the problem and what was typed, and is HttpOnly, SameSite=Strict, Secure, short-lived and scoped to the case', () => {
    const cookie = caseRefusalCookie(A_REFUSAL, true);
    const value = /^dsr_case_refusal=([^;]+);/.exec(cookie)?.[1] ?? '';

    expect(decodeRefusal(value)).toEqual({ ...A_REFUSAL, dropped: [] });
    expect(cookie).toContain(`; Path=/console/requests/${REQUEST_ID};`);
    expect(cookie).toContain('; HttpOnly; SameSite=Strict; Secure; Max-Age=60');
    expect(caseRefusalCookie(A_REFUSAL, false)).not.toContain('Secure');
  });

  it('drops the longest typed values until it fits, keeps the problem, and says which were dropped', () => {
    const value = encodeRefusal({ ...A_REFUSAL, fields: { into: 'X', reason: 'å'.repeat(4000), note: 'n'.repeat(2000) } });

    expect(value.length).toBeLessThanOrEqual(MAX_REFUSAL_COOKIE_VALUE_BYTES);
    expect(decodeRefusal(value)).toMatchObject({ message: A_REFUSAL.message, field: 'into', fields: { into: 'X', note: 'n'.repeat(2000) }, dropped: ['reason'] });
  });

  it('shortens a message that quotes a hostile value when nothing typed is left to drop, so the problem still arrives', () => {
    const message = `Fant ingen sak med referansen ${'x'.repeat(5000)}.`;

    const value = encodeRefusal({ ...A_REFUSAL, message });

    expect(value.length).toBeLessThanOrEqual(MAX_REFUSAL_COOKIE_VALUE_BYTES);
    expect(decodeRefusal(value)).toMatchObject({ message: `${message.slice(0, 300)}…`, field: 'into', fields: {}, dropped: ['reason', 'into'] });
  });

  it.each([
    ['not base64url', 'ikke gyldig!'],
    ['not JSON', Buffer.from('{"id":').toString('base64url')],
    ['a status that is no refusal', Buffer.from(JSON.stringify({ ...A_REFUSAL, status: 500, dropped: [] })).toString('base64url')],
    ['an unknown action', Buffer.from(JSON.stringify({ ...A_REFUSAL, action: 'delete-everything', dropped: [] })).toString('base64url')],
    ['a field it does not know', Buffer.from(JSON.stringify({ ...A_REFUSAL, dropped: [], html: '<b>' })).toString('base64url')],
    ['typed values that are not text', Buffer.from(JSON.stringify({ ...A_REFUSAL, fields: { into: ['X'] }, dropped: [] })).toString('base64url')],
    ['too long', 'A'.repeat(MAX_REFUSAL_COOKIE_VALUE_BYTES + 1)],
  ])('ignores a cookie that is %s', (_what, value) => {
    expect(decodeRefusal(value)).toBeUndefined();
  });
});

describe('a refused case action, post/redirect/get', () => {
  it('redirects to the case; the page shows the problem by its field with what was typed (escaped), with its status, and clears the cookie', async () => {
    const world = consoleWorld();
    const typed = 'Samme person <script>alert(1)</script> & «to ganger»';

    const refused = await world.console(post([['into', UNKNOWN_CASE], ['reason', typed]]));
    const page = await world.followRefusal(refused);
    const reloaded = await world.console(routeEvent(CASE_PAGE, { token: STAFF }));

    expect(refused.headers?.location).toBe(`/console/requests/${REQUEST_ID}`);
    expect(refused.body).toBe('');
    expect(refused.cookies?.join('\n')).not.toContain(csrfToken(STAFF));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(`Fant ingen sak med referansen ${UNKNOWN_CASE}.`);
    expect(page.body).toContain('href="#merge-into"');
    expect(page.body).toContain(escapeHtml(typed));
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.cookies).toEqual([`${CASE_REFUSAL_COOKIE}=; Path=/console/requests/${REQUEST_ID}; HttpOnly; SameSite=Strict; Secure; Max-Age=0`]);
    expect(reloaded.statusCode).toBe(200);
    expect(reloaded.body).not.toContain('Fant ingen sak med referansen');
    expect(reloaded.body).not.toContain('Dette må rettes');
  });

  it('keeps the problem but not a typed value too long for the cookie, and says so by that field', async () => {
    const world = consoleWorld();

    // A reason within its limit (2000 characters), but in letters that take two bytes each in UTF-8.
    const page = await world.followRefusal(await world.console(post([['into', UNKNOWN_CASE], ['reason', 'æøåæøåæøå '.repeat(190)]])));

    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(`Fant ingen sak med referansen ${UNKNOWN_CASE}.`);
    expect(page.body).toContain(DROPPED_VALUE_TEXT);
    expect(page.body).toContain('href="#merge-reason"');
    expect(page.body).toContain(UNKNOWN_CASE);
    expect(page.body).not.toContain('æøåæøåæøå æøåæøåæøå');
  });

  it('ignores a malformed cookie or one of another case (the plain page, 200), and clears it', async () => {
    const world = consoleWorld();
    const otherCase = Buffer.from(JSON.stringify({ ...A_REFUSAL, id: 'NK-20261124-9ZZZZZZZ', dropped: [] })).toString('base64url');

    for (const value of ['%%%', Buffer.from('{"status":400}').toString('base64url'), otherCase]) {
      const page = await world.console(pageWithCookie(value));

      expect(page.statusCode, value).toBe(200);
      expect(page.body, value).not.toContain('Dette må rettes');
      expect(page.cookies, value).toEqual([expect.stringMatching(/^dsr_case_refusal=; .*Max-Age=0$/)]);
    }
  });

  it('sets no cookie on a page that came without one', async () => {
    const world = consoleWorld();

    const page = await world.console(routeEvent(CASE_PAGE, { token: STAFF }));

    expect(page.statusCode).toBe(200);
    expect(page.cookies).toBeUndefined();
  });
});
