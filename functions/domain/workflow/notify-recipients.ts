import { CarryOutIncompleteError } from '../carry-out/carry-out-errors.js';
import { loadPlan } from '../plan/load-plan.js';
import { ACTION_IDS, pendingActionIds } from '../plan/planned-actions.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { AuditEntry, RightsRequest } from '../request/rights-request.js';
import type { ObjectStore } from '../storage/object-store.js';
import { loadRequest } from '../request/request-store.js';
import type { WorkflowDeps } from './workflow-deps.js';
import type { RecipientAddresses } from '../recipients/recipient-addresses.js';
import { NOT_NOTIFIED_EVENT, NOTIFIED_EVENT, recipientNotices, type RecipientNotice } from '../recipients/recipient-changes.js';
import { recipientNoticeLetter } from '../letters/recipient-notice-letter.js';

export interface NotifyRecipientsDeps extends WorkflowDeps {
  readonly objects: ObjectStore;
  readonly recipientAddresses: RecipientAddresses;
}

export interface NotifyRecipientsSummary {
  readonly notified: number;
  readonly notNotified: number;
}

const ACTOR = 'system:notify-recipients';

/** The mail purpose of a recipient's notice (also its `mailsSent` key; SES tags allow no `:`). */
export const noticePurpose = (recipientId: string): string => `recipient-notice-${recipientId}`;

async function recordNotNotified(
  deps: NotifyRecipientsDeps,
  request: RightsRequest,
  trail: readonly AuditEntry[],
  notice: RecipientNotice,
  reason: 'no_address' | 'nothing_changed',
): Promise<RightsRequest> {
  const already = trail.some(
    (entry) => entry.event === NOT_NOTIFIED_EVENT && entry.detail?.recipient === notice.id && entry.detail?.reason === reason,
  );
  if (already) return request;
  const at = deps.now().toISOString();
  deps.logger.warn('recipient.not_notified', { requestId: request.id, recipient: notice.id, reason });
  return deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: { updatedAt: at },
    audit: {
      requestId: request.id,
      at,
      event: NOT_NOTIFIED_EVENT,
      actor: ACTOR,
      reason: reason === 'no_address' ? 'no notice address configured for the recipient' : 'nothing the recipient holds was changed',
      detail: { recipient: notice.id, reason },
    },
  });
}

/**
 * Workflow step after the carry-out: tells each recipient of the data about the rectification,
 * erasure or restriction that was carried out (Art. 19), in one Norwegian notice per recipient to
 * the address configured for it, with the customer reference and no other personal data. Each
 * notice is recorded (`carriedOut["notify:<id>"]`, `mailsSent`, a `recipient.notified` audit entry)
 * so a re-driven request sends none twice. A recipient with no configured address is recorded as
 * `recipient.not_notified` with the reason, and the reply tells the requester.
 *
 * @throws {CarryOutIncompleteError} when planned actions are not carried out yet: notices must not
 *   announce what has not happened
 */
export async function notifyRecipients(deps: NotifyRecipientsDeps, requestId: string): Promise<NotifyRecipientsSummary> {
  let request = await loadRequest(deps.store, requestId);
  if (request.decision?.outcome !== 'approved') throw new InvalidTransitionError(requestId, request.status, 'notify recipients');
  const plan = await loadPlan(deps.objects, request);
  const pending = pendingActionIds(request, plan);
  if (pending.length > 0) throw new CarryOutIncompleteError(requestId, pending.length);
  const trail = await deps.store.auditTrail(requestId);

  let notified = 0;
  let notNotified = 0;
  for (const notice of recipientNotices(request, plan, trail)) {
    const actionId = ACTION_IDS.notify(notice.id);
    if (request.carriedOut?.[actionId]) {
      notified += 1;
      continue;
    }
    if (notice.changes.length === 0) {
      request = await recordNotNotified(deps, request, trail, notice, 'nothing_changed');
      continue;
    }
    const address = deps.recipientAddresses[notice.id];
    if (!address) {
      request = await recordNotNotified(deps, request, trail, notice, 'no_address');
      notNotified += 1;
      continue;
    }
    const purpose = noticePurpose(notice.id);
    const { messageId } =
      request.mailsSent[purpose] ??
      (await deps.mailer.send({ to: address, ...recipientNoticeLetter(notice, requestId), purpose, requestId, letterId: purpose }));
    const at = deps.now().toISOString();
    request = await deps.store.apply(requestId, {
      expectedVersion: request.version,
      set: {
        carriedOut: { ...request.carriedOut, [actionId]: at },
        mailsSent: { ...request.mailsSent, [purpose]: request.mailsSent[purpose] ?? { messageId, sentAt: at } },
        updatedAt: at,
      },
      audit: {
        requestId,
        at,
        event: NOTIFIED_EVENT,
        actor: ACTOR,
        detail: { recipient: notice.id, changes: notice.changes.map((change) => change.reason).join(','), messageId },
      },
    });
    deps.logger.info('recipient.notified', { requestId, recipient: notice.id });
    notified += 1;
  }
  return { notified, notNotified };
}
