import { describe, it, expect } from 'vitest';
import {
  InvalidDateError,
  addDays,
  addMonthsClamped,
  compareCalendarDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatCalendarDate,
  fromEpochDay,
  isCalendarDate,
  isLeapYear,
  parseCalendarDate,
  toEpochDay,
} from '../../../functions/domain/deadline/calendar-date.js';

// Weekday anchors used throughout these tests (worked out by hand from 1 Jan 2026 = Thursday):
// 2026: Jan 1 Thu, Feb 1 Sun, Mar 1 Sun, Apr 1 Wed, May 1 Fri, Jun 1 Mon, Jul 1 Wed, Aug 1 Sat,
//       Sep 1 Tue, Oct 1 Thu, Nov 1 Sun, Dec 1 Tue.
// 2027: Jan 1 Fri; 2028 (leap): Jan 1 Sat, Feb 1 Tue, Mar 1 Wed; 2029: Jan 1 Mon; 2030: Jan 1 Tue.

describe('isLeapYear', () => {
  it.each([
    [2028, true], // divisible by 4, not a century
    [2024, true],
    [2000, true], // century divisible by 400
    [2400, true],
    [2026, false],
    [2027, false],
    [2029, false],
    [2100, false], // century not divisible by 400
    [1900, false],
  ])('returns $1 when the year is $0', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it('throws InvalidDateError when the year is not an integer', () => {
    expect(() => isLeapYear(2026.5)).toThrow(InvalidDateError);
    expect(() => isLeapYear(Number.NaN)).toThrow(InvalidDateError);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2027, 2, 28],
    [2028, 2, 29],
    [2029, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2026, 3, 31],
    [2026, 4, 30],
    [2026, 5, 31],
    [2026, 6, 30],
    [2026, 7, 31],
    [2026, 8, 31],
    [2026, 9, 30],
    [2026, 10, 31],
    [2026, 11, 30],
    [2026, 12, 31],
  ])('returns $2 when the month is $0-$1', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });

  it('throws InvalidDateError when the month is outside 1–12', () => {
    expect(() => daysInMonth(2026, 0)).toThrow(InvalidDateError);
    expect(() => daysInMonth(2026, 13)).toThrow(InvalidDateError);
    expect(() => daysInMonth(2026, 1.5)).toThrow(InvalidDateError);
  });
});

