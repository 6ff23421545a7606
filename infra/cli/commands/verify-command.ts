import { InvalidTransitionError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import type { CustomerLookup, ResumeDeps } from '../../../functions/domain/verification/verification-deps.js';
import {
  AlreadyVerifiedError,
  UnknownVerificationCustomerError,
  VerificationReasonRequiredError,
} from '../../../functions/domain/verification/verification-errors.js';
import { verifyManually } from '../../../functions/domain/verification/verify-manually.js';
import { CommandError, UsageError } from '../cli-errors.js';

export interface VerifyCommandInput {
  readonly requestId: string;
  /** `staff:<name>`. */
  readonly actor: string;
  /** How the identity was confirmed; required (`--reason TEXT`). */
  readonly reason: string | undefined;
  /** `--customer ID`: the customers confirmed, when the request matched several. */
  readonly customerIds?: readonly string[];
}

/**
 * `dsr verify <id> --reason TEXT [--customer ID]...`: staff confirm the requester's identity (e.g.
 * by phone to the registered number), the reason is recorded, and a waiting workflow resumes.
 */
export async function verifyCommand(
  deps: ResumeDeps & { readonly customers: CustomerLookup },
  input: VerifyCommandInput,
): Promise<string> {
  try {
    const result = await verifyManually(deps, input.requestId, {
      actor: input.actor,
      reason: input.reason ?? '',
      ...(input.customerIds && input.customerIds.length > 0 ? { customerIds: input.customerIds } : {}),
    });
    return JSON.stringify({
      id: input.requestId,
      verified: true,
      method: 'manual',
      subject: result.subject,
      delivered: result.delivered,
      ...(result.delivered ? {} : { note: 'recorded; the workflow goes on when it next checks the request' }),
    });
  } catch (error) {
    if (error instanceof VerificationReasonRequiredError) {
      throw new UsageError('verify needs --reason TEXT (how the identity was confirmed; it is kept in the audit trail)');
    }
    if (error instanceof RequestNotFoundError) throw new CommandError(`no request with id ${input.requestId}`);
    if (error instanceof AlreadyVerifiedError) throw new CommandError(`request ${input.requestId} is already verified`);
    if (error instanceof UnknownVerificationCustomerError) {
      throw new UsageError('--customer must name a customer the request was matched to (see "dsr status")');
    }
    if (error instanceof InvalidTransitionError) {
      throw new CommandError(`request ${input.requestId} can no longer be verified (status ${error.from})`);
    }
    throw error;
  }
}
