import type { Language } from '../request/request-vocabulary.js';
import type { PostalAddress } from '../request/rights-request.js';

/** Who a letter by post is addressed to, as printed in the PDF's address window. */
export interface PostalRecipient {
  readonly name: string;
  readonly address: PostalAddress;
}

/** What a letter by post needs beyond the mail's subject and text. */
export interface PostalDelivery {
  readonly recipient: PostalRecipient;
  /** The letter's date (Oslo calendar date, `YYYY-MM-DD`), fixed when the letter is recorded. */
  readonly date: string;
  readonly language: Language;
  /**
   * The export report (access or portability) to print with the letter: the S3 key of its
   * readable report in the request-data bucket, appended to the PDF after the letter.
   */
  readonly reportKey?: string;
}

/** One outgoing mail, rendered in the requester's language. */
export interface OutgoingMail {
  /** The e-mail address; for a letter by post, `post:<request id>` (the address is in `postal`). */
  readonly to: string;
  /**
   * Set for a person without e-mail: the letter is made as a PDF, kept with the case and posted by
   * staff instead of mailed (see `PostTransport`).
   */
  readonly postal?: PostalDelivery;
  readonly subject: string;
  readonly text: string;
  /**
   * The HTML part. Left out, the {@link RecordingMailer} renders it from `text` (every mail goes
   * as HTML with a plain-text part).
   */
  readonly html?: string;
  /** The language the letter is written in (the HTML part's `lang`); Norwegian bokmål when left out. */
  readonly language?: string;
  /** What the mail is for (`acknowledgement`, `reply`), used in tags and the audit trail. */
  readonly purpose: string;
  readonly requestId: string;
  /**
   * Names this one letter within its request (`acknowledgement`, `verification-code#<issue>#0`).
   * A letter id goes out with one content only: once recorded, a later send under the same id
   * sends the recorded letter again (when it is not known to have gone out) or nothing, never a
   * newly rendered one. A letter meant to go again with new content (a resent code) takes a new id.
   */
  readonly letterId: string;
}

/** Hands one mail to the mail service (the SES v2 adapter); knows nothing about earlier sends. */
export interface MailTransport {
  deliver(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
}

/**
 * Sends letters so that a crash at any line can repeat only the identical letter: each letter is
 * recorded (with its content) before it is handed to the mail service, and marked sent after.
 * {@link RecordingMailer} implements it over a {@link MailTransport} and a letter outbox.
 */
export interface Mailer {
  /** Records the letter unless its id is recorded already, then sends the recorded one unless it went out. */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
  /**
   * Sends again the letter recorded under this id if it is not known to have gone out; answers its
   * message id, or `undefined` when no letter was recorded under the id (so none can have gone out).
   */
  resend(requestId: string, letterId: string): Promise<{ readonly messageId: string } | undefined>;
}
