import type { AuditEntry } from '../request/rights-request.js';
import { isWarningThreshold, type WarningThreshold } from './warning-thresholds.js';

/** Audit event of a deadline warning; the request's trail is the record of what was sent. */
export const DEADLINE_WARNING_SENT_EVENT = 'deadline.warning_sent';

/** Who sends deadline warnings and digests, as it appears in audit trails. */
export const DEADLINE_WATCH_ACTOR = 'system:deadline-watch';

/**
 * The audit entry recording that staff were warned at `threshold`. When the 7-day warning is
 * overtaken by the 2-day one (both reached on the same run), both are recorded with the message
 * id of the one mail sent, so neither is sent later.
 */
export function warningAuditEntry(requestId: string, threshold: WarningThreshold, at: string, messageId: string): AuditEntry {
  return {
    requestId,
    at,
    event: DEADLINE_WARNING_SENT_EVENT,
    actor: DEADLINE_WATCH_ACTOR,
    detail: { threshold, messageId },
  };
}

/**
 * The thresholds already warned about, read from a request's audit trail. The trail rather than a
 * field on the request, so recording a warning never bumps the version a running workflow step
 * expects; and so a re-run the same day, or the next day, sends nothing twice.
 */
export function warningsSentFrom(trail: readonly AuditEntry[]): ReadonlySet<WarningThreshold> {
  const sent = new Set<WarningThreshold>();
  for (const entry of trail) {
    const threshold = entry.event === DEADLINE_WARNING_SENT_EVENT ? entry.detail?.threshold : undefined;
    if (isWarningThreshold(threshold)) sent.add(threshold);
  }
  return sent;
}
