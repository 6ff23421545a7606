import type { RecordCategory } from '../action-plan.js';
import type { PlanContext, PlanPart } from '../plan-part.js';
import { recordCounts } from '../record-refs.js';

/**
 * What Art. 20(1) covers here: data the person provided to us (profile, subscription choices,
 * consents, channel reservations) and data observed from their use of the service (door events
 * logged when they open a door; the guidance counts activity logs as "provided" by observation).
 *
 * Not included:
 * - invoices and payments: we create them from the contract to bill and book it; they are our
 *   accounting records, derived rather than provided, and reusing them at another provider serves
 *   no purpose Art. 20 protects. The person gets them with an access request (Art. 15).
 * - service notes: staff write them; they are our account of a conversation, not the person's data
 *   as provided.
 */
export const PORTABLE_CATEGORIES: readonly RecordCategory[] = [
  'profile',
  'subscription',
  'consent',
  'reservation',
  'door_event',
];

/** Portability (Art. 20): the portable categories, machine-readable, with their counts. */
export function planPortability(context: PlanContext): PlanPart {
  const counts = recordCounts(context.gathered);
  return {
    export: {
      portable: true,
      categories: PORTABLE_CATEGORIES.map((category) => ({ category, records: counts.get(category) ?? 0 })),
    },
  };
}
