import type { OutgoingMail } from './mailer.js';

/**
 * A letter as recorded before sending. `mail` is the exact content to send; it is dropped once the
 * mail service accepted the letter, so only the fact of the send stays (no address, no code).
 */
export interface RecordedLetter {
  readonly requestId: string;
  readonly letterId: string;
  readonly purpose: string;
  readonly recordedAt: string;
  /** Present until the letter is known to have gone out. */
  readonly mail?: OutgoingMail;
  readonly sent?: { readonly messageId: string; readonly sentAt: string };
}

/**
 * Where letters are recorded before they are sent (the requests table, sk `LETTER#<letter id>`;
 * the DynamoDB adapter implements it).
 */
export interface LetterOutbox {
  get(requestId: string, letterId: string): Promise<RecordedLetter | undefined>;
  /** Records the letter unless one is recorded under its id already; answers the recorded one, which wins. */
  record(mail: OutgoingMail, at: string): Promise<RecordedLetter>;
  /** Marks the letter sent and forgets its content. */
  markSent(requestId: string, letterId: string, sent: { messageId: string; sentAt: string }): Promise<void>;
}
