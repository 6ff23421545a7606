import { describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  isSecureOrigin,
  readCookie,
  SESSION_COOKIE,
  sessionCookie,
} from '../../../functions/domain/staff-auth/session-cookie.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

const attributesOf = (setCookie: string) => setCookie.split('; ').slice(1);

describe('sessionCookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, and Secure outside localhost', () => {
    const cookie = sessionCookie(TOKEN, { secure: true, maxAgeSeconds: 3600 });

    expect(cookie.startsWith(`${SESSION_COOKIE}=${TOKEN}; `)).toBe(true);
    expect(attributesOf(cookie).sort()).toEqual(['HttpOnly', 'Max-Age=3600', 'Path=/', 'SameSite=Strict', 'Secure']);
  });

  it('leaves Secure out for plain-HTTP localhost, and only that', () => {
    const cookie = sessionCookie(TOKEN, { secure: false, maxAgeSeconds: 60 });

    expect(attributesOf(cookie).sort()).toEqual(['HttpOnly', 'Max-Age=60', 'Path=/', 'SameSite=Strict']);
  });

  it('refuses a value that would break out of the cookie', () => {
    expect(() => sessionCookie('abc; Domain=evil.example', { secure: true, maxAgeSeconds: 60 })).toThrow(TypeError);
    expect(() => sessionCookie('', { secure: true, maxAgeSeconds: 60 })).toThrow(TypeError);
  });

  it('refuses a lifetime that is not a positive whole number of seconds', () => {
    for (const maxAgeSeconds of [0, -1, 1.5, Number.NaN]) {
      expect(() => sessionCookie(TOKEN, { secure: true, maxAgeSeconds })).toThrow(RangeError);
    }
  });
});

describe('clearSessionCookie', () => {
  it('empties the cookie at once, with the same attributes', () => {
    expect(clearSessionCookie({ secure: true })).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0`);
    expect(clearSessionCookie({ secure: false })).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
  });
});

describe('readCookie', () => {
  it("reads API Gateway v2's cookies array", () => {
    const event = { cookies: ['theme=dark', `${SESSION_COOKIE}=${TOKEN}`], headers: {} };

    expect(readCookie(event, SESSION_COOKIE)).toBe(TOKEN);
    expect(readCookie(event, 'theme')).toBe('dark');
  });

  it('reads a raw Cookie header, whatever its case', () => {
    expect(readCookie({ headers: { cookie: `theme=dark; ${SESSION_COOKIE}=${TOKEN}` } }, SESSION_COOKIE)).toBe(TOKEN);
    expect(readCookie({ headers: { Cookie: `${SESSION_COOKIE}=${TOKEN}` } }, SESSION_COOKIE)).toBe(TOKEN);
  });

  it('matches the whole name, not a prefix or suffix of another cookie', () => {
    const event = { headers: { cookie: `x${SESSION_COOKIE}=forged; ${SESSION_COOKIE}x=forged` } };

    expect(readCookie(event, SESSION_COOKIE)).toBeUndefined();
  });

  it('keeps = signs inside the value and strips quotes', () => {
    expect(readCookie({ headers: { cookie: 'a=b=c' } }, 'a')).toBe('b=c');
    expect(readCookie({ headers: { cookie: 'a="quoted"' } }, 'a')).toBe('quoted');
  });

  it('treats an absent or empty cookie as no cookie', () => {
    expect(readCookie({ headers: {} }, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie({ cookies: [`${SESSION_COOKIE}=`], headers: {} }, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('isSecureOrigin', () => {
  it.each([
    ['http://localhost:3000', false],
    ['http://127.0.0.1:8080/', false],
    ['http://[::1]:3000', false],
    ['https://localhost:3000', true],
    ['https://personvern.obos.no', true],
    ['http://personvern.obos.no', true],
    ['http://localhost.evil.example', true],
    ['not a url', true],
  ])('%s → %s', (baseUrl, secure) => {
    expect(isSecureOrigin(baseUrl)).toBe(secure);
  });
});
