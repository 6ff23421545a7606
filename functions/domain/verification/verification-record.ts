import * as z from 'zod/mini';

const Instant = z.iso.datetime({ offset: true });

/** Where a code went: the customer's registered e-mail, or the address a non-customer gave. */
export const DestinationKindSchema = z.enum(['registered', 'given']);
export type DestinationKind = z.infer<typeof DestinationKindSchema>;

/**
 * One live code: only its salted HMAC is kept. `customerIds` are the customers whose registered
 * address received it (empty for a `given` address), so entering it proves control of exactly
 * those customers' mailbox. The address itself is not stored: it is looked up again when needed.
 */
export const IssuedCodeSchema = z.object({
  hash: z.string().check(z.minLength(1)),
  salt: z.string().check(z.minLength(1)),
  destination: DestinationKindSchema,
  customerIds: z.array(z.string()),
});
export type IssuedCode = z.infer<typeof IssuedCodeSchema>;

/**
 * The verification state of one request beside it in the requests table (sk `VERIFICATION`).
 * Every write is conditional on `version`, so concurrent tries cannot exceed the limit.
 */
export const VerificationRecordSchema = z.object({
  requestId: z.string().check(z.minLength(1)),
  version: z.number().check(z.int(), z.nonnegative()),
  /** The codes of the latest send, one per destination; a new send replaces them all. */
  codes: z.array(IssuedCodeSchema).check(z.minLength(1)),
  issuedAt: Instant,
  expiresAt: Instant,
  /** Tries against the current codes, right or wrong. */
  attempts: z.number().check(z.int(), z.nonnegative()),
  /** When codes were sent in the last 24 hours, oldest first (the resend limit counts these). */
  sentAt: z.array(Instant),
  /**
   * Which letter carried the current codes (records from before this field: unknown). A step that
   * finds its own issue here after a crash sends those recorded letters again instead of new codes.
   */
  issuedFor: z.optional(z.enum(['verification-code', 'verification-reminder'])),
  /** Set when a code was entered correctly: the codes are then used up. */
  verifiedAt: z.optional(Instant),
});
export type VerificationRecord = z.infer<typeof VerificationRecordSchema>;

/** What a step writes; the store sets the version. */
export type VerificationRecordData = Omit<VerificationRecord, 'version'>;
