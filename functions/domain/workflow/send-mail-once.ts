import type { Letter } from '../letters/letter.js';
import { letterDestination } from '../post/letter-recipient.js';
import { osloCalendarDate } from '../deadline/index.js';
import { withOnBehalfNote } from '../letters/on-behalf-note.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { WorkflowDeps } from './workflow-deps.js';

/**
 * Sends a letter unless one with the same purpose was already sent for this request, and records
 * it on the request with an audit entry. A re-driven workflow therefore never mails twice; a crash
 * between SES accepting the mail and the mailer marking it sent repeats the identical letter (the
 * letter id is the purpose, so a re-rendered letter can never take its place). A person without
 * e-mail gets it by post (see {@link letterDestination}); `reportKey` prints the export with it.
 */
export async function sendMailOnce(
  deps: WorkflowDeps,
  request: RightsRequest,
  purpose: string,
  letter: Letter,
  actor: string,
  { reportKey }: { readonly reportKey?: string } = {},
): Promise<RightsRequest> {
  if (request.mailsSent[purpose]) return request;
  // To a representative: the letter says whose data it is about and that it goes to them on their behalf.
  const { subject, text } = withOnBehalfNote(request, letter, osloCalendarDate(deps.now()));
  const { messageId } = await deps.mailer.send({
    ...letterDestination(request, deps.now(), { reportKey }),
    subject,
    text,
    language: request.language,
    purpose,
    requestId: request.id,
    letterId: purpose,
  });
  const at = deps.now().toISOString();
  deps.logger.info('mail.sent', { requestId: request.id, purpose });
  return deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: { mailsSent: { ...request.mailsSent, [purpose]: { messageId, sentAt: at } }, updatedAt: at },
    audit: { requestId: request.id, at, event: 'mail.sent', actor, detail: { purpose, messageId } },
  });
}
