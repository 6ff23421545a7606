import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfToken, sameOriginPost } from '../../../functions/domain/staff-auth/csrf.js';

const SESSION = 'header.payload.signature-of-kari';
const OTHER_SESSION = 'header.payload.signature-of-per';

describe('csrfToken', () => {
  it('is a base64url HMAC-SHA256 tied to the session', () => {
    const token = csrfToken(SESSION);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfToken(SESSION)).toBe(token);
    expect(csrfToken(OTHER_SESSION)).not.toBe(token);
  });
});

describe('checkCsrf', () => {
  it('accepts the token of the same session', () => {
    expect(checkCsrf(SESSION, csrfToken(SESSION))).toBe(true);
  });

  it("refuses another session's token, a changed token, a missing token, or no session", () => {
    const token = csrfToken(SESSION);
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

    expect(checkCsrf(SESSION, csrfToken(OTHER_SESSION))).toBe(false);
    expect(checkCsrf(SESSION, changed)).toBe(false);
    expect(checkCsrf(SESSION, token.slice(1))).toBe(false);
    expect(checkCsrf(SESSION, undefined)).toBe(false);
    expect(checkCsrf(SESSION, '')).toBe(false);
    expect(checkCsrf('', csrfToken(''))).toBe(false);
  });
});

describe('sameOriginPost', () => {
  const ORIGIN = 'https://personvern.obos.no';

  it('accepts a post from our own origin', () => {
    expect(sameOriginPost({ origin: ORIGIN, 'sec-fetch-site': 'same-origin' }, ORIGIN)).toBe(true);
    expect(sameOriginPost({ Origin: ORIGIN }, `${ORIGIN}/console/`)).toBe(true);
  });

  it('accepts a request without the headers, leaving it to the CSRF token', () => {
    expect(sameOriginPost({}, ORIGIN)).toBe(true);
  });

  it('refuses another origin, an opaque origin or a cross-site fetch', () => {
    expect(sameOriginPost({ origin: 'https://evil.example' }, ORIGIN)).toBe(false);
    expect(sameOriginPost({ origin: 'http://personvern.obos.no' }, ORIGIN)).toBe(false);
    expect(sameOriginPost({ origin: 'null' }, ORIGIN)).toBe(false);
    expect(sameOriginPost({ 'sec-fetch-site': 'cross-site' }, ORIGIN)).toBe(false);
    expect(sameOriginPost({ 'sec-fetch-site': 'same-site' }, ORIGIN)).toBe(false);
    expect(sameOriginPost({ origin: ORIGIN, 'sec-fetch-site': 'none' }, ORIGIN)).toBe(false);
  });
});
