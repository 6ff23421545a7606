import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../../../functions/domain/deadline/index.js';
import {
  ACCOUNTING_MATERIAL,
  fiscalYearEnd,
  isUnderRetention,
  retentionEnd,
  type RetentionCategory,
} from '../../../functions/domain/retention/index.js';

describe('retentionEnd', () => {
  it.each([
    // [category, record date, last day kept] — computed by hand: end of fiscal year + 5 years.
    ['invoice', '2022-03-10', '2027-12-31'],
    ['invoice', '2022-01-01', '2027-12-31'],
    ['invoice', '2022-12-31', '2027-12-31'],
    ['invoice', '2023-01-01', '2028-12-31'],
    ['invoice', '2024-02-29', '2029-12-31'],
    ['invoice', '2020-02-29', '2025-12-31'],
    ['invoice', '2021-12-31', '2026-12-31'],
    ['invoice', '2026-11-24', '2031-12-31'],
  ] as const)('keeps primary material (%s of %s) until %s', (category, recordDate, end) => {
    expect(retentionEnd(category, recordDate)).toBe(end);
  });

  it.each([
    // End of fiscal year + 3 years 6 months: 31 Dec Y → 30 Jun Y+4.
    ['2022-03-10', '2026-06-30'],
    ['2022-12-31', '2026-06-30'],
    ['2023-01-01', '2027-06-30'],
    ['2024-02-29', '2028-06-30'],
    ['2021-12-31', '2025-06-30'],
    ['2026-11-24', '2030-06-30'],
  ])('keeps secondary material (payments, booking correspondence) of %s until %s', (recordDate, end) => {
    expect(retentionEnd('booking_correspondence', recordDate)).toBe(end);
    expect(retentionEnd('payment', recordDate)).toBe(end);
  });

  it.each<RetentionCategory>(['service_note', 'subscription', 'profile', 'consent', 'reservation', 'door_event'])(
    'returns undefined for %s, which is not accounting material',
    (category) => {
      expect(retentionEnd(category, '2024-05-05')).toBeUndefined();
      expect(ACCOUNTING_MATERIAL[category]).toBeUndefined();
    },
  );

  it.each(['2023-02-29', '2024-13-01', '24-01-01', ''])('throws InvalidDateError for the record date %j', (date) => {
    expect(() => retentionEnd('invoice', date)).toThrow(InvalidDateError);
    expect(() => retentionEnd('service_note', date)).toThrow(InvalidDateError);
  });
});

describe('fiscalYearEnd', () => {
  it.each([
    ['2022-03-10', '2022-12-31'],
    ['2022-12-31', '2022-12-31'],
    ['2024-02-29', '2024-12-31'],
  ])('returns the 31 December of %s', (date, end) => {
    expect(fiscalYearEnd(date)).toBe(end);
  });
});

describe('isUnderRetention', () => {
  it.each([
    ['2027-12-31', true],
    ['2028-01-01', false],
    ['2022-03-10', true],
    ['2019-01-01', true],
  ])('returns %s → %s for an invoice of 2022-03-10 (kept until 2027-12-31)', (today, expected) => {
    expect(isUnderRetention('invoice', '2022-03-10', today)).toBe(expected);
  });

  it.each([
    ['2026-06-30', true],
    ['2026-07-01', false],
  ])('returns %s → %s for secondary material of 2022', (today, expected) => {
    expect(isUnderRetention('booking_correspondence', '2022-08-15', today)).toBe(expected);
  });

  it('returns false for a category without legal retention, whatever the dates', () => {
    expect(isUnderRetention('service_note', '2026-11-24', '2026-11-24')).toBe(false);
  });
});
