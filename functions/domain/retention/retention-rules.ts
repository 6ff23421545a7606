/**
 * How long accounting law makes us keep a record after a request to erase it (GDPR Art. 17(3)(b)).
 *
 * Bokføringsloven § 13: primary accounting documentation is kept until five years after the end
 * of the fiscal year, secondary material until three and a half years after it. Nærkontoret's
 * fiscal year is the calendar year, so the fiscal year of a record is the year of its date:
 * an invoice issued 2022-03-10 belongs to 2022 (ends 2022-12-31) and is kept until 2027-12-31;
 * secondary material from 2022 is kept until 2026-06-30.
 *
 * Pure date arithmetic on {@link CalendarDate}s: no clock, no zone.
 *
 * @module
 */

import { addMonthsClamped, compareCalendarDates, formatCalendarDate, parseCalendarDate } from '../deadline/index.js';
import type { CalendarDate } from '../deadline/index.js';
import type { RecordCategory } from '../plan/action-plan.js';

/** The two classes of accounting material with their own periods in bokføringsloven § 13. */
export type AccountingMaterial = 'primary' | 'secondary';

/**
 * What the retention rules classify: the plan's record categories, plus
 * `booking_correspondence`: a customer-service note or e-mail that staff have marked as documenting
 * a booked entry (e.g. the agreement behind a credit note). The stores do not tag notes that way,
 * so the planner never produces it today; it exists so the secondary rule has a home when they do.
 */
export type RetentionCategory = RecordCategory | 'booking_correspondence';

/**
 * Which categories are accounting material, and which class.
 *
 * - `invoice`, `payment`: outgoing invoices and the payments settling them are the documentation of
 *   booked entries, i.e. primary documentation (five years).
 * - `booking_correspondence`: "correspondence giving essential information about a booked entry"
 *   is secondary material (three and a half years).
 * - `service_note`: ordinary customer-service dialogue (questions, complaints, door trouble) does not
 *   document a booked entry, so it is not accounting material; a note that does must be marked
 *   `booking_correspondence` by staff.
 * - `subscription`: the subscription record is the product and access configuration under the
 *   standard terms; what was sold and billed is documented by the invoice itself, so the record is
 *   not accounting material and an ended subscription may be erased.
 * - `profile`, `consent`, `reservation`, `door_event`: not accounting material.
 */
export const ACCOUNTING_MATERIAL: Readonly<Record<RetentionCategory, AccountingMaterial | undefined>> = {
  invoice: 'primary',
  payment: 'primary',
  booking_correspondence: 'secondary',
  service_note: undefined,
  subscription: undefined,
  profile: undefined,
  consent: undefined,
  reservation: undefined,
  door_event: undefined,
};

/** Months after the end of the fiscal year each class is kept (five years; three and a half years). */
export const RETENTION_MONTHS: Readonly<Record<AccountingMaterial, number>> = { primary: 60, secondary: 42 };

/** The last day of the fiscal (calendar) year `date` falls in. */
export function fiscalYearEnd(date: CalendarDate): CalendarDate {
  const { year } = parseCalendarDate(date);
  return formatCalendarDate({ year, month: 12, day: 31 });
}

/**
 * The last day a record of `category` dated `recordDate` must be kept under bokføringsloven § 13,
 * or `undefined` when no legal retention applies. Always a 31 December (primary) or a 30 June
 * (secondary); the record may be deleted from the day after.
 *
 * @example retentionEnd('invoice', '2022-03-10') // '2027-12-31'
 * @example retentionEnd('booking_correspondence', '2022-03-10') // '2026-06-30'
 * @throws {InvalidDateError} when `recordDate` is not a valid calendar date
 */
export function retentionEnd(category: RetentionCategory, recordDate: CalendarDate): CalendarDate | undefined {
  const material = ACCOUNTING_MATERIAL[category];
  const yearEnd = fiscalYearEnd(recordDate);
  if (material === undefined) return undefined;
  // 31 Dec + 42 months clamps to 30 Jun; + 60 months is 31 Dec again.
  return addMonthsClamped(yearEnd, RETENTION_MONTHS[material]);
}

/**
 * Whether a record of `category` dated `recordDate` must still be kept on `today` (both Oslo
 * calendar dates): true up to and including its {@link retentionEnd}, false from the day after and
 * for categories without legal retention.
 */
export function isUnderRetention(category: RetentionCategory, recordDate: CalendarDate, today: CalendarDate): boolean {
  const end = retentionEnd(category, recordDate);
  return end !== undefined && compareCalendarDates(today, end) <= 0;
}
