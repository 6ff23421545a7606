import type { ErasureAction } from '../../plan/action-plan.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ErasureNotProvenError, ErasurePlanConflictError } from '../carry-out-errors.js';
import { categoryRecords, toRef } from '../held-records.js';
import { ACTION_IDS, orderedErasures } from '../../plan/planned-actions.js';

/** What an erasure found and left, recorded in the audit trail as its proof (counts only). */
export interface ErasureProof {
  /** Records the plan lists. */
  readonly planned: number;
  /** Of those, held when the erasure started (a repeated run finds fewer). */
  readonly before: number;
  /** Of those, still held when the stores were queried again afterwards: must be 0. */
  readonly after: number;
  /** What the stores reported deleting (door events: the whole log, also events newer than the plan). */
  readonly reported: number;
}

async function countHeld(context: CarryOutContext, erasure: ErasureAction, planned: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const records = categoryRecords(context.deps, erasure.category);
  const held = new Map<string, string[]>();
  for (const customerId of context.plan.customerIds) {
    const now = await records.held(customerId, erasure.method);
    held.set(customerId, [...now].filter((ref) => planned.has(ref)));
  }
  return held;
}

const total = (held: Map<string, string[]>): number => [...held.values()].reduce((sum, refs) => sum + refs.length, 0);

/** Erases one planned group, then queries the stores again to prove the records are gone. */
async function erase(context: CarryOutContext, erasure: ErasureAction): Promise<ErasureProof> {
  const planned = new Set(erasure.recordIds.map((id) => toRef(erasure.category, id)));
  const records = categoryRecords(context.deps, erasure.category);
  const before = await countHeld(context, erasure, planned);
  let reported = 0;
  for (const [customerId, refs] of before) {
    if (refs.length > 0) reported += await records.erase(customerId, refs, erasure.method, context.now());
  }
  const after = total(await countHeld(context, erasure, planned));
  if (after > 0) throw new ErasureNotProvenError(context.requestId, erasure.category, after);
  return { planned: planned.size, before: total(before), after, reported };
}

/**
 * Erasure (Art. 17): carries out each planned group through the stores' mutation methods, in an
 * order that leaves the profile to the end, and records per group the counts before and after a
 * fresh re-query as proof. A group whose records are still there afterwards fails the step
 * (`ErasureNotProvenError`) so staff look at it; nothing is recorded as done that is not gone.
 */
export async function carryOutErasures(context: CarryOutContext): Promise<void> {
  const { plan } = context;
  for (const erasure of orderedErasures(plan)) {
    const actionId = ACTION_IDS.erase(erasure.category, erasure.method);
    if (context.isResolved(actionId)) continue;
    // The access log erases a customer's events only all together.
    if (erasure.category === 'door_event' && plan.kept.some((kept) => kept.category === 'door_event' && kept.recordIds.length > 0)) {
      throw new ErasurePlanConflictError(erasure.category);
    }
    const proof = await erase(context, erasure);
    await context.resolve(actionId, 'done', { category: erasure.category, method: erasure.method, ...proof });
  }
}
