import { CarryOutIncompleteError } from '../carry-out/carry-out-errors.js';
import { loadPlan } from '../plan/load-plan.js';
import type { CorrectionRefusal } from '../plan/action-plan.js';
import { ACTION_IDS, pendingActionIds } from '../plan/planned-actions.js';
import { approvedReplyLetter, rejectedReplyLetter, type CorrectionOutcome, type ReplyFacts } from '../letters/reply-letters.js';
import { recipientOutcomes } from '../recipients/recipient-changes.js';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { canTransition } from '../lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { RecipientDirectory } from '../recipients/recipient-directory.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { Language } from '../request/request-vocabulary.js';
import type { ObjectStore } from '../storage/object-store.js';
import { answeredByPost } from '../post/letter-recipient.js';
import { loadRequest } from '../request/request-store.js';
import { sendMailOnce } from './send-mail-once.js';
import type { WorkflowDeps } from './workflow-deps.js';

export interface ReplyDeps extends WorkflowDeps {
  /** The request-data bucket, where the approved plan is. */
  readonly objects: ObjectStore;
  /**
   * The public site's origin (`PUBLIC_BASE_URL`); the download link is `<origin>/download/<id>`.
   * Optional like the verification links' origin; without it the link is site-relative.
   */
  readonly publicBaseUrl?: string;
  /** The recipients by name (`RECIPIENT_DIRECTORY`); the default directory when absent. */
  readonly recipients?: RecipientDirectory;
}

/**
 * The download page of a request's export package, in the requester's language: the only way to
 * the data, which never travel in a mail. `publicBaseUrl` is the site's origin (`PUBLIC_BASE_URL`);
 * without it the link is site-relative, as the verification links are.
 *
 * @example downloadPageLink('https://personvern.example.no/', 'NK-20261123-7KQ4M2PX', 'en')
 * // 'https://personvern.example.no/download/NK-20261123-7KQ4M2PX?lang=en'
 */
function downloadPageLink(publicBaseUrl: string | undefined, requestId: string, language: Language): string {
  const base = (publicBaseUrl ?? '').replace(/\/+$/, '');
  return `${base}/download/${encodeURIComponent(requestId)}?lang=${language}`;
}

/**
 * What the approved answer is written from: the approved plan and what the carry-out and notify
 * steps recorded. Refuses to describe actions that have not happened.
 */
async function replyFacts(deps: ReplyDeps, request: RightsRequest): Promise<ReplyFacts> {
  const plan = await loadPlan(deps.objects, request);
  const pending = pendingActionIds(request, plan);
  const trail = await deps.store.auditTrail(request.id);
  const recipients = recipientOutcomes(request, plan, trail);
  const unnotified = recipients.filter((recipient) => recipient.status === 'pending').length;
  if (pending.length + unnotified > 0) throw new CarryOutIncompleteError(request.id, pending.length + unnotified);

  const refusals = new Map(
    trail
      .filter((entry) => entry.event === 'action.refused')
      .map((entry) => [String(entry.detail?.action), entry.detail?.reason as CorrectionRefusal | undefined]),
  );
  const corrections: CorrectionOutcome[] = (request.decision?.corrections ?? []).map((correction) => {
    const refusal = refusals.get(ACTION_IDS.rectify(correction.customerId, correction.field));
    return { field: correction.field, outcome: refusal ?? 'done' };
  });
  return {
    request,
    plan,
    ...(request.export && answeredByPost(request) ? { copyByPost: true } : {}),
    // By post the copy is printed; the download page still serves the machine-readable file a
    // portability request asks for (its code then comes by post too).
    ...(request.export && (!answeredByPost(request) || request.types.includes('portability'))
      ? { downloadUrl: downloadPageLink(deps.publicBaseUrl, request.id, request.language) }
      : {}),
    corrections,
    recipients,
    ...(deps.recipients ? { recipientDirectory: deps.recipients } : {}),
  };
}

/**
 * Workflow step: answers the requester according to the recorded staff decision. The outcome the
 * workflow passes must match the stored one, so a stale execution cannot send the wrong answer.
 * An approval is answered from what was carried out (see {@link approvedReplyLetter}), only once
 * every planned action and recipient notice is recorded; a refusal gives the reason and remedies.
 *
 * @throws {CarryOutIncompleteError} when an approved request's actions or notices are not all recorded
 * @throws {PlanNotFoundError} when an approved request has no plan
 */
export async function sendReply(deps: ReplyDeps, requestId: string, outcome: 'approved' | 'rejected'): Promise<{ replied: true }> {
  let request = await loadRequest(deps.store, requestId);
  const decision = request.decision;
  if (!decision || decision.outcome !== outcome) {
    throw new InvalidTransitionError(requestId, request.status, `reply ${outcome}`);
  }
  if (!request.mailsSent.reply) {
    const letter =
      outcome === 'approved' ? approvedReplyLetter(await replyFacts(deps, request)) : rejectedReplyLetter(request, decision.reason ?? '');
    // By post, the copy is printed with the letter (the download page's code goes by e-mail only).
    const reportKey = outcome === 'approved' && answeredByPost(request) ? request.export?.reportKey : undefined;
    request = await sendMailOnce(deps, request, 'reply', letter, 'system:reply', { reportKey });
  }
  const event = outcome === 'approved' ? 'reply_sent' : 'refusal_sent';
  // Already in the answered status (a re-driven step): nothing to write.
  if (canTransition(request.status, event)) {
    await transitionRequest(deps.store, request, event, { actor: 'system:reply', at: deps.now().toISOString() });
  }
  return { replied: true };
}
