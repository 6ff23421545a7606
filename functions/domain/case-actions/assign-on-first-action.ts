import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import type { StoreDeps } from '../request/request-store.js';
import { takeCase } from './take-case.js';

/**
 * The first staff member to act on a case without an assignee becomes its assignee (with the
 * `case.taken` entry), so colleagues see it is being handled without anyone pressing «Ta saken».
 * It runs after the action succeeded, so a refused action changes nothing. A case that is closed,
 * already has an assignee, or changed under both tries (a workflow step the action resumed) is
 * left as it is: the next action tries again, and nothing the action did depends on it.
 */
export async function assignOnFirstAction(deps: StoreDeps, input: { readonly requestId: string; readonly actor: string }): Promise<void> {
  const request = await deps.store.get(input.requestId);
  if (request === undefined || request.assignee !== undefined || request.status === 'closed') return;
  try {
    await takeCase(deps, input);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError) && !(error instanceof InvalidTransitionError)) throw error;
  }
}
