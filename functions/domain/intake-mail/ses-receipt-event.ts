import * as z from 'zod/mini';

/**
 * The event an SES receipt rule's **Lambda action** sends for one received mail, as SES sends it
 * (`Records[].ses.{mail,receipt}`). It carries headers and verdicts but never the body: the rule's
 * S3 action, which runs first, stores the raw MIME at `<prefix><mail.messageId>`. Local mode's
 * SMTP inbox builds the same shape, so one handler serves both.
 *
 * Parsed loosely where SES adds fields over time (unknown keys are kept out, never an error),
 * strictly where the intake relies on a value (timestamps, ids, verdicts).
 *
 * @example
 * { "Records": [{ "eventSource": "aws:ses", "eventVersion": "1.0", "ses": {
 *   "mail": { "timestamp": "2026-11-23T20:05:09.120Z", "messageId": "o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1",
 *             "source": "kari@example.no", "destination": ["naerkontor@obos.no"], "headersTruncated": false,
 *             "headers": [{ "name": "Subject", "value": "Innsyn" }],
 *             "commonHeaders": { "from": ["Kari <kari@example.no>"], "messageId": "<a@b>", "subject": "Innsyn" } },
 *   "receipt": { "timestamp": "2026-11-23T20:05:09.120Z", "recipients": ["naerkontor@obos.no"],
 *                "spamVerdict": { "status": "PASS" }, "virusVerdict": { "status": "PASS" },
 *                "spfVerdict": { "status": "PASS" }, "dkimVerdict": { "status": "PASS" },
 *                "dmarcVerdict": { "status": "PASS" },
 *                "action": { "type": "Lambda", "functionArn": "arn:aws:lambda:…", "invocationType": "Event" } } } }] }
 */
export const VERDICT_STATUSES = ['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

const VerdictSchema = z.object({ status: z.enum(VERDICT_STATUSES) });

/** SES writes timestamps as ISO-8601 in UTC with milliseconds: `2026-11-23T20:05:09.120Z`. */
const SesTimestampSchema = z.iso.datetime({ offset: true });

export const SesMailHeaderSchema = z.object({ name: z.string(), value: z.string() });

export const SesCommonHeadersSchema = z.object({
  returnPath: z.optional(z.string()),
  from: z.optional(z.array(z.string())),
  sender: z.optional(z.array(z.string())),
  replyTo: z.optional(z.array(z.string())),
  to: z.optional(z.array(z.string())),
  cc: z.optional(z.array(z.string())),
  bcc: z.optional(z.array(z.string())),
  date: z.optional(z.string()),
  messageId: z.optional(z.string()),
  subject: z.optional(z.string()),
});

export const SesMailSchema = z.object({
  timestamp: SesTimestampSchema,
  /** SES's own id of the received mail; also the S3 object name of the raw message. */
  messageId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,200}$/, 'an SES message id')),
  /** Envelope sender (MAIL FROM); empty for a bounce's null reverse-path. */
  source: z.string(),
  destination: z.array(z.string()),
  headersTruncated: z.optional(z.boolean()),
  headers: z._default(z.array(SesMailHeaderSchema), []),
  commonHeaders: z._default(SesCommonHeadersSchema, {}),
});
export type SesMail = z.infer<typeof SesMailSchema>;

export const SesLambdaActionSchema = z.object({
  type: z.literal('Lambda'),
  functionArn: z.string(),
  invocationType: z.enum(['Event', 'RequestResponse']),
  topicArn: z.optional(z.string()),
});

export const SesReceiptSchema = z.object({
  /** When SES accepted the mail: the request's receipt time (Art. 12(3)). */
  timestamp: SesTimestampSchema,
  processingTimeMillis: z.optional(z.number().check(z.nonnegative())),
  recipients: z.array(z.string()).check(z.minLength(1)),
  spamVerdict: VerdictSchema,
  virusVerdict: VerdictSchema,
  spfVerdict: VerdictSchema,
  dkimVerdict: VerdictSchema,
  dmarcVerdict: VerdictSchema,
  dmarcPolicy: z.optional(z.enum(['none', 'quarantine', 'reject'])),
  action: SesLambdaActionSchema,
});
export type SesReceipt = z.infer<typeof SesReceiptSchema>;

export const SesReceiptRecordSchema = z.object({
  eventSource: z.literal('aws:ses'),
  eventVersion: z.string(),
  ses: z.object({ mail: SesMailSchema, receipt: SesReceiptSchema }),
});
export type SesReceiptRecord = z.infer<typeof SesReceiptRecordSchema>;

export const SesReceiptEventSchema = z.object({ Records: z.array(SesReceiptRecordSchema).check(z.minLength(1)) });
export type SesReceiptEvent = z.infer<typeof SesReceiptEventSchema>;
/** What a producer (the local SMTP inbox, a test) writes before defaults are applied. */
export type SesReceiptEventInput = z.input<typeof SesReceiptEventSchema>;

/** Where the receipt rule's S3 action stored the raw MIME of a received mail. */
export const rawMailKey = (prefix: string, sesMessageId: string): string => `${prefix}${sesMessageId}`;
