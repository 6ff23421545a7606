import * as z from 'zod';
import { RecordCategorySchema, type RecordCategory } from '../plan/action-plan.js';

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
  scope: z.array(RecordCategorySchema).min(1),
  setBy: z.string(),
  setAt: z.string(),
  /** Staff's note on why (internal). */
  note: z.string().max(2000).optional(),
  /** When the stores were flagged (by the carry-out, or at once for a disputed correction). */
  appliedAt: z.string().optional(),
  /** Lifted after the person was told (Art. 18(3)); the notice is in `mailsSent`. */
  liftedAt: z.string().optional(),
  liftedBy: z.string().optional(),
});
export type Restriction = z.infer<typeof RestrictionSchema>;

/** Which store holds each category (and so which store a scope touches). */
export const CATEGORY_STORE: Readonly<Record<RecordCategory, 'customers' | 'billing' | 'accessLog'>> = {
  profile: 'customers',
  subscription: 'customers',
  consent: 'customers',
  reservation: 'customers',
  service_note: 'customers',
  invoice: 'billing',
  payment: 'billing',
  door_event: 'accessLog',
};

/** Staff-facing labels of the grounds (Norwegian). */
export const RESTRICTION_GROUND_LABELS: Readonly<Record<RestrictionGround, string>> = {
  a: 'a) Riktigheten er bestridt – mens vi undersøker',
  b: 'b) Behandlingen er ulovlig, men personen vil ha begrensning i stedet for sletting',
  c: 'c) Vi trenger ikke opplysningene, men personen trenger dem for et rettskrav',
  d: 'd) Personen har protestert etter artikkel 21 nr. 1 – mens vi vurderer',
};
