import { describe, expect, it } from 'vitest';
import { authorizeStaff, sessionTokenFrom } from '../../../functions/domain/staff-auth/authorize-staff.js';
import type { StaffGroup } from '../../../functions/domain/staff-auth/staff-identity.js';
import { SESSION_COOKIE } from '../../../functions/domain/staff-auth/session-cookie.js';
import { ISSUED_AT, issuer, otherKey, forgeToken, validClaims, verifierAt } from './staff-token-fixture.js';

const tokenFor = (groups: StaffGroup[]) => issuer().issue({ username: 'kari.saksbehandler', groups });

describe('authorizeStaff', () => {
  const verifier = verifierAt();

  it.each([
    [[], 'staff', 403],
    [[], 'privacy-officer', 403],
    [['staff'], 'staff', 200],
    [['staff'], 'privacy-officer', 403],
    [['privacy-officer'], 'staff', 200],
    [['privacy-officer'], 'privacy-officer', 200],
    [['staff', 'privacy-officer'], 'privacy-officer', 200],
  ] as const)('a member of %j on a %s route gets %i', async (groups, required, status) => {
    const result = await authorizeStaff(verifier, { token: tokenFor([...groups]) }, required);

    expect(result.ok ? 200 : result.status).toBe(status);
  });

  it('returns the identity when allowed', async () => {
    await expect(authorizeStaff(verifier, { token: tokenFor(['staff']) }, 'staff')).resolves.toEqual({
      ok: true,
      identity: { username: 'kari.saksbehandler', groups: ['staff'] },
    });
  });

  it('answers 401 without a token, whatever the route requires', async () => {
    for (const required of ['staff', 'privacy-officer'] as const) {
      await expect(authorizeStaff(verifier, { token: undefined }, required)).resolves.toEqual({ ok: false, status: 401 });
      await expect(authorizeStaff(verifier, { token: '' }, required)).resolves.toEqual({ ok: false, status: 401 });
    }
  });

  it('answers 401, not 403, for an invalid or expired token claiming the right group', async () => {
    const forged = forgeToken({ ...validClaims(), 'cognito:groups': ['privacy-officer'] }, undefined, otherKey);
    const expired = verifierAt(new Date(ISSUED_AT.getTime() + 2 * 3600_000));

    await expect(authorizeStaff(verifier, { token: forged }, 'privacy-officer')).resolves.toEqual({ ok: false, status: 401 });
    await expect(authorizeStaff(expired, { token: tokenFor(['privacy-officer']) }, 'staff')).resolves.toEqual({
      ok: false,
      status: 401,
    });
  });

  it('throws faults that are not about the token', async () => {
    const failure = new Error('key set down');

    await expect(
      authorizeStaff({ verify: () => Promise.reject(failure) }, { token: tokenFor(['staff']) }, 'staff'),
    ).rejects.toBe(failure);
  });
});

describe('sessionTokenFrom', () => {
  it('takes the session cookie', () => {
    expect(sessionTokenFrom({ cookies: [`${SESSION_COOKIE}=a.b.c`], headers: {} })).toBe('a.b.c');
    expect(sessionTokenFrom({ headers: { cookie: `${SESSION_COOKIE}=a.b.c` } })).toBe('a.b.c');
  });

  it('falls back to an Authorization: Bearer header', () => {
    expect(sessionTokenFrom({ headers: { authorization: 'Bearer a.b.c' } })).toBe('a.b.c');
    expect(sessionTokenFrom({ headers: { Authorization: 'bearer a.b.c' } })).toBe('a.b.c');
  });

  it('prefers the cookie over the header', () => {
    expect(sessionTokenFrom({ cookies: [`${SESSION_COOKIE}=from.the.cookie`], headers: { authorization: 'Bearer from.the.header' } })).toBe(
      'from.the.cookie',
    );
  });

  it('finds nothing without either, or with another scheme', () => {
    expect(sessionTokenFrom({ headers: {} })).toBeUndefined();
    expect(sessionTokenFrom({ headers: { authorization: 'Basic a2FyaTpoZW1tZWxpZw==' } })).toBeUndefined();
    expect(sessionTokenFrom({ headers: { authorization: 'Bearer ' } })).toBeUndefined();
  });
});
