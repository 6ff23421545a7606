import { IdentitySearchSchema } from '../identity-search/search-held-data.js';
import * as z from 'zod/mini';
import { ConsentKindSchema, ContactChannelSchema, RecordCategorySchema } from '../customer-data/customer-records.js';

/** The record categories live with the records (customer-data), so the stores need not import the plan. */
export { RecordCategorySchema, type RecordCategory } from '../customer-data/customer-records.js';

/**
 * The plan for carrying out a request, built from the gathered data and shown to staff before
 * approval. It is data, not code: staff read it, approve it, and the carry-out step executes
 * exactly it. Record references are `<category>:<id>`, e.g. `invoice:2024-00017`.
 */

/**
 * A text the requester reads, per language. Plans stored before nynorsk existed carry nb and en
 * only; no request could be in nynorsk then, so their nn is never read, and it is filled from nb
 * to keep one shape (a plan built now always carries all three, as its type requires).
 */
export const LocalisedTextSchema = z.pipe(z.object({ nb: z.string(), nn: z.optional(z.string()), en: z.string() }), z.transform(({ nb, nn, en }) => ({ nb, nn: nn ?? nb, en })));

/**
 * The legal basis of a kept record or a refusal, per language, cited in the one style of
 * `letter-format/legal-citations.ts`. A plain string is a plan stored before the per-language form (or a
 * basis with no English wording yet): letters print it as it is.
 */
export const LegalBasisSchema = z.union([z.string(), LocalisedTextSchema]);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const KeptRecordsSchema = z.object({
  category: RecordCategorySchema,
  recordIds: z.array(z.string()),
  /** Plain-language reason, per language, as the requester will read it. */
  reason: LocalisedTextSchema,
  /** Legal basis as the requester reads it, e.g. «bokføringsloven § 13 første ledd og personvernforordningen artikkel 17 nr. 3 bokstav b». */
  legalBasis: LegalBasisSchema,
  /** The last day the records are kept (YYYY-MM-DD); they are deleted after it. */
  until: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** `contract` when kept for an active subscription: until its end, no fixed date. */
  kind: z.enum(['legal_obligation', 'contract', 'legal_claim']),
  /** Accounting material: which retention class of bokføringsloven § 13 set `until`. */
  retentionClass: z.optional(z.enum(['primary', 'secondary'])),
  /** Set when a staff member decided this hold by correcting the plan (`staff:<username>`). */
  setBy: z.optional(z.string()),
});
export type KeptRecords = z.infer<typeof KeptRecordsSchema>;

export const ErasureActionSchema = z.object({
  category: RecordCategorySchema,
  recordIds: z.array(z.string()),
  method: z.enum(['delete', 'anonymise']),
});
export type ErasureAction = z.infer<typeof ErasureActionSchema>;

export const CorrectionSchema = z.object({
  customerId: z.string(),
  field: z.enum(['name', 'email', 'phone', 'address']),
  from: z.unknown(),
  to: z.unknown(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** Why a correction was not made; the reply letter explains each to the requester. */
export type CorrectionRefusal = 'stale' | 'invalid_value' | 'no_profile';

export const RecipientSchema = z.object({
  id: z.enum(['unloc', 'invoicing', 'email_platform']),
  name: z.string(),
  /** What the recipient receives from us, so the notice can say what changed there. */
  categories: z.array(RecordCategorySchema),
  reason: z.enum(['rectification', 'erasure', 'restriction']),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const RefusalSchema = z.object({
  requestType: z.string(),
  reason: LocalisedTextSchema,
  legalBasis: LegalBasisSchema,
});
export type Refusal = z.infer<typeof RefusalSchema>;

/** The grounds staff may give when they keep a record the rules would erase. */
export const STAFF_KEEP_GROUNDS = ['legal_claim', 'bookkeeping'] as const;
export type StaffKeepGround = (typeof STAFF_KEEP_GROUNDS)[number];

const RecordRefs = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const StaffChange = { by: z.string().check(z.minLength(1)), at: z.string(), note: z.optional(z.string().check(z.maxLength(2000))) };

/**
 * A correction staff made to an erasure plan before approving it: keep records (with a ground and
 * a last day) that the rules would erase, or release a hold that no longer applies (a settled
 * claim, or an earlier staff hold). The plan is rebuilt from the gathered data with every
 * correction applied in order, so what follows from one (an anonymised instead of a deleted
 * profile, the recipients to tell) follows as for a hold the rules made.
 */
export const PlanAdjustmentSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('keep'),
    recordIds: RecordRefs,
    ground: z.enum(STAFF_KEEP_GROUNDS),
    until: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    ...StaffChange,
  }),
  z.object({ action: z.literal('release'), recordIds: RecordRefs, ...StaffChange }),
]);
export type PlanAdjustment = z.infer<typeof PlanAdjustmentSchema>;

export const ActionPlanSchema = z.object({
  requestId: z.string(),
  builtAt: z.string(),
  /** Customer ids the plan acts on; empty for a requester we hold nothing on. */
  customerIds: z.array(z.string()),
  /** Access/portability: which categories go into the export, with record counts. */
  export: z.optional(z.object({
      portable: z.boolean(),
      categories: z.array(z.object({ category: RecordCategorySchema, records: z.number().check(z.int(), z.nonnegative()) })),
    })),
  /** Rectification: filled in by staff at approval (the form only carries free text). */
  corrections: z.array(CorrectionSchema),
  rectificationNeedsStaffInput: z.boolean(),
  erasures: z.array(ErasureActionSchema),
  kept: z.array(KeptRecordsSchema),
  consentChanges: z.array(z.object({ kind: ConsentKindSchema, granted: z.literal(false) })),
  channelReservations: z.array(z.object({ channel: ContactChannelSchema, reserved: z.literal(true) })),
  restrict: z.boolean(),
  /**
   * Art. 21(1): the processing purpose objected to. It is restricted while staff assess (Art.
   * 18(1)(d)); an approval upholds the objection (the purpose stops for good), a refusal overrides it.
   */
  processingObjection: z.optional(z.object({ purpose: z.literal('analytics') })),
  /** Art. 18: the ground and the categories restricted; absent, `restrict` covers everything held. */
  restriction: z.optional(z.object({
      ground: z.enum(['a', 'b', 'c', 'd']),
      scope: z.array(RecordCategorySchema).check(z.minLength(1)),
      /** The person has an active or paused subscription: the reply says what the restriction means for it. */
      activeSubscription: z.optional(z.boolean()),
    })),
  recipientsToNotify: z.array(RecipientSchema),
  refusals: z.array(RefusalSchema),
  /** Staff corrections of the plan before approval, oldest first (also in the audit trail). */
  adjustments: z._default(z.array(PlanAdjustmentSchema), []),
  /** True when the plan erases anything: then two different staff members must approve. */
  needsTwoApprovers: z.boolean(),
  /** For a requester matched to no customer: the search of every store by every identifier given, and the candidates found. */
  identitySearch: z.optional(IdentitySearchSchema),
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;
