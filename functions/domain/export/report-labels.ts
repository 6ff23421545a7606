import type { Localised } from '../letters/art15-information.js';
import type { Status } from '../request/request-vocabulary.js';

/**
 * What the stored codes of a case's history mean, as the person reads them in their copy: the
 * statuses and the audit events of `auditTrailForCopy`. The staff console has its own Norwegian
 * wording (`audit-event-labels.ts`); this is the customer's, in nb, nn and en.
 */
export const CUSTOMER_STATUS_LABELS: Readonly<Record<Status, Localised>> = {
  received: { nb: 'mottatt', nn: 'motteken', en: 'received' },
  awaiting_verification: { nb: 'venter på at du bekrefter hvem du er', nn: 'ventar på at du stadfestar kven du er', en: 'waiting for you to confirm who you are' },
  gathering: { nb: 'henter opplysninger', nn: 'hentar opplysningar', en: 'collecting data' },
  awaiting_approval: { nb: 'til godkjenning', nn: 'til godkjenning', en: 'awaiting approval' },
  carrying_out: { nb: 'utføres', nn: 'blir utført', en: 'being carried out' },
  replied: { nb: 'besvart', nn: 'svara', en: 'answered' },
  closed: { nb: 'avsluttet', nn: 'avslutta', en: 'closed' },
  extended: { nb: 'fristen er forlenget', nn: 'fristen er forlengd', en: 'deadline extended' },
  on_hold: { nb: 'på vent', nn: 'på vent', en: 'on hold' },
  rejected: { nb: 'avslått', nn: 'avslått', en: 'refused' },
  unverified: { nb: 'identiteten ble ikke bekreftet', nn: 'identiteten vart ikkje stadfesta', en: 'identity not confirmed' },
  needs_attention: { nb: 'til manuell behandling', nn: 'til manuell behandling', en: 'being handled manually' },
};

