import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a reference read aloud on the phone is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A request's reference, also its workflow execution name: `NK-20261123-7KQ4M2PX`. The date part
 * helps staff; the 40 random bits make it unguessable enough that a receipt URL reveals nothing.
 */
export function newRequestId(receiptDate: string): string {
  let random = '';
  for (let i = 0; i < 8; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `NK-${receiptDate.replaceAll('-', '')}-${random}`;
}

export const REQUEST_ID_PATTERN = /^NK-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;

/** Whether `value` has the shape of a reference; routes check it before any lookup. */
export const isRequestId = (value: unknown): value is string => typeof value === 'string' && REQUEST_ID_PATTERN.test(value);
