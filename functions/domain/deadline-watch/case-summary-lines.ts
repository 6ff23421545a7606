import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { requestTypeLabel } from '../request/request-type-labels.js';
import type { WatchedCase } from './assess-deadlines.js';
import { consoleCaseLink } from './console-links.js';
import { STAFF_STATUS_LABELS } from '../request/staff-labels.js';

const workingDays = (n: number): string => `${n} ${n === 1 ? 'arbeidsdag' : 'arbeidsdager'}`;

/**
 * How far a case is from its due date, in the words of the staff queue: "3 arbeidsdager igjen",
 * "fristen går ut i dag", "2 arbeidsdager over fristen" (or just "over fristen" on the weekend
 * after a Friday due date, when no working day has passed yet).
 */
export function workingDaysLeftText(row: Pick<WatchedCase, 'workingDaysLeft' | 'overdue'>): string {
  if (row.overdue) return row.workingDaysLeft < 0 ? `${workingDays(-row.workingDaysLeft)} over fristen` : 'over fristen';
  if (row.workingDaysLeft === 0) return 'fristen går ut i dag';
  return `${workingDays(row.workingDaysLeft)} igjen`;
}

/**
 * The lines that describe one case in a staff mail: reference, rights asked for, status, due
 * date and the console link. Identifiers and dates only: no name, address or phone number, and
 * nothing from the request's free text.
 */
export function caseSummaryLines(row: WatchedCase, publicBaseUrl: string | undefined): string[] {
  const due = formatCalendarDate(row.dueDate, 'nb');
  return [
    `Referanse: ${row.id}`,
    `Gjelder: ${row.types.map((type) => requestTypeLabel(type, 'nb')).join('; ')}`,
    `Status: ${STAFF_STATUS_LABELS[row.status]}`,
    `Frist: ${due}${row.extended ? ' (forlenget)' : ''} – ${workingDaysLeftText(row)}`,
    `Åpne saken: ${consoleCaseLink(publicBaseUrl, row.id)}`,
  ];
}
