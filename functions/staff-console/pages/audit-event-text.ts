import type { AuditEntry } from '../../domain/request/rights-request.js';
import { STAFF_STATUS_LABELS } from '../../domain/request/staff-labels.js';
import { REQUEST_TYPE_LABELS } from '../../domain/request/request-type-labels.js';
import type { RequestType } from '../../domain/request/request-vocabulary.js';
import { GATHER_SOURCE_LABELS, mailPurposeLabel } from './console-labels.js';

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Events whose words need nothing from the entry's detail. */
const FIXED: Readonly<Record<string, string>> = {
  'request.received': 'Henvendelsen ble registrert',
  'mail.request_received': 'Henvendelsen kom inn på e-post',
  'mail.followup_received': 'Oppfølging mottatt på e-post',
  'mail.authentication_failed': 'Avsenderkontrollen (SPF/DKIM/DMARC) feilet',
  'verification.started': 'Identitetskontroll startet',
  'verification.awaiting': 'Venter på identitetskontroll',
  'verification.code_resent': 'Ny kode for identitetskontroll sendt',
  'verification.reminded': 'Påminnelse om identitetskontroll sendt',
  'verification.verified': 'Identiteten er bekreftet',
  'plan.built': 'Plan laget',
  'decision.first_approval': 'Første godkjenning av planen',
  'decision.approved': 'Planen er godkjent',
  'decision.rejected': 'Henvendelsen er avslått',
  'deadline.extended': 'Fristen er forlenget',
  'download.code_sent': 'Kode for nedlasting sendt',
  'download.code_locked': 'Nedlastingen ble sperret etter for mange feil koder',
  'export.downloaded': 'Eksporten ble lastet ned',
  'note.added': 'Notat',
  'case.taken': 'Saken ble tatt',
  'case.merged_in': 'En annen sak ble slått sammen med denne',
  'case.closed_by_staff': 'Saken ble avsluttet av saksbehandler',
  'intake.manual': 'Henvendelsen ble registrert manuelt',
  'marketing.stopped': 'Markedsføring stanset (e-post, SMS, telefon og adressert post) uten identitetskontroll',
  'processing.restricted': 'Analyse og utvikling begrenset mens protesten vurderes (art. 18 nr. 1 bokstav d)',
  'processing.restriction_lifted': 'Begrensningen av analyse og utvikling er opphevet (protesten ble ikke tatt til følge)',
};

/** What a merge changed on the surviving case: added rights, the earlier deadline, who vouched for the requester. */
function mergedInText(detail: Record<string, unknown>): string {
  const from = str(detail['from']);
  const parts = [from ? `Sak ${from} ble slått sammen med denne` : FIXED['case.merged_in']!];
  const added = Array.isArray(detail['addedTypes']) ? detail['addedTypes'].filter((type): type is RequestType => typeof type === 'string' && type in REQUEST_TYPE_LABELS) : [];
  if (added.length > 0) parts.push(`nye rettigheter: ${added.map((type) => REQUEST_TYPE_LABELS[type].nb.toLowerCase()).join(', ')}`);
  const due = detail['dueDate'] as { from?: unknown; to?: unknown } | undefined;
  if (due && str(due.to)) parts.push(`fristen er nå ${str(due.to)} (tidligste mottak)`);
  if (detail['extensionDropped']) parts.push('forlengelsen falt bort fordi den kom etter første måned regnet fra tidligste mottak');
  const confirmedBy = str(detail['samePersonConfirmedBy']);
  if (confirmedBy) parts.push(`ulike avsendere, bekreftet som samme person av ${confirmedBy.replace(/^staff:/, '')}`);
  return parts.join('; ');
}

/**
 * An audit entry in Norwegian words for the case history. Unknown events (from a newer step) fall
 * back to their stable name, so the history is never missing a line.
 */
export function auditEventText(entry: AuditEntry): string {
  const detail = entry.detail ?? {};
  switch (entry.event) {
    case 'status.changed': {
      const to = entry.toStatus ? STAFF_STATUS_LABELS[entry.toStatus] : 'ukjent';
      return entry.fromStatus ? `Status endret fra «${STAFF_STATUS_LABELS[entry.fromStatus]}» til «${to}»` : `Status satt til «${to}»`;
    }
    case 'mail.sent': {
      const purpose = str(detail['purpose']);
      return purpose ? `E-post sendt: ${mailPurposeLabel(purpose)}` : 'E-post sendt';
    }
    case 'mail.undeliverable': {
      const purpose = str(detail['purpose']);
      const what = purpose ? `: ${mailPurposeLabel(purpose)}` : '';
      const addresses = Array.isArray(detail['undeliverableAddresses']) ? detail['undeliverableAddresses'].filter((a) => typeof a === 'string') : [];
      const to = addresses.length > 0 ? ` (til ${addresses.join(', ')})` : '';
      return detail['kind'] === 'complaint' ? `E-post meldt som søppelpost${what}${to}` : `E-post kom ikke fram${what}${to}`;
    }
    case 'data.gathered': {
      const source = str(detail['source']);
      const records = typeof detail['records'] === 'number' ? ` (${detail['records']} oppføringer)` : '';
      return `Data innhentet fra ${source ? (GATHER_SOURCE_LABELS[source] ?? source) : 'ukjent kilde'}${records}`;
    }
    case 'deadline.extended': {
      const to = str(detail['to']);
      return to ? `Fristen er forlenget til ${to}` : FIXED['deadline.extended']!;
    }
    case 'case.merged_in':
      return mergedInText(detail);
    case 'case.closed_by_staff': {
      const kind = str(detail['kind']);
      const words: Readonly<Record<string, string>> = {
        merged: 'Saken ble slått sammen med en annen og avsluttet',
        manifestly_unfounded: 'Saken ble avsluttet som åpenbart grunnløs',
        excessive: 'Saken ble avsluttet som overdreven',
      };
      return (kind && words[kind]) ?? FIXED['case.closed_by_staff']!;
    }
    default:
      return FIXED[entry.event] ?? entry.event;
  }
}
