import type { Letter } from '../letters/letter.js';
import { verifyPageLink, type CodeLetterInput } from '../letters/verification-letters.js';
import type { RightsRequest } from '../request/rights-request.js';
import { generateCode, hashCode, newSalt } from './one-time-code.js';
import type { CodeDestination } from './registered-contact.js';
import type { CodeSendingDeps } from './verification-deps.js';
import { CODE_VALID_MINUTES, SEND_WINDOW_MS } from './verification-policy.js';
import type { VerificationRecord } from './verification-record.js';

/** The mail purposes that carry a code. */
export type CodeMailPurpose = 'verification-code' | 'verification-reminder';

export interface CodeMail {
  readonly purpose: CodeMailPurpose;
  readonly letter: (request: RightsRequest, input: CodeLetterInput) => Letter;
}

export interface IssuedCodes {
  readonly record: VerificationRecord;
  /** One per destination, in destination order. */
  readonly messageIds: readonly string[];
  readonly at: string;
}

/** Sends of the last 24 hours, oldest first. */
export function recentSends(record: Pick<VerificationRecord, 'sentAt'> | undefined, now: Date): string[] {
  const since = now.getTime() - SEND_WINDOW_MS;
  return (record?.sentAt ?? []).filter((at) => Date.parse(at) > since);
}

/**
 * Makes a fresh code per destination, stores only their salted hashes (replacing every earlier
 * code and resetting the tries), then mails each code to its destination. The record is written
 * first, so a code that reaches a mailbox can always be checked; a crash between the two costs at
 * most a code nobody received.
 *
 * @throws ConcurrentChangeError when the record changed since `previous` was read
 */
export async function issueCodes(
  deps: CodeSendingDeps,
  request: RightsRequest,
  destinations: readonly CodeDestination[],
  previous: VerificationRecord | undefined,
  mail: CodeMail,
): Promise<IssuedCodes> {
  const now = deps.now();
  const at = now.toISOString();
  const make = deps.generateCode ?? generateCode;
  const issued = destinations.map((destination) => ({ destination, code: make(), salt: newSalt() }));
  const record = await deps.verifications.save(
    {
      requestId: request.id,
      codes: issued.map(({ destination, code, salt }) => ({
        hash: hashCode(code, salt),
        salt,
        destination: destination.kind,
        customerIds: [...destination.customerIds],
      })),
      issuedAt: at,
      expiresAt: new Date(now.getTime() + CODE_VALID_MINUTES * 60_000).toISOString(),
      attempts: 0,
      sentAt: [...recentSends(previous, now), at],
    },
    previous?.version,
  );
  const link = verifyPageLink(deps.publicBaseUrl, request.id, request.language);
  const messageIds: string[] = [];
  for (const { destination, code } of issued) {
    const letter = mail.letter(request, { code, link });
    const { messageId } = await deps.mailer.send({
      to: destination.address,
      subject: letter.subject,
      text: letter.text,
      purpose: mail.purpose,
      requestId: request.id,
    });
    messageIds.push(messageId);
  }
  deps.logger.info('verification.code_sent', { requestId: request.id, purpose: mail.purpose, destinations: destinations.length });
  return { record, messageIds, at };
}
