import { RequestNotFoundError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { MarketingStopNotRefusableError } from '../../../functions/domain/request/marketing-stop-rules.js';
import {
  BalancingReasonRequiredError,
  CorrectionsRequiredError,
  MIN_BALANCING_REASON_LENGTH,
  ReasonRequiredError,
  RestrictionNotSetError,
  SameApproverError,
  recordDecision,
  type RecordDecisionInput,
} from '../../../functions/domain/workflow/record-decision.js';
import type { StoreDeps } from '../../../functions/domain/request/request-store.js';
import type { TaskCallbacks } from '../../../functions/domain/request/workflow-starter.js';
import { CommandError, UsageError } from '../cli-errors.js';

/** `dsr approve <id>` / `dsr reject <id> --reason TEXT`: records the decision and resumes the workflow. */
export async function decisionCommand(
  deps: StoreDeps & { readonly callbacks: TaskCallbacks },
  input: RecordDecisionInput,
): Promise<string> {
  try {
    const result = await recordDecision(deps, input);
    if (result.awaitingSecondApprover) {
      return JSON.stringify({
        id: input.requestId,
        approval: 'first',
        note: 'erasure: recorded; a second, different staff member must approve too',
      });
    }
    return JSON.stringify({
      id: input.requestId,
      decision: input.outcome,
      delivered: result.delivered,
      ...(result.delivered ? {} : { note: 'recorded; the workflow picks it up when the request is re-driven' }),
    });
  } catch (error) {
    if (error instanceof ReasonRequiredError) throw new UsageError('reject needs --reason TEXT (the requester is told why)');
    if (error instanceof MarketingStopNotRefusableError) {
      throw new CommandError(`request ${input.requestId} stops marketing: that took effect when received and cannot be refused`);
    }
    if (error instanceof BalancingReasonRequiredError) {
      throw new UsageError(`an objection under Art. 21(1) needs --reason TEXT with the balancing (at least ${MIN_BALANCING_REASON_LENGTH} characters; the requester is told)`);
    }
    if (error instanceof RestrictionNotSetError) {
      throw new CommandError('set the ground and scope of the restriction first (console, or POST /api/staff/requests/{id}/restriction)');
    }
    if (error instanceof SameApproverError) throw new CommandError('you approved this erasure already; a different staff member must give the second approval');
    if (error instanceof CorrectionsRequiredError) throw new UsageError(`${error.detail} (--correct FIELD=VALUE, FIELD one of name, email, phone, address)`);
    if (error instanceof RequestNotFoundError) throw new CommandError(`no request with id ${input.requestId}`);
    if (error instanceof InvalidTransitionError) {
      throw new CommandError(`request ${input.requestId} is not waiting for a decision (status ${error.from})`);
    }
    throw error;
  }
}
