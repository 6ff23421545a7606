import { createHmac } from 'node:crypto';
import { normalisePhone } from '../../platform/phone-number.js';

/** What a suppression entry stands for: an e-mail address or a phone number. */
export type SuppressedKind = 'email' | 'phone';

/**
 * One entry of the suppression list: a contact that must never be marketed to (Art. 21(3)), kept
 * as a keyed hash so the list is no address book. Whoever holds the list without the key can
 * neither read it nor test guessed addresses against it (a bare hash could be brute-forced).
 */
export interface SuppressionEntry {
  /** HMAC-SHA256 of the normalised contact, keyed with the suppression secret, base64url. */
  readonly key: string;
  readonly kind: SuppressedKind;
  readonly addedAt: string;
  /** `rights-request:<id>`: where the objection came from (accountability, Art. 5(2)). */
  readonly source: string;
}

/**
 * The suppression list consulted before any marketing send or import (requirement 11.2). Adding
 * an entry twice keeps the first; the DynamoDB adapter implements it.
 */
export interface SuppressionList {
  add(entry: SuppressionEntry): Promise<void>;
  has(key: string): Promise<boolean>;
}

/** The suppression secret must be long enough to make guessing it hopeless. */
export const MIN_SUPPRESSION_SECRET_LENGTH = 32;

/** The suppression secret is missing or too short: refuse to build keys that could be guessed. */
export class WeakSuppressionSecretError extends Error {
  override readonly name = 'WeakSuppressionSecretError';
  constructor() {
    super(`the suppression secret needs at least ${MIN_SUPPRESSION_SECRET_LENGTH} characters`);
  }
}

/** How a contact is written before hashing, so `Kari@Example.no ` and `kari@example.no` are one entry. */
function normalised(kind: SuppressedKind, value: string): string | undefined {
  if (kind === 'email') return value.trim().toLowerCase() || undefined;
  return normalisePhone(value);
}

/**
 * The suppression key of a contact: HMAC-SHA256 over `<kind>:<normalised value>`, keyed with the
 * secret from config. Undefined for a phone number that cannot be normalised.
 *
 * @throws {WeakSuppressionSecretError} when the secret is shorter than 32 characters
 */
export function suppressionKey(secret: string, kind: SuppressedKind, value: string): string | undefined {
  if (secret.length < MIN_SUPPRESSION_SECRET_LENGTH) throw new WeakSuppressionSecretError();
  const contact = normalised(kind, value);
  if (contact === undefined) return undefined;
  return createHmac('sha256', secret).update(`${kind}:${contact}`).digest('base64url');
}
