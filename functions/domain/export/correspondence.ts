import * as z from 'zod/mini';
import type { Localised } from '../letters/art15-information.js';
import type { Language } from '../request/request-vocabulary.js';
import { InstantSchema, type AuditEntry } from '../request/rights-request.js';

/**
 * The person's correspondence with us that this system holds (Art. 15(3)): the mails they sent to
 * the rights inbox (each recorded in its case's audit trail when it arrived) and the letters we
 * sent them (each recorded as `mail.sent` or with the code step that sent it). The trail keeps the
 * date and the kind of each letter but not its text (letters are dropped once sent), so the copy
 * gives a summary per kind. Letters to others (Art. 19 notices to recipients) are not the person's
 * correspondence and are left out.
 *
 * @module
 */

export const CorrespondenceItemSchema = z.object({
  direction: z.enum(['received', 'sent']),
  at: InstantSchema,
  /** The case the mail belongs to. */
  reference: z.string(),
  /** What the mail was, in the package's language. */
  summary: z.string(),
});
export type CorrespondenceItem = z.infer<typeof CorrespondenceItemSchema>;

const RECEIVED: Readonly<Record<string, Localised>> = {
  'mail.request_received': { nb: 'E-posten din som startet saken', nn: 'E-posten din som starta saka', en: 'Your e-mail that started the case' },
  'mail.followup_received': { nb: 'E-post fra deg i saken', nn: 'E-post frå deg i saka', en: 'An e-mail from you about the case' },
};

/** Each kind of letter we send the person, summarised. */
const LETTER_SUMMARIES: Readonly<Record<string, Localised>> = {
  acknowledgement: { nb: 'Bekreftelse på at vi mottok henvendelsen, med frist for svar', nn: 'Stadfesting på at vi tok imot førespurnaden, med frist for svar', en: 'Confirmation that we received your request, with the date we answer by' },
  'verification-code': { nb: 'Engangskode for å bekrefte hvem du er', nn: 'Eingongskode for å stadfeste kven du er', en: 'One-time code to confirm who you are' },
  'verification-reminder': { nb: 'Påminnelse om engangskoden', nn: 'Påminning om eingongskoden', en: 'Reminder of the one-time code' },
  'unverified-closure': { nb: 'Saken ble avsluttet fordi vi ikke fikk bekreftet hvem du er', nn: 'Saka vart avslutta fordi vi ikkje fekk stadfesta kven du er', en: 'The case was closed because we could not confirm who you are' },
  reply: { nb: 'Svaret vårt på henvendelsen', nn: 'Svaret vårt på førespurnaden', en: 'Our answer to your request' },
  'extension-notice': { nb: 'Melding om forlenget frist, med begrunnelse', nn: 'Melding om forlengd frist, med grunngiving', en: 'Notice that the deadline was extended, with the reasons' },
  'marketing-stop': { nb: 'Bekreftelse på at markedsføringen er stanset', nn: 'Stadfesting på at marknadsføringa er stansa', en: 'Confirmation that marketing has been stopped' },
  'closure-manifestly-unfounded': { nb: 'Melding om at henvendelsen ble avvist som åpenbart grunnløs', nn: 'Melding om at førespurnaden vart avvist som openbert grunnlaus', en: 'Notice that the request was refused as manifestly unfounded' },
  'closure-excessive': { nb: 'Melding om at henvendelsen ble avvist som overdreven', nn: 'Melding om at førespurnaden vart avvist som overdriven', en: 'Notice that the request was refused as excessive' },
  'closure-merged': { nb: 'Melding om at saken ble slått sammen med en annen sak', nn: 'Melding om at saka vart slått saman med ei anna sak', en: 'Notice that the case was merged with another case' },
  'restriction-lift-notice': { nb: 'Varsel før begrensningen av behandlingen ble opphevet', nn: 'Varsel før avgrensinga av behandlinga vart oppheva', en: 'Notice before the restriction of processing was lifted' },
  'restriction-disputed-correction': { nb: 'Melding om at behandlingen er begrenset mens rettingen vurderes', nn: 'Melding om at behandlinga er avgrensa medan rettinga blir vurdert', en: 'Notice that processing is restricted while the correction is assessed' },
};

const OTHER_LETTER: Localised = { nb: 'Brev fra oss om saken', nn: 'Brev frå oss om saka', en: 'A letter from us about the case' };

/** Letters that go to someone else than the person (Art. 19 notices, staff digests). */
const NOT_TO_THE_PERSON = /^(recipient-notice-|deadline-)/;

const wasSent = (detail: Record<string, unknown>): boolean =>
  (typeof detail.messageId === 'string' && detail.messageId !== '') ||
  (Array.isArray(detail.messageIds) && detail.messageIds.length > 0);

/** The mails of one case's audit trail, oldest first. */
export function correspondenceOf(reference: string, trail: readonly AuditEntry[], language: Language): CorrespondenceItem[] {
  const items: CorrespondenceItem[] = [];
  for (const entry of trail) {
    const received = RECEIVED[entry.event];
    if (received) {
      const at = typeof entry.detail?.receivedAt === 'string' && InstantSchema.safeParse(entry.detail.receivedAt).success ? entry.detail.receivedAt : entry.at;
      items.push({ direction: 'received', at, reference, summary: received[language] });
      continue;
    }
    const purpose = entry.detail?.purpose;
    if (typeof purpose !== 'string' || NOT_TO_THE_PERSON.test(purpose) || !entry.detail || !wasSent(entry.detail)) continue;
    items.push({ direction: 'sent', at: entry.at, reference, summary: (LETTER_SUMMARIES[purpose] ?? OTHER_LETTER)[language] });
  }
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** One entry of the current case's audit trail as the person gets it: what happened, when, by whom (kind only). */
export const AuditTrailItemSchema = z.object({
  at: InstantSchema,
  event: z.string(),
  fromStatus: z.optional(z.string()),
  toStatus: z.optional(z.string()),
  /** `requester`, `staff` or `system`: staff members' names are their own personal data (Art. 15(4)). */
  by: z.enum(['requester', 'staff', 'system']),
});
export type AuditTrailItem = z.infer<typeof AuditTrailItemSchema>;

const actorKind = (actor: string): AuditTrailItem['by'] =>
  actor.startsWith('staff:') ? 'staff' : actor === 'requester' || actor.startsWith('requester') ? 'requester' : 'system';

/** The audit trail for the copy: every entry, without free text or details (they may concern others). */
export const auditTrailForCopy = (trail: readonly AuditEntry[]): AuditTrailItem[] =>
  trail.map((entry) => ({
    at: entry.at,
    event: entry.event,
    ...(entry.fromStatus ? { fromStatus: entry.fromStatus } : {}),
    ...(entry.toStatus ? { toStatus: entry.toStatus } : {}),
    by: actorKind(entry.actor),
  }));
