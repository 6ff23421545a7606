import { addMonthsClamped, compareCalendarDates, isCalendarDate, osloCalendarDate, osloWallClockInstant, parseInstant } from '../deadline/index.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import type { FieldError } from '../request/request-submission.js';

/** Form field names of the receipt time, as the console's intake page posts them. */
export const RECEIPT_DATE_FIELD = 'received_date';
export const RECEIPT_TIME_FIELD = 'received_time';

/**
 * How far back staff may date a phone call or letter. Older than this is almost surely a typo
 * (a wrong month or year): the answer is due within one month of receipt, three at most with an
 * extension, so a genuine request this old should have been registered long ago.
 */
export const RECEIPT_LOOKBACK_MONTHS = 3;

/** `14:05`, `9:05` or `14.05` (Norwegian style); browsers' time inputs send `HH:MM`. */
const TIME_OF_DAY = /^(\d{1,2})[:.](\d{2})$/;

export type ReceiptTimeResult =
  | { readonly ok: true; readonly receivedAt: Date }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const dateText = (date: string): string => formatCalendarDate(date, 'nb');

/**
 * Reads the original receipt time as staff typed it, in Oslo local time (Art. 12(3): the month
 * runs from receipt, not from when staff registered it), and gives the instant it names, with
 * Oslo's offset on that day: 00:30 on the last Sunday of October is 00:30+02:00, still summer
 * time. A time the clocks skipped (02:00–02:59 on the last Sunday of March) is refused rather
 * than guessed; on the autumn night the repeated hour 02:00–02:59 reads as its first (summer
 * time) occurrence, which cannot move the receipt date.
 *
 * Refuses a time in the future and a date more than {@link RECEIPT_LOOKBACK_MONTHS} months
 * before today, each with a message that says why, next to its field.
 */
export function parseReceiptTime(date: unknown, time: unknown, now: Date): ReceiptTimeResult {
  const errors: FieldError[] = [];
  const day = typeof date === 'string' ? date.trim() : '';
  if (!isCalendarDate(day)) {
    errors.push({ field: RECEIPT_DATE_FIELD, message: 'Skriv inn datoen henvendelsen kom inn, som ÅÅÅÅ-MM-DD (for eksempel 2026-11-30).' });
  }
  const match = typeof time === 'string' ? TIME_OF_DAY.exec(time.trim()) : null;
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    errors.push({ field: RECEIPT_TIME_FIELD, message: 'Skriv inn klokkeslettet henvendelsen kom inn, som TT:MM (for eksempel 14:05).' });
  }
  if (errors.length > 0) return { ok: false, errors };

  // The date range first: it needs no conversion, and far-off years cannot be converted at all.
  const today = osloCalendarDate(now);
  if (compareCalendarDates(day, today) > 0) return fail(RECEIPT_DATE_FIELD, 'Datoen er fram i tid. Skriv datoen henvendelsen faktisk kom inn.');
  const earliest = addMonthsClamped(today, -RECEIPT_LOOKBACK_MONTHS);
  if (compareCalendarDates(day, earliest) < 0) {
    return fail(
      RECEIPT_DATE_FIELD,
      `Datoen er mer enn tre måneder tilbake (før ${dateText(earliest)}), og er trolig feilskrevet: ` +
        'svarfristen er én måned fra mottak, høyst tre med forlengelse. Sjekk datoen. ' +
        'Kom henvendelsen virkelig inn så tidlig, ta det opp med personvernombudet.',
    );
  }
  const local = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const instant = osloWallClockInstant(day, local);
  if (!instant.startsWith(`${day}T${local}`)) {
    return fail(
      RECEIPT_TIME_FIELD,
      `Klokken ${local} fantes ikke ${dateText(day)}: klokkene ble stilt fram fra 02:00 til 03:00 (sommertid). Sjekk klokkeslettet.`,
    );
  }
  const receivedAt = new Date(parseInstant(instant));
  if (receivedAt.getTime() > now.getTime()) return fail(RECEIPT_TIME_FIELD, 'Klokkeslettet er fram i tid. Skriv når henvendelsen faktisk kom inn.');
  return { ok: true, receivedAt };
}

const fail = (field: string, message: string): ReceiptTimeResult => ({ ok: false, errors: [{ field, message }] });
