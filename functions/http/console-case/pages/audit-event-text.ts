import type { AuditEntry } from '../../../domain/request/rights-request.js';
import { STAFF_STATUS_LABELS } from '../../../domain/request/staff-labels.js';
import { REQUEST_TYPE_LABELS } from '../../../domain/request/request-type-labels.js';
import type { RequestType } from '../../../domain/request/request-vocabulary.js';
import { AUDIT_EVENT_LABELS, auditEventLabel } from './audit-event-labels.js';
import { GATHER_SOURCE_LABELS, mailPurposeLabel, RECORD_CATEGORY_LABELS } from '../../../web/console/pages/console-labels.js';

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);


const ACTION_KIND_WORDS: Readonly<Record<string, string>> = {
  export: 'eksport laget',
  rectify: 'opplysning rettet',
  consent: 'samtykke trukket tilbake',
  reserve: 'reservasjon mot kontaktkanal',
  restrict: 'behandlingen begrenset',
  'stop-purpose': 'formålet stanset',
  buyer: 'kjøpers navn og adresse skrevet på beholdte fakturaer',
  erase: 'slettet',
  retain: 'beholdt til oppbevaringstiden er ute',
  notify: 'mottaker varslet',
};

/** A plan action id (`erase:invoice:delete`) in words: what was done, and to which category. */
function actionWords(action: string): string | undefined {
  const [kind, category] = action.split(':');
  const words = kind === undefined ? undefined : ACTION_KIND_WORDS[kind];
  if (!words) return undefined;
  const label = category && Object.hasOwn(RECORD_CATEGORY_LABELS, category) ? RECORD_CATEGORY_LABELS[category as keyof typeof RECORD_CATEGORY_LABELS] : undefined;
  return (kind === 'erase' || kind === 'retain') && label ? `${label.toLowerCase()} ${words}` : words;
}

/** What a merge changed on the surviving case: added rights, the earlier deadline, who vouched for the requester. */
function mergedInText(detail: Record<string, unknown>): string {
  const from = str(detail['from']);
  const parts = [from ? `Sak ${from} ble slått sammen med denne` : AUDIT_EVENT_LABELS['case.merged_in']];
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
 * An audit entry in Norwegian words for the case history: the event's label from
 * {@link AUDIT_EVENT_LABELS}, refined by the entry's detail where that says more. An event newer
 * than this table still gets a line, in words, never its raw key.
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
      return to ? `Fristen er forlenget til ${to}` : AUDIT_EVENT_LABELS['deadline.extended'];
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
      return (kind && words[kind]) ?? AUDIT_EVENT_LABELS['case.closed_by_staff'];
    }
    case 'action.done':
    case 'action.refused': {
      const action = str(detail['action']);
      const what = action ? actionWords(action) : undefined;
      return what ? `${AUDIT_EVENT_LABELS[entry.event]}: ${what}` : AUDIT_EVENT_LABELS[entry.event];
    }
    default:
      return auditEventLabel(entry.event);
  }
}
