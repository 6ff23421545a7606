import { formatCalendarDate } from '../letters/format-calendar-date.js';
import type { Letter } from '../letters/letter.js';
import { SHORT_DEADLINE_WORKING_DAYS, type DeadlineAssessment, type WatchedCase } from './assess-deadlines.js';
import { caseSummaryLines } from './case-summary-lines.js';
import { consoleQueueLink } from './console-links.js';

/** What the daily digest is built from. */
export interface DigestInput {
  readonly assessment: DeadlineAssessment;
  readonly publicBaseUrl?: string;
  /** Warnings that could not be sent on this run; they are tried again on the next. */
  readonly warningsFailed?: number;
}

/** The mail purpose of the digest, and the prefix of its `requestId` (`digest-2026-12-01`). */
export const DIGEST_PURPOSE = 'deadline-digest';

/** The `requestId` a digest is sent under: one per Oslo day, so SES tags group a day's runs. */
export const digestRequestId = (today: string): string => `digest-${today}`;

const cases = (n: number): string => `${n} ${n === 1 ? 'sak' : 'saker'}`;

function section(title: string, rows: readonly WatchedCase[], publicBaseUrl: string | undefined): string[] {
  if (rows.length === 0) return [];
  const entries = rows.flatMap((row, index) => {
    const [first, ...rest] = caseSummaryLines(row, publicBaseUrl);
    const number = `${index + 1}.`;
    const indent = ' '.repeat(number.length + 1);
    return [`${number} ${first}`, ...rest.map((line) => `${indent}${line}`), ''];
  });
  return [title, '', ...entries];
}

/**
 * The daily digest to staff (bokmål; staff-facing): overdue cases first, then those with at most
 * {@link SHORT_DEADLINE_WORKING_DAYS} working days left, each by due date. Sent every day, also
 * when nothing is urgent, so that a missing digest is itself a sign the watch did not run.
 *
 * It names cases by reference only (no requester name, e-mail or phone: staff open the console
 * for those), so the mail can sit in a shared mailbox.
 *
 * @example
 * digestMail({ assessment }).subject
 * // 'Personvernhenvendelser: 2 over fristen, 3 med kort frist (1. desember 2026)'
 */
export function digestMail(input: DigestInput): Letter {
  const { assessment, publicBaseUrl } = input;
  const overdue = assessment.urgent.filter((row) => row.overdue);
  const short = assessment.urgent.filter((row) => !row.overdue);
  const day = formatCalendarDate(assessment.today, 'nb');
  const failed = input.warningsFailed ?? 0;

  const summary =
    assessment.urgent.length === 0
      ? [
          'Ingen saker trenger handling i dag.',
          `${cases(assessment.waiting)} venter på svar; ingen er over fristen eller har ${SHORT_DEADLINE_WORKING_DAYS} arbeidsdager eller mindre igjen.`,
        ]
      : [
          `Saker som venter på svar: ${assessment.waiting}`,
          `Over fristen: ${overdue.length}`,
          `Kort frist (${SHORT_DEADLINE_WORKING_DAYS} arbeidsdager eller mindre igjen): ${short.length}`,
        ];

  return {
    subject: `Personvernhenvendelser: ${overdue.length} over fristen, ${short.length} med kort frist (${day})`,
    text: [
      `Daglig fristoversikt for personvernhenvendelser, ${day}.`,
      '',
      ...summary,
      '',
      ...section('OVER FRISTEN', overdue, publicBaseUrl),
      ...section('KORT FRIST', short, publicBaseUrl),
      ...(failed > 0
        ? [`${failed === 1 ? 'Ett fristvarsel' : `${failed} fristvarsler`} kunne ikke sendes i dag og forsøkes igjen i morgen.`, '']
        : []),
      `Alle åpne saker: ${consoleQueueLink(publicBaseUrl)}`,
      '',
      'Svaret skal gis uten ugrunnet opphold og senest innen fristen (personvernforordningen artikkel 12 nr. 3).',
      'Arbeidsdager igjen er regnet uten helger og norske helligdager.',
      'E-posten sendes automatisk hver morgen og inneholder ingen personopplysninger; åpne saken i konsollet for detaljer.',
    ].join('\n'),
  };
}
