/**
 * Every audit event a request's trail can hold, by its stable name, with the Norwegian words the
 * case history shows for it. The history refines some of them with the entry's detail (which mail,
 * which source, the new date); this table is the floor, so no line ever shows a raw key.
 * `test/unit/staff-console/audit-event-labels.test.ts` fails when code writes an event that is
 * not here: add the event's label when you add the event.
 */
export const AUDIT_EVENT_LABELS = {
  'request.received': 'Henvendelsen ble registrert',
  'intake.manual': 'Henvendelsen ble registrert manuelt',
  'mail.request_received': 'Henvendelsen kom inn på e-post',
  'mail.triaged': 'E-post fra innboksen ble gjort om til en sak',
  'mail.followup_received': 'Oppfølging mottatt på e-post',
  'mail.authentication_failed': 'Avsenderkontrollen (SPF/DKIM/DMARC) feilet',
  'mail.sent': 'E-post sendt',
  'mail.undeliverable': 'E-post kom ikke fram',
  'status.changed': 'Status endret',
  'verification.started': 'Identitetskontroll startet',
  'verification.awaiting': 'Venter på identitetskontroll',
  'verification.code_resent': 'Ny kode for identitetskontroll sendt',
  'verification.reminded': 'Påminnelse om identitetskontroll sendt',
  'verification.verified': 'Identiteten er bekreftet',
  'data.gathered': 'Data innhentet',
  'plan.built': 'Plan laget',
  'plan.corrected': 'Planen ble rettet av saksbehandler',
  'decision.first_approval': 'Første godkjenning av planen',
  'decision.approved': 'Planen er godkjent',
  'decision.rejected': 'Henvendelsen er avslått',
  'decision.awaiting_again': 'Planen venter på ny godkjenning',
  'action.done': 'Tiltak i planen utført',
  'action.refused': 'Tiltak i planen kunne ikke utføres',
  'recipient.notified': 'Mottaker varslet om endringene (art. 19)',
  'recipient.not_notified': 'Mottaker ble ikke varslet',
  'restriction.set': 'Grunnlag og omfang for begrensning satt',
  'restriction.applied': 'Begrensningen er satt i verk',
  'restriction.lift_decided': 'Besluttet å oppheve begrensningen',
  'restriction.lifted': 'Begrensningen er opphevet',
  'processing.restricted': 'Analyse og utvikling begrenset mens protesten vurderes (art. 18 nr. 1 bokstav d)',
  'processing.restriction_lifted': 'Begrensningen av analyse og utvikling er opphevet (protesten ble ikke tatt til følge)',
  'marketing.stopped': 'Markedsføring stanset (e-post, SMS, telefon og adressert post) uten identitetskontroll',
  'deadline.extended': 'Fristen er forlenget',
  'deadline.warning_sent': 'Varsel om frist sendt til saksbehandlerne',
  'download.code_sent': 'Kode for nedlasting sendt',
  'download.code_locked': 'Nedlastingen ble sperret etter for mange feil koder',
  'export.downloaded': 'Eksporten ble lastet ned',
  'export.purged': 'Eksporten er slettet etter nedlastingsperioden',
  'note.added': 'Notat',
  'case.taken': 'Saken ble tatt',
  'case.merged_in': 'En annen sak ble slått sammen med denne',
  'case.closed_by_staff': 'Saken ble avsluttet av saksbehandler',
  'message.sent': 'Melding sendt til den registrerte',
  'letter.posted': 'Brev merket som postlagt',
  'mandate.attached': 'Fullmakt lastet opp',
  'mandate.accepted': 'Fullmakt kontrollert og godtatt',
  'mandate.refused': 'Fullmakt ikke godtatt',
  'identity.partial_match': 'Mulige treff i kunderegisteret – må avklares',
  'identity.linked': 'Saken knyttet til en kunde etter søk',
  'identity.no_match_confirmed': 'Bekreftet at ingen kunde er et treff',
} as const satisfies Readonly<Record<string, string>>;

export type LabelledAuditEvent = keyof typeof AUDIT_EVENT_LABELS;

/** The label of an event; an event from a newer step than this page says that it is unnamed, not its key. */
export const auditEventLabel = (event: string): string =>
  Object.hasOwn(AUDIT_EVENT_LABELS, event) ? AUDIT_EVENT_LABELS[event as LabelledAuditEvent] : 'Hendelse uten beskrivelse';
