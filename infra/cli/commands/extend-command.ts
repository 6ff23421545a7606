import { RequestNotFoundError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import {
  AlreadyExtendedError,
  ExtensionReasonRequiredError,
  ExtensionTooLateError,
  extendDeadline,
  type ExtendDeadlineInput,
} from '../../../functions/domain/workflow/extend-deadline.js';
import type { WorkflowDeps } from '../../../functions/domain/workflow/workflow-deps.js';
import { CommandError, UsageError } from '../cli-errors.js';

/** `dsr extend <id> --reason TEXT`: extends to three months and mails the requester why. */
export async function extendCommand(deps: WorkflowDeps, input: ExtendDeadlineInput): Promise<string> {
  try {
    const { dueDate } = await extendDeadline(deps, input);
    return JSON.stringify({ id: input.requestId, extended: true, dueDate });
  } catch (error) {
    if (error instanceof ExtensionReasonRequiredError) throw new UsageError('extend needs --reason TEXT (the requester is told why)');
    if (error instanceof RequestNotFoundError) throw new CommandError(`no request with id ${input.requestId}`);
    if (error instanceof ExtensionTooLateError || error instanceof AlreadyExtendedError) throw new CommandError(error.message);
    if (error instanceof InvalidTransitionError) throw new CommandError(`request ${input.requestId} is already answered (status ${error.from})`);
    throw error;
  }
}
