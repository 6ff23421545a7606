import { withCodeForRepresentativeNote } from '../letters/on-behalf-note.js';
import type { Letter } from '../letters/letter.js';
import { verifyPageLink, type CodeLetterInput } from './verification-letters.js';
import type { RightsRequest } from '../request/rights-request.js';
import { generateCode, hashCode, newSalt } from './one-time-code.js';
import { osloCalendarDate } from '../deadline/index.js';
import type { LetterDestination } from '../post/letter-recipient.js';
import { postalTo } from '../post/postal-letter.js';
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

/**
 * The letter id of the code for destination `index` of the issue made at `issuedAt`: each issue's
 * letters are their own, so a resent code is a new letter while a re-run step repeats its own.
 */
export const codeLetterId = (purpose: CodeMailPurpose, issuedAt: string, index: number): string => `${purpose}#${issuedAt}#${index}`;

/**
 * The order to send code letters in, as indexes into `kinds`: the address the person typed
 * (`given`) first. Were the registered addresses mailed before it, the person asking would get
 * their own letter later exactly when the phone they typed is a customer's — a delay that tells.
 */
export function askerFirst(kinds: readonly CodeDestination['kind'][]): number[] {
  return [...kinds.keys()].sort((a, b) => Number(kinds[a] !== 'given') - Number(kinds[b] !== 'given') || a - b);
}

/**
 * A code to a postal address goes as a letter by post (made as a PDF, posted by staff), addressed
 * to the registered name, or for a given address to the name the requester gave.
 */
export function codeLetterDestination(request: RightsRequest, destination: CodeDestination, now: Date): LetterDestination {
  if (!destination.postalAddress) return { to: destination.address };
  return {
    to: postalTo(request.id),
    postal: {
      recipient: { name: destination.name ?? request.requester.name, address: destination.postalAddress },
      date: osloCalendarDate(now),
      language: request.language,
    },
  };
}

/** Sends of the last 24 hours, oldest first. */
export function recentSends(record: Pick<VerificationRecord, 'sentAt'> | undefined, now: Date): string[] {
  const since = now.getTime() - SEND_WINDOW_MS;
  return (record?.sentAt ?? []).filter((at) => Date.parse(at) > since);
}

/**
 * Makes a fresh code per destination, stores only their salted hashes (replacing every earlier
 * code and resetting the tries), then mails each code to its destination. The record is written
 * first, so a code that reaches a mailbox can always be checked; each letter is recorded by the
 * mailer before it is sent, so a step that dies afterwards resumes with {@link resumeIssuedCodes}
 * and repeats the identical letter instead of mailing a second, different code.
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
      issuedFor: mail.purpose,
    },
    previous?.version,
  );
  const link = verifyPageLink(deps.publicBaseUrl, request.id, request.language);
  const messageIds: string[] = [];
  for (const index of askerFirst(issued.map(({ destination }) => destination.kind))) {
    const { destination, code } = issued[index]!;
    // Asked by a representative: the data subject learns that someone asks on their behalf.
    const letter = withCodeForRepresentativeNote(request, mail.letter(request, { code, link, name: destination.name }));
    const { messageId } = await deps.mailer.send({
      ...codeLetterDestination(request, destination, now),
      subject: letter.subject,
      text: letter.text,
      language: request.language,
      purpose: mail.purpose,
      requestId: request.id,
      letterId: codeLetterId(mail.purpose, at, index),
    });
    messageIds[index] = messageId;
  }
  deps.logger.info('verification.code_sent', { requestId: request.id, purpose: mail.purpose, destinations: destinations.length });
  return { record, messageIds, at };
}

/**
 * For a step run again after a crash: when the stored codes were issued for `purpose` (by the
 * earlier run of this same step), sends their recorded letters again where they are not known to
 * have gone out, and answers the issue as if just made. Answers `undefined` when the codes were
 * issued for something else, or when none of their letters was recorded (then none went out, and
 * fresh codes are safe).
 */
export async function resumeIssuedCodes(
  deps: CodeSendingDeps,
  request: RightsRequest,
  previous: VerificationRecord | undefined,
  purpose: CodeMailPurpose,
): Promise<IssuedCodes | undefined> {
  if (!previous || previous.issuedFor !== purpose || previous.verifiedAt) return undefined;
  const sentByIndex: (string | undefined)[] = [];
  for (const index of askerFirst(previous.codes.map((code) => code.destination))) {
    const sent = await deps.mailer.resend(request.id, codeLetterId(purpose, previous.issuedAt, index));
    sentByIndex[index] = sent?.messageId;
  }
  const messageIds = sentByIndex.filter((id): id is string => id !== undefined);
  if (messageIds.length === 0) return undefined;
  deps.logger.info('verification.code_letters_resumed', { requestId: request.id, purpose, letters: messageIds.length });
  return { record: previous, messageIds, at: previous.issuedAt };
}
