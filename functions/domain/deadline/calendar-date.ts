/**
 * Plain calendar arithmetic on `YYYY-MM-DD` dates (proleptic Gregorian calendar, years 1–9999).
 *
 * Deadlines are calendar dates, not instants: once the receipt date has been fixed in
 * Europe/Oslo, every further step (add a month, skip weekends and holidays) is pure date
 * arithmetic. Doing it on integers rather than on `Date` objects means no time zone, DST switch
 * or host setting can shift a result by a day.
 *
 * @module
 */

/**
 * A calendar date without time of day or zone, written `YYYY-MM-DD` (e.g. `2026-12-23`).
 *
 * A plain string alias rather than a branded type so it interoperates with the stored
 * `CalendarDateSchema` values without casts; every function here validates its input at run
 * time instead and throws {@link InvalidDateError} for anything malformed.
 */
export type CalendarDate = string;

/** The numeric fields of a {@link CalendarDate}; `month` is 1–12 and `day` 1–31. */
export interface CalendarDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Thrown for a malformed or impossible calendar date (`2026-02-30`, `2026-1-5`, a non-string),
 * or for arithmetic that leaves the supported year range. A distinct class so callers can turn
 * bad input into a 400 rather than a 500.
 */
export class InvalidDateError extends Error {
  /** The offending input, for logs. */
  readonly value: unknown;

  constructor(message: string, value?: unknown) {
    super(message);
    this.name = 'InvalidDateError';
    this.value = value;
  }
}

/** Smallest supported year: four-digit `YYYY` dates, no year zero or BCE. */
export const MIN_YEAR = 1;
/** Largest supported year: four-digit `YYYY` dates. */
export const MAX_YEAR = 9999;

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidDateError(`${what} must be a safe integer, got ${show(value)}`, value);
  }
}

function requireYear(year: number): void {
  requireInteger(year, 'year');
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidDateError(`year must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}`, year);
  }
}

function requireMonth(month: number): void {
  requireInteger(month, 'month');
  if (month < 1 || month > 12) {
    throw new InvalidDateError(`month must be between 1 and 12, got ${month}`, month);
  }
}

/**
 * Whether `year` is a Gregorian leap year (divisible by 4, except centuries not divisible by 400:
 * 2028 and 2000 are, 2026 and 2100 are not). Decides whether 31 January clamps to 28 or 29 February.
 */
export function isLeapYear(year: number): boolean {
  requireInteger(year, 'year');
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Number of days in `month` (1–12) of `year`. Needed to clamp a one-month period that starts on
 * the 29th–31st to the last day of a shorter month.
 */
export function daysInMonth(year: number, month: number): number {
  requireInteger(year, 'year');
  requireMonth(month);
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] as number;
}

/**
 * Splits a `YYYY-MM-DD` string into numbers, rejecting anything that is not exactly that shape or
 * not a real date. The single gate through which every date entering this module passes.
 *
 * @throws {InvalidDateError} when `value` is not a valid calendar date.
 */
export function parseCalendarDate(value: unknown): CalendarDateParts {
  if (typeof value !== 'string') {
    throw new InvalidDateError(`expected a YYYY-MM-DD string, got ${show(value)}`, value);
  }
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (match === null) {
    throw new InvalidDateError(`expected a YYYY-MM-DD date, got ${show(value)}`, value);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  try {
    requireYear(year);
    requireMonth(month);
  } catch {
    throw new InvalidDateError(`not a valid calendar date: ${show(value)}`, value);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(`not a valid calendar date: ${show(value)}`, value);
  }
  return { year, month, day };
}

/**
 * Writes date fields as `YYYY-MM-DD`, validating them, so no code path can build `2026-02-30`.
 *
 * @throws {InvalidDateError} when the fields do not form a date in years 1–9999.
 */
export function formatCalendarDate(parts: CalendarDateParts): CalendarDate {
  const { year, month, day } = parts;
  requireYear(year);
  requireMonth(month);
  requireInteger(day, 'day');
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(`day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`, parts);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `value` is a valid `YYYY-MM-DD` date, for callers that want a check without a throw. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  try {
    parseCalendarDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Days since 1970-01-01 (negative before it). Turning dates into consecutive integers makes
 * adding days, counting days and finding the weekday exact (H. Hinnant's `days_from_civil`).
 */
export function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Inverse of {@link toEpochDay} (H. Hinnant's `civil_from_days`).
 *
 * @throws {InvalidDateError} when the result falls outside years 1–9999.
 */
export function fromEpochDay(epochDay: number): CalendarDate {
  requireInteger(epochDay, 'epoch day');
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatCalendarDate({ year, month, day });
}

/**
 * The date `n` days after `date` (before it when `n` is negative). Used to step to the next
 * working day without going through `Date` and its time zone.
 */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  requireInteger(n, 'number of days');
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of days from `from` to `to` (`to − from`): 1 for consecutive dates. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** −1, 0 or 1 as `a` is before, equal to or after `b`; validates both, unlike string comparison. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const diff = toEpochDay(a) - toEpochDay(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/**
 * The same day-of-month `months` months later (earlier when negative), or the last day of the
 * target month when it is shorter: 31 Jan + 1 → 28/29 Feb, 31 Mar + 1 → 30 Apr. This is how a
 * period "expressed in months" ends under Reg. 1182/71 Art. 3(2)(c).
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  requireInteger(months, 'number of months');
  const { year, month, day } = parseCalendarDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  requireYear(targetYear);
  return formatCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getDay`), computed from the epoch day
 * (1970-01-01 was a Thursday) so the host time zone plays no part.
 */
export function dayOfWeek(date: CalendarDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}
