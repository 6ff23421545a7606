import { verificationReminderLetter } from './verification-letters.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import { changeRequest } from './change-request.js';
import { issueCodes, resumeIssuedCodes } from './issue-codes.js';
import { destinationsFor } from './registered-contact.js';
import type { CodeSendingDeps } from './verification-deps.js';

/**
 * Workflow step after three days (`REMINDER_AFTER_DAYS`) without verification: mails a reminder with a
 * fresh code (replacing the old one) to the same kind of destination as the first code, and records
 * `verification.remindedAt`. Sends at most one reminder per request.
 *
 * A request verified in the meantime gets no reminder (`reminded: false`); the next wait then
 * raises `AlreadyVerifiedError` and the workflow goes on.
 *
 * @throws NoRegisteredContactError when the matched customers have no registered address left
 */
export async function sendVerificationReminder(deps: CodeSendingDeps, requestId: string): Promise<{ reminded: boolean }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.verification?.status === 'verified') return { reminded: false };
  if (request.verification?.remindedAt) return { reminded: true };
  if (request.verification?.status !== 'pending' || request.status !== 'awaiting_verification') {
    throw new InvalidTransitionError(requestId, request.status, 'remind verification');
  }
  const previous = await deps.verifications.get(requestId);
  // After a crash between the reminder's send and its record, the same reminder goes again.
  const issued =
    (await resumeIssuedCodes(deps, request, previous, 'verification-reminder')) ??
    (await issueCodes(deps, request, await destinationsFor(deps.customers, request), previous, {
      purpose: 'verification-reminder',
      letter: verificationReminderLetter,
    }));
  await changeRequest(deps, request, (current, at) => {
    const verification = current.verification;
    if (verification?.status !== 'pending' || verification.remindedAt) return undefined;
    return {
      set: {
        verification: { ...verification, remindedAt: issued.at },
        mailsSent: { ...current.mailsSent, 'verification-reminder': { messageId: issued.messageIds[0] ?? '', sentAt: issued.at } },
        updatedAt: at,
      },
      audit: {
        requestId,
        at,
        event: 'verification.reminded',
        actor: 'system:verification',
        detail: { purpose: 'verification-reminder', codes: issued.messageIds.length, messageIds: [...issued.messageIds] },
      },
    };
  });
  deps.logger.info('verification.reminded', { requestId });
  return { reminded: true };
}
