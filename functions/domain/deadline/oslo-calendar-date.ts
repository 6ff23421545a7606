/**
 * The bridge between instants and Europe/Oslo calendar dates.
 *
 * The controller is Norwegian, so a request received at 00:30 Oslo time on 1 February was
 * received on 1 February, even though it is still 31 January in UTC. Getting this wrong moves
 * the statutory deadline by a day (or, at month ends, by up to three days), so the zone
 * conversion lives here, in one place, and uses the host's tz database through
 * `Intl.DateTimeFormat` rather than a hand-written DST rule.
 *
 * @module
 */

import { InvalidDateError, formatCalendarDate, toEpochDay } from './calendar-date.js';
import type { CalendarDate } from './calendar-date.js';

/** IANA zone whose calendar decides receipt and due dates. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

/**
 * Thrown for an instant that does not identify one moment: malformed, impossible
 * (`2026-02-30T…`), an invalid `Date`, or — most importantly — a local time without `Z` or a
 * `±HH:MM` offset, which would silently be read in the server's zone.
 */
export class InvalidInstantError extends Error {
  /** The offending input, for logs. */
  readonly value: unknown;

  constructor(message: string, value?: unknown) {
    super(message);
    this.name = 'InvalidInstantError';
    this.value = value;
  }
}

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

/**
 * Supported instants: from 0001-01-02T00:00Z up to (not including) 9999-12-31T00:00Z, so the Oslo
 * date of any of them is a four-digit-year {@link CalendarDate}.
 */
const MIN_EPOCH_MS = toEpochDay('0001-01-02') * MS_PER_DAY;
const MAX_EPOCH_MS_EXCLUSIVE = toEpochDay('9999-12-31') * MS_PER_DAY;

/**
 * RFC 3339 / ISO-8601 extended date-time with a mandatory zone designator: `Z` or `±HH:MM`.
 * Seconds and a fraction are optional; `T`/`Z` may be lower case (RFC 3339 §5.6).
 */
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Same shape without any zone designator: recognised only to give a precise error message. */
const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/;

const TIME_OF_DAY_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function requireSupportedRange(epochMs: number, value: unknown): number {
  if (epochMs < MIN_EPOCH_MS || epochMs >= MAX_EPOCH_MS_EXCLUSIVE) {
    throw new InvalidInstantError(`instant outside the supported range (years 1–9999): ${show(value)}`, value);
  }
  return epochMs;
}

/**
 * Milliseconds since the Unix epoch for an instant given as an ISO-8601 string with `Z` or an
 * explicit offset, or as a `Date`. Parsed by hand rather than with `Date.parse`, which reads
 * `2026-01-01T10:00:00` in the host's zone and rolls `2026-02-30` over to March.
 *
 * @throws {InvalidInstantError} when the input does not identify a single moment.
 */
export function parseInstant(instant: string | Date): number {
  if (instant instanceof Date) {
    const epochMs = instant.getTime();
    if (Number.isNaN(epochMs)) throw new InvalidInstantError('invalid Date', instant);
    return requireSupportedRange(epochMs, instant);
  }
  if (typeof instant !== 'string') {
    throw new InvalidInstantError(`expected an ISO-8601 string or a Date, got ${show(instant)}`, instant);
  }
  const match = INSTANT_PATTERN.exec(instant);
  if (match === null) {
    if (LOCAL_DATE_TIME_PATTERN.test(instant)) {
      throw new InvalidInstantError(
        `instant ${show(instant)} has no zone offset; add "Z" or "±HH:MM" so it names one moment`,
        instant,
      );
    }
    throw new InvalidInstantError(`expected an ISO-8601 date-time with offset, got ${show(instant)}`, instant);
  }
  const [, datePart, hh, mm, ss, fraction, zulu, sign, offH, offM] = match;
  let epochDay: number;
  try {
    epochDay = toEpochDay(datePart as string);
  } catch (error) {
    if (error instanceof InvalidDateError) {
      throw new InvalidInstantError(`instant ${show(instant)} has an invalid date`, instant);
    }
    throw error;
  }
  const hour = Number(hh);
  const minute = Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) {
    throw new InvalidInstantError(`instant ${show(instant)} has an invalid time of day`, instant);
  }
  // Sub-millisecond digits are truncated: that never moves an instant across midnight.
  const millisecond = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offsetMs = 0;
  if (zulu === undefined) {
    const offsetHours = Number(offH);
    const offsetMinutes = Number(offM);
    if (offsetHours > 23 || offsetMinutes > 59) {
      throw new InvalidInstantError(`instant ${show(instant)} has an invalid offset`, instant);
    }
    offsetMs = (sign === '-' ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  }
  const wallMs = epochDay * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millisecond;
  return requireSupportedRange(wallMs - offsetMs, instant);
}

const osloFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface OsloWallClock {
  readonly date: CalendarDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The wall-clock reading as if it were UTC, in epoch milliseconds (whole seconds). */
  readonly wallMs: number;
}

/** Reads the Oslo wall clock at an epoch instant (already range-checked). */
function osloWallClockAt(epochMs: number): OsloWallClock {
  const fields: Record<string, number> = {};
  for (const part of osloFormatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields['year'];
  const month = fields['month'];
  const day = fields['day'];
  // Some ICU versions print midnight as hour 24 of the same date; the modulo undoes that.
  const hour = (fields['hour'] ?? Number.NaN) % 24;
  const minute = fields['minute'];
  const second = fields['second'];
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    minute === undefined ||
    second === undefined ||
    Number.isNaN(hour)
  ) {
    throw new Error(`Intl.DateTimeFormat did not return the expected fields for ${OSLO_TIME_ZONE}`);
  }
  const date = formatCalendarDate({ year, month, day });
  const wallMs = toEpochDay(date) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND;
  return { date, hour, minute, second, wallMs };
}

/** Oslo's UTC offset at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
function osloOffsetMsAt(epochMs: number): number {
  const wholeSecondMs = epochMs - (((epochMs % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND);
  return osloWallClockAt(wholeSecondMs).wallMs - wholeSecondMs;
}

/**
 * The Europe/Oslo calendar date of an instant — the receipt date of a request. Never the UTC
 * date: `2026-01-31T23:15:00Z` is 1 February in Oslo.
 *
 * @throws {InvalidInstantError} for a string without `Z`/offset, a malformed string or an
 * invalid `Date`.
 */
export function osloCalendarDate(instant: string | Date): CalendarDate {
  return osloWallClockAt(parseInstant(instant)).date;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalSeconds = Math.abs(offsetMs) / MS_PER_SECOND;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  // Whole minutes since Norway adopted CET in 1895; only older local mean time has seconds.
  return `${sign}${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/**
 * The instant at which Oslo clocks show `time` (`HH:MM` or `HH:MM:SS`) on `date`, written as
 * `YYYY-MM-DDTHH:MM:SS±HH:MM` with Oslo's offset on that day (`+01:00` in winter, `+02:00` in
 * summer) — e.g. for showing "due by 23:59:59 on …" with the right offset.
 *
 * On the spring-forward night a time in the skipped hour (02:00–02:59) is moved forward by the
 * gap (02:30 → 03:30+02:00); on the autumn night a repeated time gets the earlier, summer-time
 * reading (02:30 → 02:30+02:00). This matches `Temporal`'s `"compatible"` disambiguation.
 *
 * @throws {InvalidDateError} for an invalid date or one at the very edge of years 1–9999.
 * @throws {InvalidInstantError} for an invalid time of day.
 */
export function osloWallClockInstant(date: CalendarDate, time: string): string {
  const epochDay = toEpochDay(date);
  const match = typeof time === 'string' ? TIME_OF_DAY_PATTERN.exec(time) : null;
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  const second = match?.[3] === undefined ? 0 : Number(match[3]);
  if (match === null || hour > 23 || minute > 59 || second > 59) {
    throw new InvalidInstantError(`expected a time of day HH:MM or HH:MM:SS, got ${show(time)}`, time);
  }
  const wallMs = epochDay * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND;
  if (wallMs - MS_PER_DAY * 2 < MIN_EPOCH_MS || wallMs + MS_PER_DAY * 2 >= MAX_EPOCH_MS_EXCLUSIVE) {
    throw new InvalidDateError(`date outside the supported range for wall-clock conversion: ${show(date)}`, date);
  }
  // Oslo changes offset at most once within any two days, so the offsets a day either side
  // are the only candidates.
  const offsetBefore = osloOffsetMsAt(wallMs - MS_PER_DAY);
  const offsetAfter = osloOffsetMsAt(wallMs + MS_PER_DAY);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallMs - offset)
    .filter((epochMs) => osloWallClockAt(epochMs).wallMs === wallMs)
    .sort((a, b) => a - b);
  // No candidate: the time falls in a spring-forward gap; the pre-transition offset moves it on.
  const epochMs = candidates[0] ?? wallMs - offsetBefore;
  const clock = osloWallClockAt(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${clock.date}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${formatOffset(osloOffsetMsAt(epochMs))}`;
}

/**
 * Formats an instant as ISO-8601 in Oslo local time with its offset (`2026-11-23T21:05:09.120+01:00`),
 * so a stored receipt time reads as staff and requesters saw it, and still names the exact instant.
 */
export function toOsloIsoString(instant: Date): string {
  const epochMs = parseInstant(instant);
  const clock = osloWallClockAt(epochMs - (((epochMs % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const millis = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${clock.date}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}.${millis}${formatOffset(osloOffsetMsAt(epochMs))}`;
}
