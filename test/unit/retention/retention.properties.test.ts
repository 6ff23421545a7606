import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, compareCalendarDates } from '../../../functions/domain/deadline/index.js';
import { isUnderRetention, retentionEnd, type RetentionCategory } from '../../../functions/domain/retention/index.js';

const MS_PER_DAY = 86_400_000;

/** Dates 1950–2150 through `Date` in UTC, independent of the code under test. */
const calendarDate = fc
  .integer({ min: Date.UTC(1950, 0, 1) / MS_PER_DAY, max: Date.UTC(2150, 11, 31) / MS_PER_DAY })
  .map((epochDay) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10));

/** Invoices (credit notes included) are primary documentation; payment records and booking correspondence are secondary. */
const primary = fc.constantFrom<RetentionCategory>('invoice');
const secondary = fc.constantFrom<RetentionCategory>('payment', 'booking_correspondence');
const anyCategory = fc.constantFrom<RetentionCategory>(
  'invoice',
  'payment',
  'booking_correspondence',
  'service_note',
  'subscription',
  'profile',
  'consent',
  'reservation',
  'door_event',
);

const yearOf = (date: string) => Number(date.slice(0, 4));

describe('retention rules (properties)', () => {
  it('ends primary material on the 31 December five years after the record’s fiscal year', () => {
    fc.assert(
      fc.property(primary, calendarDate, (category, date) => {
        expect(retentionEnd(category, date)).toBe(`${yearOf(date) + 5}-12-31`);
      }),
    );
  });

  it('ends secondary material on a 30 June, three and a half years after its fiscal year ends', () => {
    fc.assert(
      fc.property(secondary, calendarDate, (category, date) => {
        expect(retentionEnd(category, date)).toBe(`${yearOf(date) + 4}-06-30`);
      }),
    );
  });

  it('keeps primary material at least five years after the record date', () => {
    fc.assert(
      fc.property(primary, calendarDate, (category, date) => {
        const end = retentionEnd(category, date) as string;
        expect(compareCalendarDates(end, addMonthsClamped(date, 60))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('keeps secondary material at least three and a half years after the record date', () => {
    fc.assert(
      fc.property(secondary, calendarDate, (category, date) => {
        const end = retentionEnd(category, date) as string;
        expect(compareCalendarDates(end, addMonthsClamped(date, 42))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('ends secondary material exactly half a year before primary material of the same date', () => {
    fc.assert(
      fc.property(primary, secondary, calendarDate, (p, s, date) => {
        // The day after the secondary end, plus 18 months, is the day after the primary end.
        expect(addMonthsClamped(addDays(retentionEnd(s, date) as string, 1), 18)).toBe(addDays(retentionEnd(p, date) as string, 1));
        expect(addDays(retentionEnd(s, date) as string, 1)).toBe(`${yearOf(date) + 4}-07-01`);
      }),
    );
  });

  it('gives every record of one fiscal year the same end date in its class', () => {
    fc.assert(
      fc.property(fc.constantFrom<RetentionCategory>('invoice', 'payment'), calendarDate, fc.integer({ min: 0, max: 364 }), (category, a, n) => {
        const b = addDays(`${a.slice(0, 4)}-01-01`, n);
        expect(retentionEnd(category, a)).toBe(retentionEnd(category, b));
      }),
    );
  });

  it('never ends earlier for a later record', () => {
    fc.assert(
      fc.property(anyCategory, calendarDate, calendarDate, (category, a, b) => {
        const [earlier, later] = compareCalendarDates(a, b) <= 0 ? [a, b] : [b, a];
        const endEarlier = retentionEnd(category, earlier);
        const endLater = retentionEnd(category, later);
        if (endEarlier === undefined || endLater === undefined) {
          expect(endEarlier).toBe(endLater);
        } else {
          expect(compareCalendarDates(endEarlier, endLater)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('keeps a record through its end and releases it from the day after', () => {
    fc.assert(
      fc.property(anyCategory, calendarDate, fc.integer({ min: 1, max: 4000 }), (category, date, daysPast) => {
        const end = retentionEnd(category, date);
        if (end === undefined) {
          expect(isUnderRetention(category, date, date)).toBe(false);
          return;
        }
        expect(isUnderRetention(category, date, end)).toBe(true);
        expect(isUnderRetention(category, date, date)).toBe(true);
        expect(isUnderRetention(category, date, addDays(end, daysPast))).toBe(false);
      }),
    );
  });
});
