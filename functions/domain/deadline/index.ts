/**
 * Public API of the deadline module: the GDPR Art. 12(3) due date and the Oslo calendar and
 * Norwegian working-day helpers it is built from (also used for "working days left" and
 * reminders). Import from here rather than from the individual files.
 *
 * @module
 */

export {
  InvalidDateError,
  MAX_YEAR,
  MIN_YEAR,
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
} from './calendar-date.js';
export type { CalendarDate, CalendarDateParts } from './calendar-date.js';

export {
  InvalidInstantError,
  OSLO_TIME_ZONE,
  osloCalendarDate,
  osloWallClockInstant,
  parseInstant,
} from './oslo-calendar-date.js';

export {
  addWorkingDays,
  easterSunday,
  isNorwegianPublicHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  norwegianPublicHolidays,
  workingDaysBetween,
} from './norwegian-public-holidays.js';
export type { NorwegianPublicHoliday } from './norwegian-public-holidays.js';

export {
  EXTENDED_PERIOD_MONTHS,
  STATUTORY_PERIOD_MONTHS,
  deadlineFromReceiptDate,
  endOfDeadlineInstant,
  statutoryDeadline,
} from './statutory-deadline.js';
export type { DeadlineOptions } from './statutory-deadline.js';
