import type { GatherBillingDeps } from './gather-deps.js';
import { runGatherStep } from './gather-step.js';
import { GatheredBillingSchema, type GatherResult, type GatheredBilling } from './gathered-data.js';
import { readAllPages } from './read-all-pages.js';

/**
 * Workflow step: every invoice and payment the billing store holds for the verified requester
 * (every page), written to `requests/<id>/gathered/billing.json`. Returns the key and a count only.
 */
export function gatherBilling(deps: GatherBillingDeps, requestId: string): Promise<GatherResult> {
  return runGatherStep(deps, requestId, {
    source: 'billing',
    schema: GatheredBillingSchema,
    empty: (gatheredAt): GatheredBilling => ({ source: 'billing', customerIds: [], invoices: [], payments: [], gatheredAt }),
    read: async (customerIds, gatheredAt) => {
      const bundle: GatheredBilling = {
        source: 'billing',
        customerIds: [...customerIds],
        invoices: [],
        payments: [],
        gatheredAt,
      };
      for (const customerId of customerIds) {
        const [invoices, payments] = await Promise.all([
          readAllPages((cursor) => deps.billing.invoices(customerId, cursor)),
          readAllPages((cursor) => deps.billing.payments(customerId, cursor)),
        ]);
        bundle.invoices.push(...invoices);
        bundle.payments.push(...payments);
      }
      return bundle;
    },
    count: (bundle) => bundle.invoices.length + bundle.payments.length,
  });
}
