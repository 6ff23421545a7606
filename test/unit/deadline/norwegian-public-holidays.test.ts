import { describe, it, expect } from 'vitest';
import { InvalidDateError } from '../../../functions/domain/deadline/calendar-date.js';
import {
  addWorkingDays,
  easterSunday,
  isNorwegianPublicHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  norwegianPublicHolidays,
  workingDaysBetween,
} from '../../../functions/domain/deadline/norwegian-public-holidays.js';

// Hand-worked holiday calendars (weekday anchors: 1 Jan 2026 Thu, 2027 Fri, 2028 Sat, 2029 Mon,
// 2030 Tue; Ascension = Easter + 39, Whit Sunday = Easter + 49, Whit Monday = Easter + 50):
// 2026 Easter Apr 5:  Maundy Thu Apr 2, Good Fri Apr 3, Easter Mon Apr 6, Ascension May 14 (Thu),
//      Whit Sun May 24, Whit Mon May 25. 1 May Fri, 17 May Sun, 25 Dec Fri, 26 Dec Sat.
// 2027 Easter Mar 28: Mar 25, Mar 26, Mar 29, Ascension May 6, Whit May 16/17 — Whit Monday is
//      17 May itself. 1 May Sat, 25 Dec Sat, 26 Dec Sun.
// 2028 Easter Apr 16: Apr 13, Apr 14, Apr 17, Ascension May 25, Whit Jun 4/5. 1 May Mon,
//      17 May Wed, 25 Dec Mon, 26 Dec Tue, 1 Jan Sat.
// 2029 Easter Apr 1:  Mar 29, Mar 30, Apr 2, Ascension May 10, Whit May 20/21. 1 May Tue,
//      17 May Thu, 25 Dec Tue, 26 Dec Wed.
// 2030 Easter Apr 21: Apr 18, Apr 19, Apr 22, Ascension May 30, Whit Jun 9/10. 1 May Wed,
//      17 May Fri, 25 Dec Wed, 26 Dec Thu.

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
  ])('returns $1 when the year is $0', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('throws InvalidDateError when the year is not an integer in 1–9999', () => {
    expect(() => easterSunday(2026.5)).toThrow(InvalidDateError);
    expect(() => easterSunday(0)).toThrow(InvalidDateError);
    expect(() => easterSunday(10000)).toThrow(InvalidDateError);
  });
});