/** Every audit event a case's trail can hold, as the person reads it. */
export const CUSTOMER_AUDIT_EVENT_LABELS: Readonly<Record<string, Localised>> = {
  'request.received': { nb: 'Henvendelsen ble registrert', nn: 'Førespurnaden vart registrert', en: 'Your request was recorded' },
  'intake.manual': { nb: 'Henvendelsen ble registrert av en saksbehandler', nn: 'Førespurnaden vart registrert av ein saksbehandlar', en: 'Your request was recorded by a case handler' },
  'mail.request_received': { nb: 'Henvendelsen kom inn på e-post', nn: 'Førespurnaden kom inn på e-post', en: 'Your request arrived by e-mail' },
  'mail.triaged': { nb: 'E-posten din ble gjort om til en sak', nn: 'E-posten din vart gjord om til ei sak', en: 'Your e-mail was made into a case' },
  'mail.followup_received': { nb: 'Vi mottok en e-post fra deg i saken', nn: 'Vi tok imot ein e-post frå deg i saka', en: 'We received an e-mail from you about the case' },
  'mail.authentication_failed': { nb: 'Vi kunne ikke kontrollere avsenderen av e-posten', nn: 'Vi kunne ikkje kontrollere avsendaren av e-posten', en: 'We could not check the sender of the e-mail' },
  'mail.sent': { nb: 'Vi sendte en e-post', nn: 'Vi sende ein e-post', en: 'We sent an e-mail' },
  'mail.undeliverable': { nb: 'En e-post fra oss kom ikke fram', nn: 'Ein e-post frå oss kom ikkje fram', en: 'An e-mail from us could not be delivered' },
  'status.changed': { nb: 'Saken gikk videre', nn: 'Saka gjekk vidare', en: 'The case moved on' },
  'verification.started': { nb: 'Vi ba deg bekrefte hvem du er', nn: 'Vi bad deg stadfeste kven du er', en: 'We asked you to confirm who you are' },
  'verification.awaiting': { nb: 'Vi ventet på at du skulle bekrefte hvem du er', nn: 'Vi venta på at du skulle stadfeste kven du er', en: 'We waited for you to confirm who you are' },
  'verification.code_resent': { nb: 'Vi sendte deg en ny kode', nn: 'Vi sende deg ein ny kode', en: 'We sent you a new code' },
  'verification.reminded': { nb: 'Vi minnet deg på koden', nn: 'Vi minte deg på koden', en: 'We reminded you of the code' },
  'verification.verified': { nb: 'Du bekreftet hvem du er', nn: 'Du stadfesta kven du er', en: 'You confirmed who you are' },
  'data.gathered': { nb: 'Vi hentet opplysningene om deg', nn: 'Vi henta opplysningane om deg', en: 'We collected the data about you' },
  'plan.built': { nb: 'Vi laget en plan for svaret', nn: 'Vi laga ein plan for svaret', en: 'We drew up a plan for the answer' },
  'plan.corrected': { nb: 'Planen ble rettet', nn: 'Planen vart retta', en: 'The plan was corrected' },
  'decision.first_approval': { nb: 'Planen fikk den første av to godkjenninger', nn: 'Planen fekk den første av to godkjenningar', en: 'The plan got the first of two approvals' },
  'decision.approved': { nb: 'Planen ble godkjent', nn: 'Planen vart godkjend', en: 'The plan was approved' },
  'decision.rejected': { nb: 'Vi besluttet å nekte å etterkomme henvendelsen', nn: 'Vi bestemte å nekte å etterkomme førespurnaden', en: 'We decided to refuse the request' },
  'decision.awaiting_again': { nb: 'Planen skal godkjennes på nytt', nn: 'Planen skal godkjennast på nytt', en: 'The plan is to be approved again' },
  'action.done': { nb: 'Et tiltak i planen ble utført', nn: 'Eit tiltak i planen vart utført', en: 'A step of the plan was carried out' },
  'action.refused': { nb: 'Et tiltak i planen kunne ikke utføres', nn: 'Eit tiltak i planen kunne ikkje utførast', en: 'A step of the plan could not be carried out' },
  'recipient.notified': { nb: 'En mottaker av opplysningene ble varslet om endringen', nn: 'Ein mottakar av opplysningane vart varsla om endringa', en: 'A recipient of the data was told of the change' },
  'recipient.not_notified': { nb: 'En mottaker av opplysningene ble ikke varslet', nn: 'Ein mottakar av opplysningane vart ikkje varsla', en: 'A recipient of the data was not told' },
  'restriction.set': { nb: 'Vi bestemte hva som skal begrenses', nn: 'Vi bestemte kva som skal avgrensast', en: 'We decided what to restrict' },
  'restriction.applied': { nb: 'Behandlingen ble begrenset', nn: 'Behandlinga vart avgrensa', en: 'Processing was restricted' },
  'restriction.lift_decided': { nb: 'Vi besluttet å oppheve begrensningen', nn: 'Vi bestemte å oppheve avgrensinga', en: 'We decided to lift the restriction' },
  'restriction.lifted': { nb: 'Begrensningen ble opphevet', nn: 'Avgrensinga vart oppheva', en: 'The restriction was lifted' },
  'processing.restricted': { nb: 'Analyse og utvikling ble begrenset mens protesten vurderes', nn: 'Analyse og utvikling vart avgrensa medan protesten blir vurdert', en: 'Analysis and development were restricted while the objection is assessed' },
  'processing.restriction_lifted': { nb: 'Begrensningen av analyse og utvikling ble opphevet', nn: 'Avgrensinga av analyse og utvikling vart oppheva', en: 'The restriction of analysis and development was lifted' },
  'marketing.stopped': { nb: 'Markedsføringen til deg ble stanset', nn: 'Marknadsføringa til deg vart stansa', en: 'Marketing to you was stopped' },
  'deadline.extended': { nb: 'Fristen for svar ble forlenget', nn: 'Fristen for svar vart forlengd', en: 'The deadline for the answer was extended' },
  'deadline.warning_sent': { nb: 'Saksbehandlerne ble minnet om fristen', nn: 'Saksbehandlarane vart minte på fristen', en: 'The case handlers were reminded of the deadline' },
  'download.code_sent': { nb: 'Vi sendte deg en kode for nedlasting', nn: 'Vi sende deg ein kode for nedlasting', en: 'We sent you a download code' },
  'download.code_locked': { nb: 'Nedlastingen ble sperret etter for mange feil koder', nn: 'Nedlastinga vart sperra etter for mange feil kodar', en: 'The download was locked after too many wrong codes' },
  'export.downloaded': { nb: 'Kopien ble lastet ned', nn: 'Kopien vart lasta ned', en: 'The copy was downloaded' },
  'export.purged': { nb: 'Kopien ble slettet etter nedlastingsperioden', nn: 'Kopien vart sletta etter nedlastingsperioden', en: 'The copy was deleted after the download period' },
  'note.added': { nb: 'En saksbehandler skrev et notat', nn: 'Ein saksbehandlar skreiv eit notat', en: 'A case handler wrote a note' },
  'case.taken': { nb: 'En saksbehandler tok saken', nn: 'Ein saksbehandlar tok saka', en: 'A case handler took the case' },
  'case.merged_in': { nb: 'En annen sak fra deg ble slått sammen med denne', nn: 'Ei anna sak frå deg vart slått saman med denne', en: 'Another case from you was merged into this one' },
  'case.closed_by_staff': { nb: 'En saksbehandler avsluttet saken', nn: 'Ein saksbehandlar avslutta saka', en: 'A case handler closed the case' },
  'message.sent': { nb: 'En saksbehandler skrev til deg', nn: 'Ein saksbehandlar skreiv til deg', en: 'A case handler wrote to you' },
  'letter.posted': { nb: 'Et brev til deg ble sendt i posten', nn: 'Eit brev til deg vart sendt i posten', en: 'A letter to you was posted' },
  'identity.partial_match': { nb: 'Vi fant mulige treff i kunderegisteret', nn: 'Vi fann moglege treff i kunderegisteret', en: 'We found possible matches in the customer register' },
  'identity.linked': { nb: 'Saken ble knyttet til kundeforholdet ditt', nn: 'Saka vart knytt til kundeforholdet ditt', en: 'The case was linked to your customer account' },
  'mandate.attached': { nb: 'Fullmakten ble lagt ved saken', nn: 'Fullmakta vart lagd ved saka', en: 'The mandate was attached to the case' },
  'mandate.accepted': { nb: 'Fullmakten ble godtatt', nn: 'Fullmakta vart godteken', en: 'The mandate was accepted' },
  'mandate.refused': { nb: 'Fullmakten ble ikke godtatt', nn: 'Fullmakta vart ikkje godteken', en: 'The mandate was not accepted' },
  'identity.no_match_confirmed': { nb: 'Vi fant deg ikke i kunderegisteret', nn: 'Vi fann deg ikkje i kunderegisteret', en: 'We did not find you in the customer register' },
};

/** An event from a newer step than this report knows: described, never shown by its key. */
const OTHER_EVENT: Localised = { nb: 'Annen registrering i saken', nn: 'Anna registrering i saka', en: 'Other entry in the case' };

/** The person's wording of an audit event. */
export const customerAuditEventLabel = (event: string): Localised =>
  Object.hasOwn(CUSTOMER_AUDIT_EVENT_LABELS, event) ? CUSTOMER_AUDIT_EVENT_LABELS[event]! : OTHER_EVENT;

/** The person's wording of a stored status; an unknown one is named as such, not by its code. */
export const customerStatusLabel = (status: string): Localised =>
  Object.hasOwn(CUSTOMER_STATUS_LABELS, status)
    ? CUSTOMER_STATUS_LABELS[status as Status]
    : { nb: 'annen status', nn: 'anna status', en: 'other status' };
