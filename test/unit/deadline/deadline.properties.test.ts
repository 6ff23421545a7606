import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  deadlineFromReceiptDate,
  easterSunday,
  endOfDeadlineInstant,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  osloCalendarDate,
  parseInstant,
  statutoryDeadline,
  toEpochDay,
  addWorkingDays,
  workingDaysBetween,
} from '../../../functions/domain/deadline/index.js';

const MS_PER_DAY = 86_400_000;

/** YYYY-MM-DD from a UTC epoch day, via `Date` — independent of the code under test. */
function utcDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch day of a `YYYY-MM-DD` date via `Date.UTC` — independent of the code under test. */
function epochDayViaDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

const EPOCH_DAY_1900 = Date.UTC(1900, 0, 1) / MS_PER_DAY;
const EPOCH_DAY_2200 = Date.UTC(2199, 11, 31) / MS_PER_DAY;

/** Receipt dates from 1900 to 2199. */
const calendarDate = fc.integer({ min: EPOCH_DAY_1900, max: EPOCH_DAY_2200 }).map(utcDateOfEpochDay);

/** Instants from 1980 to 2100 (the range where Oslo is always on CET/CEST). */
const instantMs = fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) });

/**
 * Gauss's Easter algorithm (Gregorian, with the two exceptions) — a second, independently
 * derived computus to check the Meeus implementation against.
 */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const m = (((15 - p + k - q) % 30) + 30) % 30;
  const n = (((4 + k - q) % 7) + 7) % 7;
  const d = (19 * a + m) % 30;
  const e = (2 * b + 4 * c + 6 * d + n) % 7;
  let marchDay = 22 + d + e;
  if (d === 29 && e === 6) marchDay = 50; // 19 April
  else if (d === 28 && e === 6 && (11 * m + 11) % 30 < 19) marchDay = 49; // 18 April
  const month = marchDay > 31 ? 4 : 3;
  const day = marchDay > 31 ? marchDay - 31 : marchDay;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('calendar arithmetic (properties)', () => {
  it('returns the same epoch day and weekday as Date.UTC when given any date', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        expect(toEpochDay(date)).toBe(epochDayViaDate(date));
        expect(dayOfWeek(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('returns the same date as Date when adding any number of days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(addDays(date, n)).toBe(utcDateOfEpochDay(epochDayViaDate(date) + n));
      }),
    );
  });

  it('returns the same day-of-month, or the last day of a shorter month, when adding months', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -24, max: 24 }), (date, months) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        const result = addMonthsClamped(date, months);
        const [rYear, rMonth, rDay] = result.split('-').map(Number) as [number, number, number];
        expect(rYear * 12 + rMonth - (year * 12 + month)).toBe(months);
        expect(rDay).toBe(Math.min(day, daysInMonth(rYear, rMonth)));
      }),
    );
  });
});

describe('easterSunday (properties)', () => {
  it('returns a Sunday between 22 March and 25 April when given any Gregorian year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(new Date(`${easter}T00:00:00Z`).getUTCDay()).toBe(0);
        const monthDay = easter.slice(5);
        expect(monthDay >= '03-22' && monthDay <= '04-25').toBe(true);
      }),
    );
  });

  it("returns the same date as Gauss's algorithm when given any Gregorian year", () => {
    for (let year = 1583; year <= 9999; year += 1) {
      if (easterSunday(year) !== gaussEaster(year)) {
        expect.fail(`Easter ${year}: Meeus ${easterSunday(year)}, Gauss ${gaussEaster(year)}`);
      }
    }
  });
});

