import * as z from 'zod/mini';
import { RequestedRestrictionSchema, RestrictionSchema } from './request-restriction.js';
import { CHANNELS, LANGUAGES, REQUEST_TYPES, STATUSES } from './request-vocabulary.js';
import { MandateSchema, RepresentativeSchema } from './representative.js';

/** A calendar date without time or zone, e.g. a due date: `2026-12-23`. */
export const CalendarDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));

/** An instant with its zone offset as it reached us, e.g. `2026-11-23T23:40:00+01:00`. */
export const InstantSchema = z.iso.datetime({ offset: true });

export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export const ChannelSchema = z.enum(CHANNELS);
export const LanguageSchema = z.enum(LANGUAGES);
export const StatusSchema = z.enum(STATUSES);

export const RequestTypesSchema = z.array(RequestTypeSchema).check(z.minLength(1), z.refine((types) => new Set(types).size === types.length, 'each request type at most once'));

/** A Norwegian postal address, where letters to a person without e-mail go (as PDF, posted by staff). */
export const PostalAddressSchema = z.object({
  street: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  postalCode: z.string().check(z.regex(/^\d{4}$/, 'four digits')),
  city: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

/**
 * Who asked, and how they can be answered: an e-mail address, a postal address, or both (a phone
 * number is a way to reach them, not to answer in writing). Art. 12(1) lets the person choose the
 * channel; a letter by post is as much an answer as a mail.
 */
export const RequesterSchema = z.object({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    email: z.optional(z.email().check(z.maxLength(254))),
    phone: z.optional(z.string().check(z.maxLength(32))),
    postalAddress: z.optional(PostalAddressSchema),
  }).check(z.refine((requester) => requester.email !== undefined || requester.postalAddress !== undefined, {
    message: 'a requester needs an e-mail or a postal address',
  }));
export type Requester = z.infer<typeof RequesterSchema>;


export const DecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  decidedBy: z.string().check(z.minLength(1), z.maxLength(200)),
  decidedAt: InstantSchema,
  reason: z.optional(z.string().check(z.maxLength(2000))),
  /** Rectification: the field changes staff approved (the request itself is free text). */
  corrections: z.optional(z.array(z.object({ customerId: z.string(), field: z.enum(['name', 'email', 'phone', 'address']), to: z.unknown() }))),
});
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * A data-subject rights request as stored. `receivedAt` keeps the offset it arrived with; the
 * receipt date and due date are derived from it in Europe/Oslo (see the deadline module).
 */
