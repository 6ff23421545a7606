import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_ID_PATTERN, newRequestId } from '../../../functions/domain/request/request-id.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('newRequestId', () => {
  it('returns an id matching REQUEST_ID_PATTERN and carrying the receipt date', () => {
    // Act
    const id = newRequestId('2026-11-23');
    // Assess
    expect(id).toMatch(REQUEST_ID_PATTERN);
    expect(id.startsWith('NK-20261123-')).toBe(true);
  });

  it('returns ids without I, L, O or U and all distinct when many are made', () => {
    const ids = Array.from({ length: 2000 }, () => newRequestId('2026-11-23'));

    for (const id of ids) {
      expect(id).toMatch(REQUEST_ID_PATTERN);
      expect(id.slice(12)).not.toMatch(/[ILOU]/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns random parts that use the whole 32-character alphabet when many are made', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => newRequestId('2026-11-23').slice(12)).join(''));

    expect([...seen].sort().join('')).toBe(CROCKFORD);
  });

  it('returns an id carrying the given date for any receipt date (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), (date) => {
        const receiptDate = date.toISOString().slice(0, 10);

        const id = newRequestId(receiptDate);

        expect(id).toMatch(REQUEST_ID_PATTERN);
        expect(id.slice(3, 11)).toBe(receiptDate.replaceAll('-', ''));
      }),
    );
  });
});

describe('REQUEST_ID_PATTERN', () => {
  it.each(['NK-20261123-7KQ4M2PX', 'NK-20261123-00000000', 'NK-20261123-ZZZZZZZZ'])('returns true for %s', (id) => {
    expect(REQUEST_ID_PATTERN.test(id)).toBe(true);
  });

  it.each([
    'NK-20261123-7KQ4M2PI',
    'NK-20261123-7KQ4M2PL',
    'NK-20261123-7KQ4M2PO',
    'NK-20261123-7KQ4M2PU',
    'nk-20261123-7kq4m2px',
    'NK-20261123-7KQ4M2P',
    'NK-20261123-7KQ4M2PXX',
    'NK-2026-11-23-7KQ4M2PX',
    'XX-20261123-7KQ4M2PX',
    ' NK-20261123-7KQ4M2PX',
  ])('returns false for %j', (id) => {
    expect(REQUEST_ID_PATTERN.test(id)).toBe(false);
  });
});
