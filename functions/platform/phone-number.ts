/**
 * Phone numbers as the customer store keys them: E.164 (`+4793420183`), so a number typed as
 * `934 20 183`, `0047 934 20 183` or `+47 934 20 183` finds the same customer.
 *
 * @module
 */

/** Norway's country calling code; a bare eight-digit number is taken to be Norwegian. */
const NORWAY = '47';

/** Longer input is not a phone number, whatever it contains. */
const MAX_INPUT_LENGTH = 40;

/** Separators people write inside numbers: spaces (also non-breaking), dashes, dots, slashes. */
const SEPARATORS = /[\s\u00a0\u2009\u202f\-./]/g;

/**
 * Norwegian subscriber numbers are eight digits and never start with 0 or 1 (those prefixes are
 * for international calls and short codes).
 */
const isNorwegianNational = (digits: string): boolean => /^[2-9]\d{7}$/.test(digits);

/**
 * A number in E.164: `+`, a country code (no leading 0), at most 15 digits in all. Norwegian
 * numbers must have exactly eight national digits.
 */
function toE164(digits: string): string | undefined {
  if (!/^[1-9]\d{6,14}$/.test(digits)) return undefined;
  if (digits.startsWith(NORWAY) && !isNorwegianNational(digits.slice(NORWAY.length))) return undefined;
  return `+${digits}`;
}

/**
 * Normalises a phone number to E.164, or returns `undefined` when the input is not one.
 *
 * - Eight digits without a country code are Norwegian: `934 20 183` → `+4793420183`.
 * - `+47 …`, `0047 …` and `(+47) …` are Norwegian with the country code written out.
 * - Parentheses are ignored (`+1 (415) 555-0100`).
 * - Other countries need their code, with `+` or `00`: `+46 70 123 45 67` → `+46701234567`.
 *   A trunk `(0)` after the country code is dropped: `+44 (0)20 7946 0018` → `+442079460018`.
 *
 * @example normalisePhone('934 20 183') // '+4793420183'
 * @example normalisePhone('ring meg') // undefined
 */
export function normalisePhone(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return undefined;
  const compact = input
    .trim()
    .replace(SEPARATORS, '')
    .replace(/^\(\+(\d{1,3})\)/, '+$1')
    .replace(/^(\+\d{1,3})\(0\)/, '$1')
    .replace(/[()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  if (compact.startsWith('+')) return toE164(compact.slice(1));
  if (compact.startsWith('00')) return toE164(compact.slice(2));
  if (isNorwegianNational(compact)) return `+${NORWAY}${compact}`;
  // Some registers store Norwegian numbers with the country code but without `+`.
  if (compact.length === 10 && compact.startsWith(NORWAY) && isNorwegianNational(compact.slice(2))) return `+${compact}`;
  return undefined;
}