export const RightsRequestSchema = z.object({
  id: z.string().check(z.minLength(1)),
  channel: ChannelSchema,
  types: RequestTypesSchema,
  receivedAt: InstantSchema,
  receiptDate: CalendarDateSchema,
  dueDate: CalendarDateSchema,
  extended: z.boolean(),
  /** The data subject: the person whose data the request is about, and whose identity is checked. */
  requester: RequesterSchema,
  /**
   * Set when someone asks on the data subject's behalf (a parent, a guardian, a lawyer): letters go
   * to them, and nothing is carried out until staff accepted their {@link mandate}.
   */
  representative: z.optional(RepresentativeSchema),
  /** The representative's mandate document and what staff found in it. */
  mandate: z.optional(MandateSchema),
  language: LanguageSchema,
  details: z.optional(z.string().check(z.maxLength(5000))),
  status: StatusSchema,
  version: z.number().check(z.int(), z.nonnegative()),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  decision: z.optional(DecisionSchema),
  /** Identity verification (Art. 12(6)); `subject: address` when the requester is not a customer. */
  verification: z.optional(z.object({
      status: z.enum(['pending', 'verified']),
      subject: z.enum(['customer', 'address']),
      /** `code`: a code by mail or by post; `manual`: staff (e.g. called the registered number). */
      method: z.optional(z.enum(['code', 'manual'])),
      verifiedAt: z.optional(InstantSchema),
      verifiedBy: z.optional(z.string()),
      reason: z.optional(z.string()),
      remindedAt: z.optional(InstantSchema),
      /**
       * For a requester without e-mail verified as a customer: the name and postal address
       * REGISTERED for that customer, where every letter after verification goes. The address typed
       * on the request is anyone's to write; only the registered one is proven (by the code letter
       * it received, or by staff who checked it against the customer's record).
       */
      answerTo: z.optional(z.object({ name: z.string().check(z.minLength(1), z.maxLength(200)), address: PostalAddressSchema })),
    })),
  /** Customers the verified requester is (internal; never shown to an unverified party). */
  customerIds: z.optional(z.array(z.string())),
  /** Object keys of the gathered data and the plan in the request-data bucket. */
  gathered: z.optional(z.record(z.string(), z.string())),
  planKey: z.optional(z.string()),
  /** Staff approvals so far; an erasure plan needs two different approvers. */
  approvals: z.optional(z.array(z.object({ by: z.string(), at: InstantSchema, reason: z.optional(z.string()) }))),
  /** Set when staff extended the deadline (Art. 12(3)): why, by whom, and the original due date. */
  extension: z.optional(z.object({ reason: z.string(), by: z.string(), at: InstantSchema, originalDueDate: CalendarDateSchema })),
  /** Plan actions already carried out, by action id, so a re-driven request repeats none. */
  carriedOut: z.optional(z.record(z.string(), InstantSchema)),
  /** The export package of an access/portability request and its download window. */
  export: z.optional(z.object({ dataKey: z.string(), reportKey: z.string(), expiresAt: InstantSchema, downloads: z.number().check(z.int(), z.nonnegative()) })),
  /** The staff member who took the case, so colleagues see it is being handled. */
  assignee: z.optional(z.object({ username: z.string().check(z.minLength(1), z.maxLength(100)), at: InstantSchema })),
  /**
   * Why staff closed the case without carrying it out: merged into another case, or refused as
   * manifestly unfounded or excessive (Art. 12(5)) with the reason sent to the person.
   */
  closure: z.optional(z.object({
      kind: z.enum(['merged', 'manifestly_unfounded', 'excessive']),
      reason: z.string().check(z.minLength(1), z.maxLength(2000)),
      by: z.string(),
      at: InstantSchema,
      mergedInto: z.optional(z.string()),
    })),
  /**
   * The marketing stop (Art. 21(2)–(3), 7(3)), recorded when it took effect: before any identity
   * check, at once. Counts only; the suppression list holds a keyed hash, never the address.
   */
  marketingStop: z.optional(z.object({
      at: InstantSchema,
      /** Customers whose consents were withdrawn and channels reserved. */
      customers: z.number().check(z.int(), z.nonnegative()),
      /** The address matched no customer and went on the suppression list. */
      suppressed: z.boolean(),
      /** Confirmations sent (to registered addresses, or to the given one when it matched no customer). */
      confirmations: z.number().check(z.int(), z.nonnegative()),
    })),
  /** Art. 18: the ground and scope the requester chose on the form (or staff took down), which staff confirm. */
  requestedRestriction: z.optional(RequestedRestrictionSchema),
  /** Art. 18: the ground and scope staff set (or a disputed correction set), and when it was applied and lifted. */
  restriction: z.optional(RestrictionSchema),
  /**
   * The search before «we hold nothing» found customers by another identifier than the proven
   * address (same name and address, or same phone, with another e-mail): staff link the case to
   * one of them (after confirming who the person is) or confirm no match before any answer goes.
   * The candidates themselves are in the plan, read by staff only.
   */
  identityReview: z.optional(z.object({
      status: z.enum(['pending', 'linked', 'no_match']),
      candidates: z.number().check(z.int(), z.nonnegative()),
      at: InstantSchema,
      by: z.optional(z.string()),
      reason: z.optional(z.string().check(z.maxLength(2000))),
      customerId: z.optional(z.string()),
    })),
  /** Mails already sent, by purpose, so a re-driven workflow never sends one twice. */
  mailsSent: z._default(z.record(z.string(), z.object({ messageId: z.string(), sentAt: InstantSchema })), {}),
});
export type RightsRequest = z.infer<typeof RightsRequestSchema>;

export const AuditEntrySchema = z.object({
  requestId: z.string(),
  at: InstantSchema,
  /** Stable event name, e.g. `request.received`, `status.changed`, `mail.sent`. */
  event: z.string(),
  fromStatus: z.optional(StatusSchema),
  toStatus: z.optional(StatusSchema),
  actor: z.string(),
  reason: z.optional(z.string()),
  detail: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
