import { isAnswered } from '../lifecycle/request-lifecycle.js';
import { letterDestination } from '../post/letter-recipient.js';
import { withOnBehalfNote } from '../letters/on-behalf-note.js';
import { compareCalendarDates, deadlineFromReceiptDate } from '../deadline/index.js';
import { extensionLetter } from '../letters/extension-letter.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** The extension was asked for after the first month ended (Art. 12(3) allows it only before). */
export class ExtensionTooLateError extends Error {
  override readonly name = 'ExtensionTooLateError';
  constructor(readonly dueDate: string) {
    super(`the one-month deadline ${dueDate} has passed; the deadline can no longer be extended`);
  }
}

export class AlreadyExtendedError extends Error {
  override readonly name = 'AlreadyExtendedError';
  constructor() {
    super('the deadline is already extended');
  }
}

export class ExtensionReasonRequiredError extends Error {
  override readonly name = 'ExtensionReasonRequiredError';
  constructor() {
    super('an extension needs a reason; the requester is told it');
  }
}

export interface ExtendDeadlineInput {
  readonly requestId: string;
  readonly actor: string;
  readonly reason: string;
  /** Today's date in Oslo: the extension is allowed up to and including the first due date. */
  readonly today: string;
}

/**
 * Extends the deadline to three months from receipt (Art. 12(3)), only within the first month
 * and with a reason. The notice to the requester is sent first and recorded in the same change
 * as the extension, so no extension exists without its notice.
 */
export async function extendDeadline(deps: WorkflowDeps, input: ExtendDeadlineInput): Promise<{ dueDate: string }> {
  const reason = input.reason.trim();
  if (!reason) throw new ExtensionReasonRequiredError();
  const request = await loadRequest(deps.store, input.requestId);
  if (request.extended) throw new AlreadyExtendedError();
  if (isAnswered(request.status)) {
    throw new InvalidTransitionError(request.id, request.status, 'extend');
  }
  if (compareCalendarDates(input.today, request.dueDate) > 0) throw new ExtensionTooLateError(request.dueDate);
  const dueDate = deadlineFromReceiptDate(request.receiptDate, { extended: true });

  const { messageId } = await deps.mailer.send({
    ...letterDestination(request, deps.now()),
    ...withOnBehalfNote(request, extensionLetter(request, reason, dueDate), input.today),
    language: request.language,
    purpose: 'extension-notice',
    requestId: request.id,
    letterId: 'extension-notice',
  });
  const at = deps.now().toISOString();
  await deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: {
      extended: true,
      dueDate,
      extension: { reason, by: input.actor, at, originalDueDate: request.dueDate },
      mailsSent: { ...request.mailsSent, 'extension-notice': { messageId, sentAt: at } },
      updatedAt: at,
    },
    audit: {
      requestId: request.id,
      at,
      event: 'deadline.extended',
      actor: input.actor,
      reason,
      detail: { from: request.dueDate, to: dueDate, noticeMessageId: messageId },
    },
  });
  deps.logger.info('deadline.extended', { requestId: request.id });
  return { dueDate };
}
