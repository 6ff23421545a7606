import * as z from 'zod';

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
  returnPath: z.string().optional(),
  from: z.array(z.string()).optional(),
  sender: z.array(z.string()).optional(),
  replyTo: z.array(z.string()).optional(),
  to: z.array(z.string()).optional(),
  cc: z.array(z.string()).optional(),
  bcc: z.array(z.string()).optional(),
  date: z.string().optional(),
  messageId: z.string().optional(),
  subject: z.string().optional(),
});

export const SesMailSchema = z.object({
  timestamp: SesTimestampSchema,
  /** SES's own id of the received mail; also the S3 object name of the raw message. */
  messageId: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'an SES message id'),
  /** Envelope sender (MAIL FROM); empty for a bounce's null reverse-path. */
  source: z.string(),
  destination: z.array(z.string()),
  headersTruncated: z.boolean().optional(),
  headers: z.array(SesMailHeaderSchema).default([]),
  commonHeaders: SesCommonHeadersSchema.default({}),
});
export type SesMail = z.infer<typeof SesMailSchema>;

export const SesLambdaActionSchema = z.object({
  type: z.literal('Lambda'),
  functionArn: z.string(),
  invocationType: z.enum(['Event', 'RequestResponse']),
  topicArn: z.string().optional(),
});

export const SesReceiptSchema = z.object({
  /** When SES accepted the mail: the request's receipt time (Art. 12(3)). */
  timestamp: SesTimestampSchema,
  processingTimeMillis: z.number().nonnegative().optional(),
  recipients: z.array(z.string()).min(1),
  spamVerdict: VerdictSchema,
  virusVerdict: VerdictSchema,
  spfVerdict: VerdictSchema,
  dkimVerdict: VerdictSchema,
  dmarcVerdict: VerdictSchema,
  dmarcPolicy: z.enum(['none', 'quarantine', 'reject']).optional(),
  action: SesLambdaActionSchema,
});
export type SesReceipt = z.infer<typeof SesReceiptSchema>;

export const SesReceiptRecordSchema = z.object({
  eventSource: z.literal('aws:ses'),
  eventVersion: z.string(),
  ses: z.object({ mail: SesMailSchema, receipt: SesReceiptSchema }),
});
export type SesReceiptRecord = z.infer<typeof SesReceiptRecordSchema>;

export const SesReceiptEventSchema = z.object({ Records: z.array(SesReceiptRecordSchema).min(1) });
export type SesReceiptEvent = z.infer<typeof SesReceiptEventSchema>;
/** What a producer (the local SMTP inbox, a test) writes before defaults are applied. */
export type SesReceiptEventInput = z.input<typeof SesReceiptEventSchema>;

/** Where the receipt rule's S3 action stored the raw MIME of a received mail. */
export const rawMailKey = (prefix: string, sesMessageId: string): string => `${prefix}${sesMessageId}`;
