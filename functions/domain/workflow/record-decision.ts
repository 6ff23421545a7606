import type { Decision } from '../request/rights-request.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { TaskCallbacks } from '../request/workflow-starter.js';
import { loadRequest } from './load-request.js';
import type { StoreDeps } from './workflow-deps.js';

/** A staff decision must give a reason when it refuses: the requester is owed it (Art. 12(4)). */
export class ReasonRequiredError extends Error {
  override readonly name = 'ReasonRequiredError';
  constructor() {
    super('a rejection needs a reason');
  }
}

export interface RecordDecisionInput {
  readonly requestId: string;
  readonly outcome: Decision['outcome'];
  readonly actor: string;
  readonly reason?: string;
}

export interface RecordDecisionResult {
  readonly delivered: boolean;
}

/**
 * Records a staff decision on the request (with who and why, in the audit trail) and resumes the
 * waiting workflow. The record comes first: if the workflow cannot be reached now, a re-driven
 * execution finds the decision and goes on from it.
 */
export async function recordDecision(
  deps: StoreDeps & { readonly callbacks: TaskCallbacks },
  input: RecordDecisionInput,
): Promise<RecordDecisionResult> {
  const reason = input.reason?.trim();
  if (input.outcome === 'rejected' && !reason) throw new ReasonRequiredError();
  const request = await loadRequest(deps.store, input.requestId);
  if (request.status !== 'awaiting_approval' || request.decision) {
    throw new InvalidTransitionError(request.id, request.status, `decide ${input.outcome}`);
  }
  const taskToken = await deps.store.taskToken(request.id);
  const at = deps.now().toISOString();
  const decision: Decision = { outcome: input.outcome, decidedBy: input.actor, decidedAt: at, reason };
  await deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: { decision, updatedAt: at },
    audit: {
      requestId: request.id,
      at,
      event: `decision.${input.outcome}`,
      actor: input.actor,
      reason,
    },
  });
  if (!taskToken) return { delivered: false };
  try {
    await deps.callbacks.succeed(taskToken, { outcome: input.outcome });
    return { delivered: true };
  } catch (error) {
    deps.logger.warn('decision.delivery_failed', { requestId: request.id, error: error instanceof Error ? error.name : 'unknown' });
    return { delivered: false };
  }
}
