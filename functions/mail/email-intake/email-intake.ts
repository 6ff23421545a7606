import middy from '@middy/core';
import { InvalidSesEventError } from '../../domain/intake-mail/intake-errors.js';
import { receiveMail, type ReceiveMailDeps, type ReceivedMail } from '../../domain/intake-mail/receive-mail.js';
import { SesReceiptEventSchema } from '../../domain/intake-mail/ses-receipt-event.js';
import { errorName } from '../../platform/logger.js';
import { withheld } from '../../platform/withheld-error.js';
import { observability } from '../../platform/observability.js';

/** What the function returns (SES ignores it for `Event` invocations; tests and logs read it). */
export interface EmailIntakeResult {
  readonly mails: readonly ReceivedMail[];
}

/**
 * The SES receipt rule's Lambda action: validates the event and takes in every mail it names.
 * A failure is thrown, not swallowed: Lambda retries the asynchronous invocation (each step is
 * idempotent on the SES message id) and then puts the event in the failure queue for replay. It
 * leaves with its name only: a message could quote a sender's address or a line of the mail.
 */
export function createEmailIntakeHandler(deps: ReceiveMailDeps) {
  return middy(async (event: unknown): Promise<EmailIntakeResult> => {
    const parsed = SesReceiptEventSchema.safeParse(event);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => issue.path.join('.'));
      deps.logger.error('intake.invalid_event', { issues: issues.slice(0, 5).join(',') });
      throw new InvalidSesEventError(issues);
    }
    try {
      return { mails: await receiveMail(deps, parsed.data) };
    } catch (error) {
      deps.logger.error('intake.failed', {
        error: errorName(error),
        inboxIds: parsed.data.Records.map((record) => record.ses.mail.messageId).join(','),
      });
      throw withheld(error);
    }
  }).use(observability('email-intake'));
}
