import * as z from 'zod/mini';
import { RecordCategorySchema } from '../customer-data/customer-records.js';

/*
 * The shapes of a restriction (Art. 18) as a stored request holds them: what the requester asked
 * for and what staff set. They live with the request so the request imports no capability folder;
 * the rules that act on them are in `restriction/`.
 */

/**
 * The grounds of Art. 18(1) on which processing is restricted:
 * (a) the person contests the accuracy, for the time we need to verify it;
 * (b) the processing is unlawful and the person wants restriction instead of erasure;
 * (c) we no longer need the data, but the person needs them for a legal claim;
 * (d) the person objected under Art. 21(1), while we weigh the grounds.
 */
export const RESTRICTION_GROUNDS = ['a', 'b', 'c', 'd'] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/**
 * A restriction as the case records it: ground and scope (the categories that are storage-only),
 * who set them and when, and once carried out or lifted, when and by whom. The scope is a list of
 * plan categories, so a restriction can cover exactly the contested data (a profile) or all of it.
 */
export const RestrictionSchema = z.object({
  ground: z.enum(RESTRICTION_GROUNDS),
  scope: z.array(RecordCategorySchema).check(z.minLength(1)),
  setBy: z.string(),
  setAt: z.string(),
  /** Staff's note on why (internal). */
  note: z.optional(z.string().check(z.maxLength(2000))),
  /** When the stores were flagged (by the carry-out, or at once for a disputed correction). */
  appliedAt: z.optional(z.string()),
  /** Lifted after the person was told (Art. 18(3)); the notice is in `mailsSent`. */
  liftedAt: z.optional(z.string()),
  liftedBy: z.optional(z.string()),
});
export type Restriction = z.infer<typeof RestrictionSchema>;

/**
 * What a requester asked for when asking for restriction (Art. 18): the ground of Art. 18(1) they
 * give, in their own choice, and the categories they want restricted. Both are optional (a person
 * need not give reasons, Art. 12(2)); what they chose pre-fills what staff confirm, and staff still
 * set the restriction (`setRestriction`), because staff check the ground applies.
 */
export const RequestedRestrictionSchema = z.strictObject({
  ground: z.optional(z.enum(RESTRICTION_GROUNDS)),
  scope: z.optional(z.array(RecordCategorySchema).check(z.minLength(1), z.maxLength(RecordCategorySchema.options.length))),
});
export type RequestedRestriction = z.infer<typeof RequestedRestrictionSchema>;
