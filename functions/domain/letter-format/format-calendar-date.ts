import { OSLO_TIME_ZONE } from '../deadline/oslo-calendar-date.js';
import { LANGUAGE_LOCALES, type Language } from '../request/request-vocabulary.js';

/**
 * One formatter per language and style, built on first use: building one costs far more than
 * formatting (it showed in the load profile).
 */
function cachedFormatter(options: Intl.DateTimeFormatOptions): (language: Language) => Intl.DateTimeFormat {
  const formatters = new Map<Language, Intl.DateTimeFormat>();
  return (language) => {
    let formatter = formatters.get(language);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], options);
      formatters.set(language, formatter);
    }
    return formatter;
  };
}

const calendarDateFormatter = cachedFormatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const osloDateTimeFormatter = cachedFormatter({ dateStyle: 'long', timeStyle: 'short', timeZone: OSLO_TIME_ZONE });

/** An instant as people in Norway read it, in Oslo time: «23. november 2026 kl. 10:15» / «23 November 2026 at 10:15». */
export const formatOsloDateTime = (instant: string | Date, language: Language): string =>
  osloDateTimeFormatter(language).format(new Date(instant));

/**
 * Formats a calendar date (`YYYY-MM-DD`) for people: "23. desember 2026" / "23 December 2026".
 * The date is built from its parts at UTC midnight and formatted in UTC, so the day printed is the
 * day given whatever the server's time zone; a due date must never move by a day.
 *
 * @throws RangeError when the text is not a real calendar date (e.g. `2026-02-30`)
 */
export function formatCalendarDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  if (instant.getUTCFullYear() !== year || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return calendarDateFormatter(language).format(instant);
}
