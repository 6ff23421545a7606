import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import type { Letter } from '../letters/letter.js';
import { SHORT_DEADLINE_WORKING_DAYS, type DeadlineAssessment, type WatchedCase } from './assess-deadlines.js';
import { caseSummaryLines } from './case-summary-lines.js';
import { daysBetween } from '../deadline/index.js';
import { consoleQueueLink, consoleTriageLink } from './console-links.js';

/** What the daily digest is built from. */
export interface DigestInput {
  readonly assessment: DeadlineAssessment;
  readonly publicBaseUrl?: string;
  /** Warnings that could not be sent on this run; they are tried again on the next. */
  readonly warningsFailed?: number;
  /** Mail set aside for triage and not yet resolved: counted every day until staff resolve it. */
  readonly triage?: TriageBacklog;
}

/** The open triage list in counts and dates only (no sender, no subject: the digest holds no personal data). */
export interface TriageBacklog {
  readonly open: number;
  /** Of them, possible breaches (Art. 33: 72 hours). */
  readonly urgent: number;
  /** Oslo calendar date the oldest open mail arrived. */
  readonly oldestReceivedOn?: string;
}

/** The digest's lines on the triage list, or none when it is empty. */
function triageLines(triage: TriageBacklog | undefined, today: string, publicBaseUrl: string | undefined): string[] {
  if (!triage || triage.open === 0) return [];
  const oldest = triage.oldestReceivedOn;
  const age = oldest === undefined ? undefined : daysBetween(oldest, today);
  return [
    'E-POST TIL VURDERING',
    `${triage.open === 1 ? 'Én e-post' : `${triage.open} e-poster`} i innboksen er ikke gjort om til sak eller avvist${triage.urgent > 0 ? `, ${triage.urgent} av dem mulig brudd på personopplysningssikkerheten (72 timer)` : ''}.`,
    ...(oldest !== undefined && age !== undefined
      ? [`Den eldste kom inn ${formatCalendarDate(oldest, 'nb')} (${age === 0 ? 'i dag' : age === 1 ? 'for 1 dag siden' : `for ${age} dager siden`}). Gjelder den en personvernhenvendelse, løper fristen fra da.`]
      : []),
    `Innboksen: ${consoleTriageLink(publicBaseUrl)}`,
    '',
  ];
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

  const triageOpen = input.triage?.open ?? 0;
  return {
    subject: `Personvernhenvendelser: ${overdue.length} over fristen, ${short.length} med kort frist${triageOpen > 0 ? `, ${triageOpen} e-post til vurdering` : ''} (${day})`,
    text: [
      `Daglig fristoversikt for personvernhenvendelser, ${day}.`,
      '',
      ...summary,
      '',
      ...section('OVER FRISTEN', overdue, publicBaseUrl),
      ...section('KORT FRIST', short, publicBaseUrl),
      ...triageLines(input.triage, assessment.today, publicBaseUrl),
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
