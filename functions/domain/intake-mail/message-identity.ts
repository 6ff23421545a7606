import { createHash } from 'node:crypto';

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * A Message-ID as compared across mails: without angle brackets and surrounding whitespace, case
 * kept (RFC 5322 ids are case-sensitive). `undefined` for an empty id.
 *
 * @example normaliseMessageId(' <CAF=x@mail.gmail.com> ') // 'CAF=x@mail.gmail.com'
 */
export function normaliseMessageId(raw: string | undefined): string | undefined {
  const id = raw?.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  return id ? id : undefined;
}

/**
 * The key a Message-ID is stored under: its SHA-256, so the table's keys carry no sender domain
 * or local part. A mail without Message-ID is keyed by its SES id, which still makes a retried
 * delivery of the same mail idempotent.
 */
export function messageKey(messageId: string | undefined, sesMessageId: string): string {
  const id = normaliseMessageId(messageId);
  return sha256(id ? `message-id:${id}` : `ses:${sesMessageId}`);
}

/** The key of an earlier mail a reply names in `In-Reply-To` or `References`. */
export const referencedMessageKey = (messageId: string): string | undefined => {
  const id = normaliseMessageId(messageId);
  return id ? sha256(`message-id:${id}`) : undefined;
};

/** A sender as the rate limit counts it: the lower-cased address, hashed (no address is stored). */
export const senderKey = (address: string): string => sha256(`sender:${address.trim().toLowerCase()}`);
