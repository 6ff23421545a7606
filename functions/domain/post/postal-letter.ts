import type { PostalDelivery } from '../mail/mailer.js';

/**
 * A letter to be posted, as recorded with the case (requests table, sk `POST#<letter id>`): the
 * content until staff post it, the PDF's key once made, and who posted it when.
 */
export interface PostalLetter {
  readonly requestId: string;
  readonly letterId: string;
  readonly purpose: string;
  readonly recordedAt: string;
  readonly subject: string;
  readonly text: string;
  readonly postal: PostalDelivery;
  /** Key of the PDF in the encrypted request-data bucket, once made. */
  readonly pdfKey?: string;
  readonly posted?: { readonly by: string; readonly at: string };
}

/** Where letters to be posted are kept (the DynamoDB adapter implements it). */
export interface PostalLetterStore {
  /** Records the letter unless its id is recorded already (the first recorded content wins). */
  record(letter: PostalLetter): Promise<void>;
  get(requestId: string, letterId: string): Promise<PostalLetter | undefined>;
  /** Every letter of the request, posted or not, by letter id. */
  listForRequest(requestId: string): Promise<PostalLetter[]>;
  /** Letters not yet posted, across all cases, oldest first («Til utsending per post»). */
  listUnposted(): Promise<PostalLetter[]>;
  setPdfKey(requestId: string, letterId: string, pdfKey: string): Promise<void>;
  /** Marks it posted and takes it off the list of letters to post; false when it was posted already. */
  markPosted(requestId: string, letterId: string, posted: { by: string; at: string }): Promise<boolean>;
}

/** The message id a letter by post gets in `mailsSent` and the audit trail. */
export const postalMessageId = (letterId: string): string => `post:${letterId}`;

/** The `to` of an {@link OutgoingMail} that goes by post (never an e-mail address). */
export const postalTo = (requestId: string): string => `post:${requestId}`;

/**
 * Letters that answer the request (Art. 12(3)–(4)): the reply (approved or refused), the closure
 * after an identity never confirmed, and staff closures. One not yet posted is an answer not given.
 */
export const isAnswerPurpose = (purpose: string): boolean =>
  purpose === 'reply' || purpose === 'unverified-closure' || purpose.startsWith('closure-');
