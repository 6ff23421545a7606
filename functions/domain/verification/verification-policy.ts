/**
 * The limits of identity verification by one-time code (GDPR Art. 12(6), EDPB 01/2022 para 69-70),
 * in one place so the steps, the letters and the page say the same thing.
 *
 * With six digits, {@link MAX_ATTEMPTS_PER_CODE} tries per code and at most {@link MAX_SENDS_PER_DAY}
 * codes a day (one more on the reminder's day), a guesser gets at most 25 (30) tries a day, each
 * with a chance of one in a million per live code (one code per destination, at most three).
 *
 * @module
 */

/** How long a code can be used after it was sent. */
export const CODE_VALID_MINUTES = 30;

/** Wrong tries allowed per code; the fifth wrong try kills it and a new code must be asked for. */
export const MAX_ATTEMPTS_PER_CODE = 5;

/** Codes sent for one request in any 24 hours, the first one included (the reminder is not limited). */
export const MAX_SENDS_PER_DAY = 5;

/** The least time between two codes the requester asks for. */
export const RESEND_INTERVAL_SECONDS = 60;

/**
 * Registered addresses one request may send codes to when the requester matches several customers
 * with different registered e-mails and none equals the address they wrote from. More than this is
 * left to staff (`AmbiguousRequesterError`).
 */
export const MAX_DESTINATIONS = 3;

/**
 * When the workflow reminds and when it closes an unverified request. The waits themselves are the
 * ASL's `TimeoutSeconds` (AwaitVerification 259200 s, AwaitVerificationAfterReminder 950400 s);
 * these are what the letters promise.
 */
export const REMINDER_AFTER_DAYS = 3;
export const CLOSE_AFTER_DAYS = 14;

/** The window {@link MAX_SENDS_PER_DAY} counts in: any 24 hours, not a calendar day. */
export const SEND_WINDOW_MS = 24 * 60 * 60 * 1000;
