/**
 * Norwegian public holidays (helligdager, plus 1 and 17 May as offentlige høytidsdager) and
 * working-day arithmetic on top of them.
 *
 * Reg. 1182/71 Art. 3(4) moves a period that ends on a Saturday, Sunday or public holiday to the
 * next working day; for a Norwegian controller the public holidays are the Norwegian ones. Only
 * the statutory days count: 24 and 31 December are ordinary working days, and a holiday on a
 * weekend gives no substitute day.
 *
 * @module
 */

import {
  InvalidDateError,
  MAX_YEAR,
  MIN_YEAR,
  addDays,
  dayOfWeek,
  formatCalendarDate,
  fromEpochDay,
  parseCalendarDate,
  toEpochDay,
} from './calendar-date.js';
import type { CalendarDate } from './calendar-date.js';

/** One public holiday, with the names used in Norwegian and English letters and screens. */
export interface NorwegianPublicHoliday {
  readonly date: CalendarDate;
  readonly name_nb: string;
  readonly name_en: string;
}

function requireYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidDateError(`year must be an integer between ${MIN_YEAR} and ${MAX_YEAR}, got ${String(year)}`, year);
  }
}

/**
 * Easter Sunday of `year` by the Gregorian computus (the "Anonymous Gregorian" algorithm as given
 * by Meeus), e.g. 2026-04-05, 2027-03-28. Five of the twelve holidays hang off it, so it is
 * computed rather than tabulated to work for any year. Always a Sunday from 22 March to 25 April.
 */
export function easterSunday(year: number): CalendarDate {
  requireYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatCalendarDate({ year, month, day });
}

/**
 * All Norwegian public holidays of `year`, in date order: 1 Jan, Maundy Thursday, Good Friday,
 * Easter Sunday, Easter Monday, 1 May, 17 May, Ascension Day, Whit Sunday, Whit Monday, 25 and
 * 26 Dec. Two holidays can share a date (Ascension Day on 1 or 17 May, Whit Monday on 17 May);
 * both entries are kept so each can be named.
 */
export function norwegianPublicHolidays(year: number): NorwegianPublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): CalendarDate => formatCalendarDate({ year, month, day });
  const holidays: NorwegianPublicHoliday[] = [
    { date: fixed(1, 1), name_nb: 'Første nyttårsdag', name_en: "New Year's Day" },
    { date: addDays(easter, -3), name_nb: 'Skjærtorsdag', name_en: 'Maundy Thursday' },
    { date: addDays(easter, -2), name_nb: 'Langfredag', name_en: 'Good Friday' },
    { date: easter, name_nb: 'Første påskedag', name_en: 'Easter Sunday' },
    { date: addDays(easter, 1), name_nb: 'Andre påskedag', name_en: 'Easter Monday' },
    { date: fixed(5, 1), name_nb: 'Offentlig høytidsdag (1. mai)', name_en: 'Labour Day' },
    { date: fixed(5, 17), name_nb: 'Grunnlovsdag (17. mai)', name_en: 'Constitution Day' },
    { date: addDays(easter, 39), name_nb: 'Kristi himmelfartsdag', name_en: 'Ascension Day' },
    { date: addDays(easter, 49), name_nb: 'Første pinsedag', name_en: 'Whit Sunday' },
    { date: addDays(easter, 50), name_nb: 'Andre pinsedag', name_en: 'Whit Monday' },
    { date: fixed(12, 25), name_nb: 'Første juledag', name_en: 'Christmas Day' },
    { date: fixed(12, 26), name_nb: 'Andre juledag', name_en: "St Stephen's Day" },
  ];
  // Stable sort: on a shared date the fixed-date holiday stays first.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Holiday dates per year; the rule is fixed, so the cache never needs invalidating. */
const holidayDatesByYear = new Map<number, ReadonlySet<CalendarDate>>();

function holidayDates(year: number): ReadonlySet<CalendarDate> {
  let dates = holidayDatesByYear.get(year);
  if (dates === undefined) {
    dates = new Set(norwegianPublicHolidays(year).map((holiday) => holiday.date));
    holidayDatesByYear.set(year, dates);
  }
  return dates;
}

/** Whether `date` is a Norwegian public holiday (whatever the weekday). */
export function isNorwegianPublicHoliday(date: CalendarDate): boolean {
  const { year } = parseCalendarDate(date);
  return holidayDates(year).has(date);
}

/** Whether `date` is a working day: Monday–Friday and not a Norwegian public holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isNorwegianPublicHoliday(date);
}

/**
 * `date` itself if it is a working day, otherwise the first working day after it — the
 * Art. 3(4) roll-forward. Repeats across chains such as Maundy Thursday → Easter Monday.
 */
export function nextWorkingDayOnOrAfter(date: CalendarDate): CalendarDate {
  let candidate = date;
  while (!isWorkingDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/** Number of Monday–Friday days among epoch days up to `epochDay`, up to a constant. */
function weekdaysThrough(epochDay: number): number {
  const sinceMonday = epochDay - 4; // epoch day 4 (1970-01-05) was a Monday
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

/** Epoch days of the holidays that fall on Monday–Friday, per year (weekend ones cost nothing). */
const weekdayHolidayEpochDaysByYear = new Map<number, readonly number[]>();

function weekdayHolidayEpochDays(year: number): readonly number[] {
  let days = weekdayHolidayEpochDaysByYear.get(year);
  if (days === undefined) {
    days = [...holidayDates(year)]
      .filter((date) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6)
      .map((date) => toEpochDay(date));
    weekdayHolidayEpochDaysByYear.set(year, days);
  }
  return days;
}

/** Working days in the half-open range of epoch days (`after`, `upTo`], with `after ≤ upTo`. */
function workingDaysInRange(after: number, upTo: number): number {
  let count = weekdaysThrough(upTo) - weekdaysThrough(after);
  const firstYear = parseCalendarDate(fromEpochDay(after)).year;
  const lastYear = parseCalendarDate(fromEpochDay(upTo)).year;
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const day of weekdayHolidayEpochDays(year)) {
      if (day > after && day <= upTo) count -= 1;
    }
  }
  return count;
}

/**
 * Working days after `from` up to and including `to`: 0 for the same date, 1 from a Friday to
 * the following Monday (when that is not a holiday). Negative, with the same magnitude as the
 * reverse count, when `to` is before `from` — so "working days left until the due date" turns
 * negative once it has passed. Computed arithmetically, so long ranges cost no more than short.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  // `0 - n` rather than `-n`: an empty backwards range must be 0, not -0.
  return b >= a ? workingDaysInRange(a, b) : 0 - workingDaysInRange(b, a);
}

/**
 * The `n`-th working day after `date` (n > 0), e.g. for "remind five working days before".
 * For n < 0 the |n|-th working day before `date`; for n = 0 `date` itself, even if it is not a
 * working day. For n > 0, `workingDaysBetween(date, addWorkingDays(date, n)) === n`.
 */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isSafeInteger(n)) {
    throw new InvalidDateError(`number of working days must be a safe integer, got ${String(n)}`, n);
  }
  parseCalendarDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let candidate = date;
  while (remaining > 0) {
    candidate = addDays(candidate, step);
    if (isWorkingDay(candidate)) remaining -= 1;
  }
  return candidate;
}
