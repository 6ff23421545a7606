import { z } from 'zod';
import { CHANNELS, LANGUAGES, REQUEST_TYPES, STATUSES } from './request-vocabulary.js';

/** A calendar date without time or zone, e.g. a due date: `2026-12-23`. */
export const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** An instant with its zone offset as it reached us, e.g. `2026-11-23T23:40:00+01:00`. */
export const InstantSchema = z.iso.datetime({ offset: true });

export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export const ChannelSchema = z.enum(CHANNELS);
export const LanguageSchema = z.enum(LANGUAGES);
export const StatusSchema = z.enum(STATUSES);

export const RequestTypesSchema = z
  .array(RequestTypeSchema)
  .min(1)
  .refine((types) => new Set(types).size === types.length, 'each request type at most once');

export const RequesterSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.email().max(254),
  phone: z.string().max(32).optional(),
});
export type Requester = z.infer<typeof RequesterSchema>;

export const DecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  decidedBy: z.string().min(1).max(200),
  decidedAt: InstantSchema,
  reason: z.string().max(2000).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * A data-subject rights request as stored. `receivedAt` keeps the offset it arrived with; the
 * receipt date and due date are derived from it in Europe/Oslo (see the deadline module).
 */
export const RightsRequestSchema = z.object({
  id: z.string().min(1),
  channel: ChannelSchema,
  types: RequestTypesSchema,
  receivedAt: InstantSchema,
  receiptDate: CalendarDateSchema,
  dueDate: CalendarDateSchema,
  extended: z.boolean(),
  requester: RequesterSchema,
  language: LanguageSchema,
  details: z.string().max(5000).optional(),
  status: StatusSchema,
  version: z.number().int().nonnegative(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  decision: DecisionSchema.optional(),
  /** Mails already sent, by purpose, so a re-driven workflow never sends one twice. */
  mailsSent: z.record(z.string(), z.object({ messageId: z.string(), sentAt: InstantSchema })).default({}),
});
export type RightsRequest = z.infer<typeof RightsRequestSchema>;

export const AuditEntrySchema = z.object({
  requestId: z.string(),
  at: InstantSchema,
  /** Stable event name, e.g. `request.received`, `status.changed`, `mail.sent`. */
  event: z.string(),
  fromStatus: StatusSchema.optional(),
  toStatus: StatusSchema.optional(),
  actor: z.string(),
  reason: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
