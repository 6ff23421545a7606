import type { CarryOutContext } from '../carry-out-context.js';
import { categoryRecords, idOfRef, toRef } from '../held-records.js';
import { ACTION_IDS, keepsBuyerOnInvoices } from '../../plan/planned-actions.js';

/**
 * Before an erasure removes the profile, writes the buyer's name and address (from the profile as
 * it is now) onto each invoice the plan keeps, so a kept invoice still shows what
 * bokføringsforskriften § 5-1-1 requires of a sales document. Nothing else about the person is
 * copied; the invoice and the buyer on it are restricted to bookkeeping and expire together (TTL).
 *
 * Runs before the erasures and is recorded only after every customer's invoices were written, so
 * a re-driven run writes the same values again and never reads an already anonymised profile.
 */
export async function carryOutBuyerOnKeptInvoices(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  if (!keepsBuyerOnInvoices(plan) || context.isResolved(ACTION_IDS.buyer)) return;
  const kept = new Set(plan.kept.filter((group) => group.category === 'invoice').flatMap((group) => group.recordIds.map((id) => toRef('invoice', id))));
  const invoices = categoryRecords(deps, 'invoice');
  let written = 0;
  let withoutAddress = 0;
  for (const customerId of plan.customerIds) {
    const refs = [...(await invoices.held(customerId))].filter((ref) => kept.has(ref));
    if (refs.length === 0) continue;
    const profile = await deps.customers.getProfile(customerId);
    // An already anonymised profile has no buyer left to copy (the invoices were written before it was).
    if (!profile || profile.anonymisedAt) continue;
    if (!profile.address) withoutAddress += 1;
    const buyer = { name: profile.name, ...(profile.address ? { address: profile.address } : {}) };
    written += await deps.billing.recordBuyer(customerId, refs.map((ref) => idOfRef('invoice', ref)), buyer);
  }
  await context.resolve(ACTION_IDS.buyer, 'done', { invoices: written, customersWithoutAddress: withoutAddress });
}