describe('norwegianPublicHolidays', () => {
  it('returns all twelve 2026 holidays in date order with both names', () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name_nb: 'Første nyttårsdag', name_en: "New Year's Day" },
      { date: '2026-04-02', name_nb: 'Skjærtorsdag', name_en: 'Maundy Thursday' },
      { date: '2026-04-03', name_nb: 'Langfredag', name_en: 'Good Friday' },
      { date: '2026-04-05', name_nb: 'Første påskedag', name_en: 'Easter Sunday' },
      { date: '2026-04-06', name_nb: 'Andre påskedag', name_en: 'Easter Monday' },
      { date: '2026-05-01', name_nb: 'Offentlig høytidsdag (1. mai)', name_en: 'Labour Day' },
      // Ascension (14 May) comes before 17 May this year: the list is sorted by date.
      { date: '2026-05-14', name_nb: 'Kristi himmelfartsdag', name_en: 'Ascension Day' },
      { date: '2026-05-17', name_nb: 'Grunnlovsdag (17. mai)', name_en: 'Constitution Day' },
      { date: '2026-05-24', name_nb: 'Første pinsedag', name_en: 'Whit Sunday' },
      { date: '2026-05-25', name_nb: 'Andre pinsedag', name_en: 'Whit Monday' },
      { date: '2026-12-25', name_nb: 'Første juledag', name_en: 'Christmas Day' },
      { date: '2026-12-26', name_nb: 'Andre juledag', name_en: "St Stephen's Day" },
    ]);
  });

  it.each([
    [2027, ['2027-01-01', '2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-16', '2027-05-17', '2027-05-17', '2027-12-25', '2027-12-26']],
    [2028, ['2028-01-01', '2028-04-13', '2028-04-14', '2028-04-16', '2028-04-17', '2028-05-01', '2028-05-17', '2028-05-25', '2028-06-04', '2028-06-05', '2028-12-25', '2028-12-26']],
    [2029, ['2029-01-01', '2029-03-29', '2029-03-30', '2029-04-01', '2029-04-02', '2029-05-01', '2029-05-10', '2029-05-17', '2029-05-20', '2029-05-21', '2029-12-25', '2029-12-26']],
    [2030, ['2030-01-01', '2030-04-18', '2030-04-19', '2030-04-21', '2030-04-22', '2030-05-01', '2030-05-17', '2030-05-30', '2030-06-09', '2030-06-10', '2030-12-25', '2030-12-26']],
  ])('returns the hand-computed dates when the year is $0', (year, expected) => {
    expect(norwegianPublicHolidays(year).map((holiday) => holiday.date)).toEqual(expected);
  });

  it('returns both holidays when 17 May is also Whit Monday (2027)', () => {
    const may17 = norwegianPublicHolidays(2027).filter((holiday) => holiday.date === '2027-05-17');
    expect(may17.map((holiday) => holiday.name_en)).toEqual(['Constitution Day', 'Whit Monday']);
  });

  it('returns both holidays when Ascension Day falls on 1 May (2008: Easter 23 Mar + 39 days)', () => {
    const may1 = norwegianPublicHolidays(2008).filter((holiday) => holiday.date === '2008-05-01');
    expect(may1.map((holiday) => holiday.name_en)).toEqual(['Labour Day', 'Ascension Day']);
  });

  it('returns a fresh array each time so callers cannot corrupt later results', () => {
    const first = norwegianPublicHolidays(2026);
    first.length = 0;
    expect(norwegianPublicHolidays(2026)).toHaveLength(12);
  });
});

