import type { Language } from '../request/request-vocabulary.js';

const LOCALES: Readonly<Record<Language, string>> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** One formatter per language, built on first use: building one costs far more than formatting (it showed in the load profile). */
const formatters = new Map<Language, Intl.DateTimeFormat>();
const formatterFor = (language: Language): Intl.DateTimeFormat => {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter;
};

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
  return formatterFor(language).format(instant);
}
