import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Digits in a one-time code: short enough to type from a phone, 10^6 guesses with 5 tries allowed. */
export const CODE_DIGITS = 6;

/** A fresh, uniformly random numeric code, e.g. `"048213"`. */
export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** A fresh random salt for one code, stored beside its hash. */
export const newSalt = (): string => randomBytes(16).toString('base64url');

/**
 * The stored form of a code: HMAC-SHA256 keyed with the salt. The code itself is never stored,
 * so a leaked table does not reveal codes still in use.
 */
export function hashCode(code: string, salt: string): string {
  return createHmac('sha256', salt).update(code.trim()).digest('base64url');
}

/** Compares in constant time so response timing reveals nothing about the code. */
export function codeMatches(candidate: string, hash: string, salt: string): boolean {
  const expected = Buffer.from(hash, 'base64url');
  const actual = Buffer.from(hashCode(candidate.replace(/\s+/g, ''), salt), 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