describe('parseCalendarDate', () => {
  it('returns the numeric fields when given a valid date', () => {
    expect(parseCalendarDate('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDate('0001-01-01')).toEqual({ year: 1, month: 1, day: 1 });
    expect(parseCalendarDate('9999-12-31')).toEqual({ year: 9999, month: 12, day: 31 });
  });

  it.each([
    ['2026-3-5'], // not zero-padded
    ['2026-02-29'], // 2026 is not a leap year
    ['2100-02-29'], // 2100 is not a leap year
    ['2028-02-30'],
    ['2026-04-31'], // April has 30 days
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-01-00'],
    ['2026-01-32'],
    ['0000-01-01'], // no year zero
    ['20260101'],
    ['2026-01-01T00:00:00Z'],
    [' 2026-01-01'],
    ['2026-01-01 '],
    ['+2026-01-01'],
    [''],
  ])('throws InvalidDateError when given $0', (value) => {
    expect(() => parseCalendarDate(value)).toThrow(InvalidDateError);
  });

  it('throws InvalidDateError when given a non-string', () => {
    expect(() => parseCalendarDate(20260101)).toThrow(InvalidDateError);
    expect(() => parseCalendarDate(null)).toThrow(InvalidDateError);
    expect(() => parseCalendarDate(undefined)).toThrow(InvalidDateError);
    expect(() => parseCalendarDate(new Date('2026-01-01T00:00:00Z'))).toThrow(InvalidDateError);
  });

  it('returns an error whose name ends in Error and that carries the input', () => {
    try {
      parseCalendarDate('2026-02-30');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDateError);
      expect(error).toBeInstanceOf(Error);
      expect((error as InvalidDateError).name).toBe('InvalidDateError');
      expect((error as InvalidDateError).value).toBe('2026-02-30');
      expect((error as InvalidDateError).message).toContain('2026-02-30');
    }
  });
});

describe('formatCalendarDate', () => {
  it('returns a zero-padded YYYY-MM-DD string when given valid fields', () => {
    expect(formatCalendarDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(formatCalendarDate({ year: 5, month: 1, day: 1 })).toBe('0005-01-01');
  });

  it('throws InvalidDateError when the fields do not form a date', () => {
    expect(() => formatCalendarDate({ year: 2026, month: 2, day: 29 })).toThrow(InvalidDateError);
    expect(() => formatCalendarDate({ year: 2026, month: 1, day: 0 })).toThrow(InvalidDateError);
    expect(() => formatCalendarDate({ year: 10000, month: 1, day: 1 })).toThrow(InvalidDateError);
    expect(() => formatCalendarDate({ year: 2026, month: 1, day: 1.5 })).toThrow(InvalidDateError);
  });
});

describe('isCalendarDate', () => {
  it('returns true for a valid date and false for anything else', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
    expect(isCalendarDate(42)).toBe(false);
  });
});

describe('toEpochDay / fromEpochDay', () => {
  it('returns days since 1970-01-01 when given a date', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1970-01-02')).toBe(1);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    // 2000-01-01T00:00Z is Unix time 946 684 800 s = 10 957 days.
    expect(toEpochDay('2000-01-01')).toBe(10957);
  });

  it('returns the date when given its epoch day', () => {
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(fromEpochDay(10957)).toBe('2000-01-01');
    // 10957 + 366 (2000) + 365 × 3 (2001–2003) = 12418 → 2004-01-01.
    expect(fromEpochDay(12418)).toBe('2004-01-01');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'], // 2026 is not a leap year
    ['2028-02-28', 1, '2028-02-29'], // 2028 is
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
    ['2026-01-01', -365, '2025-01-01'],
    ['2026-04-02', 5, '2026-04-07'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('returns $2 when adding $1 days to $0', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('throws InvalidDateError when n is not an integer or the date is malformed', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(InvalidDateError);
    expect(() => addDays('2026-02-30', 1)).toThrow(InvalidDateError);
  });

  it('throws InvalidDateError when the result leaves years 1–9999', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(InvalidDateError);
    expect(() => addDays('0001-01-01', -1)).toThrow(InvalidDateError);
  });
});

describe('daysBetween', () => {
  it('returns the signed number of days from the first date to the second', () => {
    // Jan 31 → Feb 28 is 28 days in 2026, then 2 more to Mar 2.
    expect(daysBetween('2026-01-31', '2026-03-02')).toBe(30);
    expect(daysBetween('2026-03-02', '2026-01-31')).toBe(-30);
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
  });
});

describe('compareCalendarDates', () => {
  it('returns -1, 0 or 1 when the first date is before, equal to or after the second', () => {
    expect(compareCalendarDates('2026-12-31', '2027-01-01')).toBe(-1);
    expect(compareCalendarDates('2027-01-01', '2027-01-01')).toBe(0);
    expect(compareCalendarDates('2027-01-02', '2027-01-01')).toBe(1);
  });

  it('throws InvalidDateError when a date is malformed', () => {
    expect(() => compareCalendarDates('2026-1-1', '2026-01-01')).toThrow(InvalidDateError);
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'], // same day-of-month
    ['2026-01-31', 1, '2026-02-28'], // clamped: February 2026 has 28 days
    ['2026-01-29', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year: 29 days
    ['2028-01-30', 1, '2028-02-29'],
    ['2028-01-29', 1, '2028-02-29'], // exists, no clamping needed
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-10-31', 1, '2026-11-30'],
    ['2026-07-31', 1, '2026-08-31'], // July and August both have 31
    ['2026-12-15', 1, '2027-01-15'], // year boundary
    ['2026-11-30', 3, '2027-02-28'], // Nov → Feb across the year boundary
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-12-31', 3, '2027-03-31'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2099-01-31', 13, '2100-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-31', 0, '2026-05-31'],
  ])('returns $2 when adding $1 months to $0', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('throws InvalidDateError when months is not an integer', () => {
    expect(() => addMonthsClamped('2026-01-31', 1.5)).toThrow(InvalidDateError);
  });

  it('throws InvalidDateError when the result leaves years 1–9999', () => {
    expect(() => addMonthsClamped('9999-12-01', 1)).toThrow(InvalidDateError);
    expect(() => addMonthsClamped('0001-01-01', -1)).toThrow(InvalidDateError);
  });

  it('throws InvalidDateError when the date is malformed', () => {
    expect(() => addMonthsClamped('2026-02-31', 1)).toThrow(InvalidDateError);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4], // Thursday, the epoch
    ['1969-12-31', 3], // Wednesday, before the epoch
    ['2000-01-01', 6], // Saturday
    ['2026-01-01', 4], // Thursday
    ['2026-02-28', 6], // Feb 1 Sun → Feb 28 Sat
    ['2026-03-29', 0], // Mar 1 Sun → Mar 29 Sun (DST starts)
    ['2026-12-24', 4], // Dec 1 Tue → Dec 24 Thu
    ['2027-01-01', 5], // Friday
    ['2028-02-29', 2], // Feb 1 Tue → Feb 29 Tue
    ['2029-01-01', 1], // Monday
    ['2030-01-01', 2], // Tuesday
  ])('returns $1 (0 = Sunday) when the date is $0', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});
