import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import { staffUsername } from '../staff-auth/staff-identity.js';

export interface TakeCaseInput {
  readonly requestId: string;
  /** `staff:<username>`: the username becomes the assignee. */
  readonly actor: string;
}

export interface TakeCaseResult {
  readonly assignee: NonNullable<RightsRequest['assignee']>;
  /** False when the actor already held the case. */
  readonly changed: boolean;
}

/**
 * Makes the acting staff member the case's assignee, so colleagues see it is being handled; taking
 * it from a colleague is allowed and the audit entry `case.taken` names who held it before.
 * A concurrent change (usually a workflow step) is met with one fresh read and one more try;
 * a second conflict goes to the caller. Closed cases are not taken.
 *
 * @throws InvalidTransitionError when the request is closed
 * @throws ConcurrentChangeError when the request changed under both tries
 */
export async function takeCase(deps: StoreDeps, input: TakeCaseInput): Promise<TakeCaseResult> {
  const username = staffUsername(input.actor);
  let request = await loadRequest(deps.store, input.requestId);
  for (let attempt = 1; ; attempt += 1) {
    if (request.status === 'closed') throw new InvalidTransitionError(request.id, request.status, 'take');
    if (request.assignee?.username === username) return { assignee: request.assignee, changed: false };
    const at = deps.now().toISOString();
    const assignee = { username, at };
    try {
      await deps.store.apply(request.id, {
        expectedVersion: request.version,
        set: { assignee, updatedAt: at },
        audit: {
          requestId: request.id,
          at,
          event: 'case.taken',
          actor: input.actor,
          detail: { previousAssignee: request.assignee?.username ?? null },
        },
      });
      deps.logger.info('case.taken', { requestId: request.id });
      return { assignee, changed: true };
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= 2) throw error;
      request = await loadRequest(deps.store, request.id);
    }
  }
}
