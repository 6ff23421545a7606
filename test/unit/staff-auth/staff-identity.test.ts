import { describe, expect, it } from 'vitest';
import { isStaffGroup, toStaffIdentity } from '../../../functions/domain/staff-auth/staff-identity.js';

describe('toStaffIdentity', () => {
  it('keeps the known groups once each, in order', () => {
    expect(toStaffIdentity('kari.saksbehandler', ['privacy-officer', 'admin', 'staff', 'staff', 7])).toEqual({
      username: 'kari.saksbehandler',
      groups: ['privacy-officer', 'staff'],
    });
  });

  it('gives no groups when the claim is missing or not a list', () => {
    expect(toStaffIdentity('kari', undefined)?.groups).toEqual([]);
    expect(toStaffIdentity('kari', 'staff')?.groups).toEqual([]);
  });

  it('refuses usernames the audit trail cannot hold', () => {
    for (const username of ['', 'kari nordmann', 'kari"', 'kari/per', 'a'.repeat(101), 42, undefined]) {
      expect(toStaffIdentity(username, ['staff']), String(username)).toBeUndefined();
    }
    expect(toStaffIdentity('kari+test@obos.no', [])?.username).toBe('kari+test@obos.no');
  });
});

describe('isStaffGroup', () => {
  it('knows exactly staff and privacy-officer', () => {
    expect(['staff', 'privacy-officer', 'Staff', 'admin'].map(isStaffGroup)).toEqual([true, true, false, false]);
  });
});
