import * as z from 'zod/mini';
import { MESSAGE_CATEGORIES, MESSAGE_LANGUAGES } from '../inbox/inbound-message.js';
import { REQUEST_TYPES } from '../request/request-vocabulary.js';
import { InstantSchema } from '../request/rights-request.js';
import { AUTO_ANSWER_BLOCKERS } from './loop-safety.js';
import { VERDICT_STATUSES } from './ses-receipt-event.js';

/**
 * What became of a received mail. Every mail ends as exactly one of these, written once to the
 * inbox log, so none is ever silently dropped:
 * - `case`: a new rights request was stored (and its workflow started, or held for staff);
 * - `follow_up`: attached to an existing case's audit trail (the clock is not restarted);
 * - `triage`: listed for staff (not a request, uncertain, on behalf of another, about someone else,
 *   possible breach);
 * - `quarantine`: could not be read (unparseable, too large, virus, raw missing); raw kept;
 * - `duplicate`: the same Message-ID was already received; nothing new was started.
 */
export const INBOX_OUTCOMES = ['case', 'follow_up', 'triage', 'quarantine', 'duplicate'] as const;
export type InboxOutcome = (typeof INBOX_OUTCOMES)[number];

export const TRIAGE_REASONS = ['not_a_request', 'uncertain', 'on_behalf_of_other', 'third_party', 'possible_breach'] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

export const QUARANTINE_REASONS = ['unparseable', 'too_large', 'virus', 'raw_missing'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** How a follow-up was tied to its case. */
export const FOLLOW_UP_MATCHES = ['message_reference', 'subject_reference'] as const;
export type FollowUpMatch = (typeof FOLLOW_UP_MATCHES)[number];

/** Art. 33: a breach is reported to Datatilsynet within 72 hours of becoming aware of it. */
export const BREACH_RESPONSE_HOURS = 72;

const VerdictSchema = z.enum(VERDICT_STATUSES);

export const SenderAuthenticationSchema = z.object({
  spf: VerdictSchema,
  dkim: VerdictSchema,
  dmarc: VerdictSchema,
  addressTrusted: z.boolean(),
  failed: z.boolean(),
});

export const RecognitionSchema = z.object({
  types: z.array(z.enum(REQUEST_TYPES)),
  language: z.enum(MESSAGE_LANGUAGES),
  confidence: z.number(),
  category: z.enum(MESSAGE_CATEGORIES),
  onBehalfOfOther: z.boolean(),
  /** Entries stored before this flag existed read as false. */
  thirdParty: z._default(z.boolean(), false),
  employer: z.optional(z.boolean()),
  possibleBreach: z.boolean(),
});

/** Whether an automatic answer went (through the workflow) or was withheld, and why. */
export const AutoAnswerSchema = z.object({
  allowed: z.boolean(),
  blockedBy: z.array(z.enum([...AUTO_ANSWER_BLOCKERS, 'rate_limit'])),
});
export type AutoAnswer = z.infer<typeof AutoAnswerSchema>;

const SenderSchema = z.object({ address: z.string(), name: z.optional(z.string()) });

/** Fields every inbox entry has: which received mail, when it reached us, where its raw lies. */
const ReceivedMailFields = {
  /** SES's id of the received mail (also the raw object's name): unique per delivery. */
  inboxId: z.string().check(z.minLength(1)),
  /** When the mail reached our mail server, with its Oslo offset. */
  receivedAt: InstantSchema,
  /** Object key of the raw MIME in the inbound-mail bucket. */
  rawKey: z.string().check(z.minLength(1)),
};

/** The longest reason staff may give for dismissing a mail (it is kept on the log line). */
export const DISMISS_REASON_MAX_LENGTH = 500;

/** What staff decided for a triage entry: it became (or was found to be) a case, or was dismissed. */
export type TriageResolution =
  | { readonly outcome: 'case'; readonly caseId: string }
  | { readonly outcome: 'dismissed'; readonly reason: string };

const ResolvedBy = {
  /** `staff:<username>`, as the audit trail records staff. */
  by: z.string().check(z.minLength(1)),
  at: InstantSchema,
};

/**
 * A triage decision as recorded, once, on the mail's log line and its triage entry: so the log
 * still accounts for every mail after the entry has left the triage list.
 */
export const TriageResolutionRecordSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('case'), caseId: z.string().check(z.minLength(1)), ...ResolvedBy }),
  z.object({ outcome: z.literal('dismissed'), reason: z.string().check(z.minLength(1), z.maxLength(DISMISS_REASON_MAX_LENGTH)), ...ResolvedBy }),
]);
export type TriageResolutionRecord = z.infer<typeof TriageResolutionRecordSchema>;

/** One line of the inbox log: the single outcome of one received mail. */
export const InboxLogEntrySchema = z.object({
  ...ReceivedMailFields,
  outcome: z.enum(INBOX_OUTCOMES),
  recordedAt: InstantSchema,
  /** SHA-256 key of the Message-ID (or of the SES id when the mail had none). */
  messageKey: z.optional(z.string()),
  authentication: SenderAuthenticationSchema,
  caseId: z.optional(z.string()),
  followUpMatch: z.optional(z.enum(FOLLOW_UP_MATCHES)),
  /** The inbox id of the mail this one duplicates. */
  duplicateOf: z.optional(z.string()),
  triageReason: z.optional(z.enum(TRIAGE_REASONS)),
  quarantineReason: z.optional(z.enum(QUARANTINE_REASONS)),
  autoAnswer: z.optional(AutoAnswerSchema),
  /** For a `triage` outcome: what staff later decided. The outcome itself stays `triage`. */
  resolution: z.optional(TriageResolutionRecordSchema),
});
export type InboxLogEntry = z.infer<typeof InboxLogEntrySchema>;

/** A mail staff must look at. Possible breaches are `urgent` with a `respondBy` 72 hours out. */
export const TriageEntrySchema = z.object({
  ...ReceivedMailFields,
  reason: z.enum(TRIAGE_REASONS),
  urgent: z.boolean(),
  /** For a possible breach: the latest moment for the Art. 33 notification (UTC). */
  respondBy: z.optional(InstantSchema),
  /** Absent when recognition itself failed. */
  recognition: z.optional(RecognitionSchema),
  /** A stable code for why the mail could not become a case, e.g. `no_usable_sender`. */
  note: z.optional(z.string()),
  from: z.optional(SenderSchema),
  subject: z.string(),
  authentication: SenderAuthenticationSchema,
  /** A case the mail refers to (a breach report in reply to our letter). */
  relatedCaseId: z.optional(z.string()),
  /** Set when staff resolved the entry; a resolved entry is no longer listed for triage. */
  resolution: z.optional(TriageResolutionRecordSchema),
});
export type TriageEntry = z.infer<typeof TriageEntrySchema>;

/** A mail that could not be read; its raw stays in the bucket for staff. */
export const QuarantineEntrySchema = z.object({
  ...ReceivedMailFields,
  reason: z.enum(QUARANTINE_REASONS),
  /** The error's class name, never its message. */
  error: z.optional(z.string()),
  /** The parser's closed-set reason (`not_a_mail`, `missing_headers`…) or oversized part (`raw`, `own_text`). */
  detail: z.optional(z.string()),
  /** From SES's parsed headers, as far as it got: enough for staff to recognise the mail. */
  from: z.optional(z.string()),
  subject: z.optional(z.string()),
  authentication: SenderAuthenticationSchema,
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;
