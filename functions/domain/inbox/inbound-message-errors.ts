/**
 * Why a raw mail could not be read. A closed set, so the intake can log the reason and count it
 * without ever logging the mail itself.
 */
export const UNPARSEABLE_REASONS = [
  'empty',
  'not_a_mail',
  'missing_headers',
  'broken_multipart',
  'undecodable_body',
  'parser_failure',
] as const;
/** One of `UNPARSEABLE_REASONS`; the intake stores it with the quarantined mail. */
export type UnparseableReason = (typeof UNPARSEABLE_REASONS)[number];

/**
 * The raw bytes are not a readable e-mail. The message names only the reason: it never quotes the
 * mail, which may hold personal data, so it is safe to log.
 */
export class UnparseableMessageError extends Error {
  override readonly name = 'UnparseableMessageError';
  constructor(readonly reason: UnparseableReason) {
    super(`inbound message cannot be parsed: ${reason}`);
  }
}

/** Which part of a message went past its limit (see `MessageLimits`). */
export type OversizedPart = 'raw' | 'own_text';

/**
 * A mail past the size limits. Sizes only, no content, so it is safe to log; staff read such a mail
 * themselves instead of recognition guessing from a truncated text.
 */
export class MessageTooLargeError extends Error {
  override readonly name = 'MessageTooLargeError';
  constructor(
    readonly part: OversizedPart,
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(`inbound message ${part === 'raw' ? 'is' : 'own text is'} ${bytes} bytes, over the limit of ${limitBytes}`);
  }
}
