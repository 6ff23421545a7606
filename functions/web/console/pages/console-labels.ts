import type { RepresentativeRelation } from '../../../domain/request/representative.js';
import type { Urgency } from '../../../domain/console-queue/urgency.js';
import type { MessageCategory } from '../../../domain/inbox/inbound-message.js';
import type { QuarantineReason, TriageReason } from '../../../domain/intake-mail/inbox-entries.js';
import type { RecordCategory } from '../../../domain/plan/action-plan.js';
import { workingDays } from './console-format.js';
import { html, type SafeHtml } from '../../../platform/html.js';

/*
 * Norwegian names for what the console shows beyond the request vocabularies (statuses, channels
 * and types are in `domain/request/staff-labels.ts`, shared with the digest and the register).
 */

export const TRIAGE_REASON_LABELS: Readonly<Record<TriageReason, string>> = {
  possible_breach: 'Mulig brudd på personopplysningssikkerheten',
  on_behalf_of_other: 'Sendt på vegne av en annen – sjekk fullmakt',
  third_party: 'Ber om opplysninger om en annen person (arbeidsgiver, myndighet eller annen kunde) – ikke personens egen henvendelse',
  uncertain: 'Usikker gjenkjenning',
  not_a_request: 'Ser ikke ut som en personvernhenvendelse',
};

export const QUARANTINE_REASON_LABELS: Readonly<Record<QuarantineReason, string>> = {
  unparseable: 'Kunne ikke leses',
  too_large: 'For stor',
  virus: 'Virus funnet',
  raw_missing: 'Originalen mangler',
};

export const CATEGORY_LABELS: Readonly<Record<MessageCategory, string>> = {
  rights_request: 'Personvernhenvendelse',
  billing: 'Faktura',
  booking: 'Booking',
  complaint: 'Klage',
  spam: 'Søppelpost',
  newsletter: 'Nyhetsbrev',
  bounce: 'Returmelding',
  auto_reply: 'Autosvar',
  other: 'Annet',
};

export const RECORD_CATEGORY_LABELS: Readonly<Record<RecordCategory, string>> = {
  profile: 'Kundeprofil',
  subscription: 'Abonnementer',
  consent: 'Samtykker',
  reservation: 'Reservasjoner',
  service_note: 'Servicenotater',
  invoice: 'Fakturaer',
  payment: 'Betalinger',
  door_event: 'Dørlogg (Unloc)',
};

/** Where the gather steps read from (`data.gathered` audit entries). */
export const GATHER_SOURCE_LABELS: Readonly<Record<string, string>> = {
  subscriptions: 'Kunde- og abonnementsregisteret',
  billing: 'Fakturering',
  'access-log': 'Dørlogg (Unloc)',
};

/** What a sent mail was for, by its `mailsSent` purpose. */
export function mailPurposeLabel(purpose: string): string {
  const known: Readonly<Record<string, string>> = {
    acknowledgement: 'Bekreftelse på mottatt henvendelse',
    'verification-code': 'Kode for identitetskontroll',
    'verification-reminder': 'Påminnelse om identitetskontroll',
    'extension-notice': 'Varsel om forlenget frist',
    reply: 'Svar på henvendelsen',
    'download-code': 'Kode for nedlasting',
    'closure-manifestly-unfounded': 'Avslag: åpenbart grunnløs',
    'closure-excessive': 'Avslag: overdreven',
    'closure-merged': 'Varsel om sammenslåing',
  };
  if (known[purpose]) return known[purpose];
  if (purpose.startsWith('recipient-notice-')) return `Varsel til mottaker (${purpose.slice('recipient-notice-'.length)})`;
  return purpose;
}

/** The urgency badge's text: the colour only repeats it, so nobody depends on seeing colour. */
export function urgencyText(urgency: Urgency, workingDaysLeft: number | null): string {
  if (workingDaysLeft === null) return 'Avsluttet';
  if (urgency === 'overdue') return `Over fristen (${workingDays(-workingDaysLeft)})`;
  if (workingDaysLeft === 0) return 'Frist i dag';
  return `${workingDays(workingDaysLeft)} igjen`;
}

/**
 * The deadline badge. The words carry the meaning ("Over fristen (2 arbeidsdager)"); the colour
 * only repeats it, so the badge works for colour-blind staff and in a black-and-white printout.
 */
export const urgencyBadge = (urgency: Urgency, workingDaysLeft: number | null): SafeHtml =>
  html`<span class="badge badge-${workingDaysLeft === null ? 'normal' : urgency}">${urgencyText(urgency, workingDaysLeft)}</span>`;

/** The representative's relation to the data subject, as staff read it. */
export const RELATION_LABELS: Readonly<Record<RepresentativeRelation, string>> = {
  parent: 'Forelder (for barn)',
  guardian: 'Verge',
  lawyer: 'Advokat',
  other: 'Annen fullmektig',
};