describe('working days (properties)', () => {
  it('returns the same count as stepping day by day when counting working days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -400, max: 400 }), (from, span) => {
        const to = addDays(from, span);
        let naive = 0;
        for (let i = 1; i <= Math.abs(span); i += 1) {
          if (isWorkingDay(addDays(span >= 0 ? from : to, i))) naive += 1;
        }
        expect(workingDaysBetween(from, to)).toBe(span >= 0 ? naive : 0 - naive);
      }),
    );
  });

  it('returns counts that are antisymmetric and additive when splitting a range', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, calendarDate, (a, b, c) => {
        expect(workingDaysBetween(b, a)).toBe(0 - workingDaysBetween(a, b));
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
    );
  });

  it('returns a working day exactly n working days later when adding n > 0 working days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const result = addWorkingDays(date, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(workingDaysBetween(date, result)).toBe(n);
      }),
    );
  });

  it('returns the original working day when adding n and then -n working days', () => {
    fc.assert(
      fc.property(calendarDate.map(nextWorkingDayOnOrAfter), fc.integer({ min: -60, max: 60 }), (date, n) => {
        expect(addWorkingDays(addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });
});

describe('deadlineFromReceiptDate (properties)', () => {
  const options = fc.boolean().map((extended) => ({ extended }));

  it('returns a working day when given any receipt date', () => {
    fc.assert(
      fc.property(calendarDate, options, (receipt, opts) => {
        expect(isWorkingDay(deadlineFromReceiptDate(receipt, opts))).toBe(true);
      }),
    );
  });

  it('returns a date after the receipt date, within 28–36 days (one month) or 89–97 days (extended)', () => {
    fc.assert(
      fc.property(calendarDate, options, (receipt, opts) => {
        const days = daysBetween(receipt, deadlineFromReceiptDate(receipt, opts));
        // One month is 28–31 days; three months 89–92. The roll-forward adds at most 5 days
        // (Maundy Thursday → the Tuesday after Easter Monday).
        if (opts.extended) {
          expect(days).toBeGreaterThanOrEqual(89);
          expect(days).toBeLessThanOrEqual(92 + 5);
        } else {
          expect(days).toBeGreaterThanOrEqual(28);
          expect(days).toBeLessThanOrEqual(31 + 5);
        }
      }),
    );
  });

  it('returns the first working day on or after the clamped date, with only non-working days in between', () => {
    fc.assert(
      fc.property(calendarDate, options, (receipt, opts) => {
        const clamped = addMonthsClamped(receipt, opts.extended ? 3 : 1);
        const deadline = deadlineFromReceiptDate(receipt, opts);
        const gap = daysBetween(clamped, deadline);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(5);
        for (let i = 0; i < gap; i += 1) {
          expect(isWorkingDay(addDays(clamped, i))).toBe(false);
        }
      }),
    );
  });

  it('returns an extended deadline later than the ordinary one when given the same receipt date', () => {
    fc.assert(
      fc.property(calendarDate, (receipt) => {
        const ordinary = deadlineFromReceiptDate(receipt);
        const extended = deadlineFromReceiptDate(receipt, { extended: true });
        expect(daysBetween(ordinary, extended)).toBeGreaterThan(0);
      }),
    );
  });

  it('returns deadlines in the same order as the receipt dates (never earlier for a later receipt)', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 10 }), options, (receipt, later, opts) => {
        const first = deadlineFromReceiptDate(receipt, opts);
        const second = deadlineFromReceiptDate(addDays(receipt, later), opts);
        expect(daysBetween(first, second)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('osloCalendarDate and statutoryDeadline (properties)', () => {
  it('returns the UTC date one or two hours later when given any instant (Oslo is UTC+1 or UTC+2)', () => {
    fc.assert(
      fc.property(instantMs, (ms) => {
        const oslo = osloCalendarDate(new Date(ms));
        const plusOne = new Date(ms + 3_600_000).toISOString().slice(0, 10);
        const plusTwo = new Date(ms + 7_200_000).toISOString().slice(0, 10);
        expect([plusOne, plusTwo]).toContain(oslo);
      }),
    );
  });

  it('returns the same instant and Oslo date whatever offset the instant is written with', () => {
    fc.assert(
      fc.property(instantMs, fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offsetMinutes) => {
        const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const written = `${local}${offset}`;
        expect(parseInstant(written)).toBe(ms);
        expect(osloCalendarDate(written)).toBe(osloCalendarDate(new Date(ms)));
      }),
    );
  });

  it('returns the deadline of the Oslo receipt date when given any instant', () => {
    fc.assert(
      fc.property(instantMs, fc.boolean(), (ms, extended) => {
        const receivedAt = new Date(ms).toISOString();
        expect(statutoryDeadline(receivedAt, { extended })).toBe(
          deadlineFromReceiptDate(osloCalendarDate(receivedAt), { extended }),
        );
      }),
    );
  });

  it('returns an end instant in the last second of the due date in Oslo', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2099, 11, 1) }), (ms) => {
        const due = new Date(ms).toISOString().slice(0, 10);
        const end = endOfDeadlineInstant(due);
        expect(end).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+0[12]:00$/);
        expect(osloCalendarDate(end)).toBe(due);
        expect(osloCalendarDate(new Date(Date.parse(end) + 1000))).toBe(addDays(due, 1));
      }),
    );
  });
});
