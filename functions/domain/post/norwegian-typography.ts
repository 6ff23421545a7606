/** No-break space: keeps «7. desember», «1 250 kr» and «§ 13» on one line. */
export const NBSP = '\u00a0';

const MONTHS =
  'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|' +
  'January|February|March|April|May|June|July|August|September|October|November|December';

/**
 * Sets a letter's plain text in Norwegian print typography before it is laid out on paper:
 * straight double quotes become «», a spaced hyphen becomes an en dash (tankestrek), and no-break
 * spaces hold together a date («7. desember 2026»), a number's thousand groups and its unit
 * («12 500 kr»), and a paragraph sign with its number («§ 13»). Idempotent, and it leaves URLs,
 * e-mail addresses and references untouched (none of them contain the patterns).
 */
export function norwegianTypography(text: string): string {
  return text
    .replace(/"([^"\n]+)"/g, '«$1»')
    .replace(/ - /g, ' – ')
    .replace(/(\d) ?- ?(\d)/g, (match, a: string, b: string) => (match.includes(' ') ? `${a}–${b}` : match))
    .replace(new RegExp(`(\\d{1,2})\\. (${MONTHS}) (\\d{4})`, 'g'), `$1.${NBSP}$2${NBSP}$3`)
    .replace(new RegExp(`(\\d{1,2}) (${MONTHS}) (\\d{4})`, 'g'), `$1${NBSP}$2${NBSP}$3`)
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`)
    .replace(/(\d) (kr|NOK|øre)\b/g, `$1${NBSP}$2`)
    .replace(/§ (\d)/g, `§${NBSP}$1`);
}
