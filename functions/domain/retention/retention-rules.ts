/**
 * How long accounting law makes us keep a record after a request to erase it (GDPR Art. 17(3)(b)).
 *
 * Bokføringsloven § 13 annet ledd første punktum (since 1 February 2014): the material of § 13
 * første ledd nr. 1 to 4 is kept five years after the end of the fiscal year. That includes nr. 2,
 * «spesifikasjoner av pliktig regnskapsrapportering» (the customer specification, kundespesifikasjon,
 * among them), and nr. 3, «dokumentasjon av bokførte opplysninger» (vouchers: outgoing invoices,
 * bank vouchers). So no specification of § 5 gets the shorter period. Three years and six months
 * is the period for secondary documentation (agreements, order and delivery documents,
 * correspondence about a booked entry), as Altinn's guidance on bokføringsloven and
 * bokføringsforskriften states; the statute's current wording of that period was not available
 * when this was written. Nærkontoret's fiscal year is the calendar year, so the fiscal year of a
 * record is the year of its date. The rule, exactly:
 *
 * - primary (five years): the last day kept is 31 December of (record year + 5);
 * - secondary (three years and six months): the last day kept is 30 June of (record year + 4),
 *   i.e. 31 December of the record year plus 42 months (31 June does not exist: the 30th);
 * - the record may be deleted from the day after (its TTL is the first second of that day in Oslo).
 *
 * E.g. an invoice issued 2022-03-10 belongs to 2022 and is kept until 2027-12-31; a payment made
 * 2022-03-10 is kept until 2026-06-30.
 *
 * Pure date arithmetic on {@link CalendarDate}s: no clock, no zone.
 *
 * @module
 */

import { addMonthsClamped, compareCalendarDates, formatCalendarDate, parseCalendarDate } from '../deadline/index.js';
import type { CalendarDate } from '../deadline/index.js';
import type { RecordCategory } from '../customer-data/customer-records.js';

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
 * - `invoice`: an outgoing invoice (a credited one included: the invoice and its credit note) is the
 *   sales document a booked sale rests on, i.e. primary documentation (five years). It must keep
 *   what bokføringsforskriften § 5-1-1 requires a sales document to show, the buyer's name and
 *   address, for as long as it is kept.
 * - `payment`: the billing store's payment record says when and how an invoice was paid (date,
 *   amount, method). The booked payment itself is documented by the bank's settlement (a bank
 *   voucher, § 13 første ledd nr. 3) and the customer ledger (the kundespesifikasjon, nr. 2), which
 *   the accounting provider keeps for five years in its own system; our record is supplementary
 *   documentation of those entries, which we place in the three-and-a-half-year secondary class.
 *   **This reading needs the accountant's confirmation** (README, "Retention classes"): if this record
 *   is itself the voucher or part of the customer specification, it is nr. 2 or 3 material and must
 *   be `primary` here; every plan, letter and TTL follows that one change.
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
  payment: 'secondary',
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
 * @example retentionEnd('payment', '2022-03-10') // '2026-06-30'
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
