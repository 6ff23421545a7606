import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import type { Letter } from '../letters/letter.js';
import type { WatchedCase } from './assess-deadlines.js';
import { caseSummaryLines, workingDaysLeftText } from './case-summary-lines.js';
import { WARNING_THRESHOLDS, type WarningThreshold } from './warning-thresholds.js';

/**
 * The warning to staff that one case is nearing its due date (bokmål; staff-facing). Like the
 * digest it names the case by reference only, with a console link for the details.
 *
 * While the first month runs it reminds staff that an extension is still possible, because
 * Art. 12(3) allows one only before the original due date and only with a notice to the person.
 *
 * @param threshold the warning being sent; the text says whether a later one follows
 */
export function warningMail(row: WatchedCase, threshold: WarningThreshold, publicBaseUrl: string | undefined): Letter {
  const due = formatCalendarDate(row.dueDate, 'nb');
  const left = workingDaysLeftText(row);
  const later = WARNING_THRESHOLDS.filter((other) => other < threshold && other < row.workingDaysLeft);
  const nextWarning = later.length > 0 ? Math.max(...later) : undefined;
  return {
    subject: `Fristvarsel: ${left} – personvernhenvendelse ${row.id}`,
    text: [
      `Personvernhenvendelse ${row.id} har frist ${due}: ${left}.`,
      '',
      ...caseSummaryLines(row, publicBaseUrl),
      '',
      'Svaret skal være sendt senest på fristdagen (personvernforordningen artikkel 12 nr. 3).',
      row.extended
        ? 'Fristen er allerede forlenget og kan ikke forlenges mer.'
        : 'Trenger saken mer tid, kan fristen forlenges med inntil to måneder, men bare før fristen går ut og med begrunnet beskjed til personen. Det gjøres fra saken i konsollet.',
      '',
      nextWarning === undefined
        ? 'Dette er siste automatiske varsel før fristen.'
        : `Dette er et automatisk varsel. Et nytt varsel kommer når det er ${nextWarning} arbeidsdager igjen.`,
    ].join('\n'),
  };
}
