import type { GatherSubscriptionsDeps } from './gather-deps.js';
import { runGatherStep } from './gather-step.js';
import { GatheredSubscriptionsSchema, type GatherResult, type GatheredSubscriptions } from './gathered-data.js';

/**
 * Workflow step: everything the subscription store holds about the verified requester (profile,
 * subscriptions, consents, channel reservations, every page of customer-service notes), written to
 * `requests/<id>/gathered/subscriptions.json`. Returns the key and a record count only.
 */
export function gatherSubscriptions(deps: GatherSubscriptionsDeps, requestId: string): Promise<GatherResult> {
  return runGatherStep(deps, requestId, {
    source: 'subscriptions',
    schema: GatheredSubscriptionsSchema,
    empty: (gatheredAt): GatheredSubscriptions => ({
      source: 'subscriptions',
      customerIds: [],
      profiles: [],
      subscriptions: [],
      consents: [],
      reservations: [],
      notes: [],
      gatheredAt,
    }),
    read: async (customerIds, gatheredAt) => {
      const bundle: GatheredSubscriptions = {
        source: 'subscriptions',
        customerIds: [...customerIds],
        profiles: [],
        subscriptions: [],
        consents: [],
        reservations: [],
        notes: [],
        gatheredAt,
      };
      for (const customerId of customerIds) {
        // One read of the customer's records (it was five: profile, and four queries by kind).
        const { profile, subscriptions, consents, reservations, notes } = await deps.customers.records(customerId);
        if (profile) bundle.profiles.push(profile);
        bundle.subscriptions.push(...subscriptions);
        bundle.consents.push(...consents);
        bundle.reservations.push(...reservations);
        bundle.notes.push(...notes);
      }
      return bundle;
    },
    count: (bundle) =>
      bundle.profiles.length +
      bundle.subscriptions.length +
      bundle.consents.length +
      bundle.reservations.length +
      bundle.notes.length,
  });
}
