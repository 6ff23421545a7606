import * as z from 'zod/mini';

/**
 * The processing purposes the privacy policy bases on legitimate interest, which a person can
 * object to under Art. 21(1). One today: «Analyse/utvikling» (statistics on visits, on how often
 * and how long customers subscribe, grouping customers by such factors).
 */
export const ObjectablePurposeSchema = z.enum(['analytics']);
export type ObjectablePurpose = z.infer<typeof ObjectablePurposeSchema>;

/**
 * Where one customer stands with one purpose, as every consumer of the stores (the analytics
 * jobs) must read it before using the customer's data for that purpose:
 * - `restricted`: an objection is being assessed; storage only (Art. 18(1)(d), ground `d`);
 * - `stopped`: the objection was upheld; the purpose no longer uses this customer's data;
 * - `active`: the objection was overridden by compelling legitimate grounds; the restriction is lifted.
 */
export const ProcessingPurposeStateSchema = z.object({
  customerId: z.string().check(z.minLength(1)),
  purpose: ObjectablePurposeSchema,
  status: z.enum(['restricted', 'stopped', 'active']),
  /** The Art. 18(1) ground of a restriction: `d`, an objection pending assessment. */
  ground: z.optional(z.literal('d')),
  changedAt: z.iso.datetime({ offset: true }),
  /** `rights-request:<id>`: the request that changed it. */
  source: z.string(),
});
export type ProcessingPurposeState = z.infer<typeof ProcessingPurposeStateSchema>;

/** The per-customer state of each objectable purpose, kept in the subscription store. */
export interface ProcessingPurposeStore {
  get(customerId: string, purpose: ObjectablePurpose): Promise<ProcessingPurposeState | undefined>;
  put(state: ProcessingPurposeState): Promise<void>;
}