describe('isNorwegianPublicHoliday', () => {
  it.each([
    '2026-01-01',
    '2026-04-02',
    '2026-04-03',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-17',
    '2026-05-24',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
    '2027-05-17',
    '2029-03-29',
    '2030-06-10',
  ])('returns true when the date is %s', (date) => {
    expect(isNorwegianPublicHoliday(date)).toBe(true);
  });

  it.each([
    '2026-12-24', // Christmas Eve is a working day
    '2026-12-31', // New Year's Eve is a working day
    '2026-04-04', // Easter Saturday is not a holiday (only a weekend day)
    '2026-04-01', // Wednesday before Maundy Thursday
    '2026-04-07', // Tuesday after Easter Monday
    '2026-05-16',
    '2026-05-18', // no substitute day for 17 May on a Sunday
    '2026-12-28', // no substitute day for 26 Dec on a Saturday
    '2026-02-14',
  ])('returns false when the date is %s', (date) => {
    expect(isNorwegianPublicHoliday(date)).toBe(false);
  });

  it('throws InvalidDateError when the date is malformed', () => {
    expect(() => isNorwegianPublicHoliday('2026-5-17')).toThrow(InvalidDateError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-24', true], // Thursday, not a holiday
    ['2026-12-31', true], // Thursday, not a holiday
    ['2026-02-16', true], // Monday
    ['2026-04-07', true], // Tuesday after Easter
    ['2026-04-02', false], // Maundy Thursday
    ['2026-04-04', false], // Saturday
    ['2026-02-15', false], // Sunday
    ['2026-05-17', false], // Sunday and a holiday
    ['2028-05-17', false], // Wednesday, Constitution Day
    ['2028-12-26', false], // Tuesday, St Stephen's Day
  ])('returns $1 when the date is $0', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2026-04-07', '2026-04-07'], // already a working day
    ['2026-04-02', '2026-04-07'], // Thu H → Fri H → Sat → Sun H → Mon H → Tue
    ['2026-12-25', '2026-12-28'], // Fri H → Sat H → Sun → Mon
    ['2027-12-24', '2027-12-24'], // Christmas Eve (Fri) stays
    ['2027-12-25', '2027-12-27'], // Sat H → Sun H → Mon
    ['2028-12-23', '2028-12-27'], // Sat → Sun 24 → Mon 25 H → Tue 26 H → Wed 27
    ['2027-05-15', '2027-05-18'], // Sat → Sun (Whit Sun) → Mon 17 May/Whit Mon → Tue
    ['2026-12-31', '2026-12-31'], // New Year's Eve (Thu) stays
    ['2027-01-01', '2027-01-04'], // Fri H → Sat → Sun → Mon
  ])('returns $1 when the date is $0', (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-01-05', '2026-01-05', 0], // same date
    ['2026-01-02', '2026-01-05', 1], // Fri → Mon
    ['2026-01-05', '2026-01-09', 4], // Mon → Fri: Tue, Wed, Thu, Fri
    ['2026-01-05', '2026-01-12', 5], // Tue–Fri and the next Monday
    ['2026-01-03', '2026-01-04', 0], // Sat → Sun
    ['2026-04-01', '2026-04-07', 1], // only Tue 7 Apr counts over Easter
    ['2026-03-31', '2026-04-08', 3], // Wed 1, Tue 7, Wed 8
    // Wed 23 Dec → Mon 4 Jan: Dec 24, 28, 29, 30, 31 and Jan 4 (25 Dec and 1 Jan are holidays).
    ['2026-12-23', '2027-01-04', 6],
    // Whole years, from 31 Dec of the year before to 31 Dec:
    // 2026 starts on a Thursday: 261 weekdays; weekday holidays Jan 1, Apr 2, 3, 6, May 1, 14,
    // 25, Dec 25 = 8 → 253.
    ['2025-12-31', '2026-12-31', 253],
    // 2027 starts on a Friday: 261 weekdays; weekday holidays Jan 1, Mar 25, 26, 29, May 6, 17
    // (17 May and Whit Monday counted once) = 6 → 255.
    ['2026-12-31', '2027-12-31', 255],
    // 2028 (leap) starts on a Saturday: 260 weekdays; weekday holidays Apr 13, 14, 17, May 1,
    // 17, 25, Jun 5, Dec 25, 26 = 9 → 251.
    ['2027-12-31', '2028-12-31', 251],
    ['2025-12-31', '2028-12-31', 253 + 255 + 251],
  ])('returns $2 when counting from $0 to $1', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2026-01-05', '2026-01-02', -1],
    ['2027-01-04', '2026-12-23', -6],
    ['2026-04-07', '2026-04-01', -1],
    ['2028-12-31', '2025-12-31', -(253 + 255 + 251)],
  ])('returns $2 (negative) when $1 is before $0', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('returns 0, not -0, when counting backwards over a weekend only', () => {
    expect(workingDaysBetween('2026-01-04', '2026-01-03')).toBe(0);
  });

  it('throws InvalidDateError when a date is malformed', () => {
    expect(() => workingDaysBetween('2026-01-01', '2026-02-30')).toThrow(InvalidDateError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-04-01', 1, '2026-04-07'], // over Easter
    ['2026-04-01', 2, '2026-04-08'],
    ['2026-01-02', 1, '2026-01-05'], // Fri → Mon
    ['2026-01-05', 5, '2026-01-12'],
    ['2026-12-23', 6, '2027-01-04'],
    ['2026-04-04', 0, '2026-04-04'], // n = 0 leaves even a Saturday alone
    ['2026-04-07', -1, '2026-04-01'], // back over Easter
    ['2026-01-05', -1, '2026-01-02'],
    ['2026-01-02', -1, '2025-12-31'], // back over New Year's Day; 31 Dec (Wed) is a working day
  ])('returns $2 when adding $1 working days to $0', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('throws InvalidDateError when n is not an integer or the date is malformed', () => {
    expect(() => addWorkingDays('2026-01-01', 1.5)).toThrow(InvalidDateError);
    expect(() => addWorkingDays('2026-01-32', 1)).toThrow(InvalidDateError);
    expect(() => addWorkingDays('2026-01-32', 0)).toThrow(InvalidDateError);
  });
});
