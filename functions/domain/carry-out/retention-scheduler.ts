import { addDays, osloWallClockInstant } from '../deadline/index.js';
import type { RecordCategory } from '../plan/action-plan.js';

/**
 * The categories whose tables expire records by themselves: the billing and access-log tables have
 * a TTL attribute `deleteAfter` (epoch seconds). Records of other categories have no expiry in
 * their store; a kept group of those is left to staff and said so in the audit trail.
 */
export const SCHEDULABLE_CATEGORIES = ['invoice', 'payment', 'door_event'] as const satisfies readonly RecordCategory[];
export type SchedulableCategory = (typeof SCHEDULABLE_CATEGORIES)[number];

export const isSchedulable = (category: RecordCategory): category is SchedulableCategory =>
  (SCHEDULABLE_CATEGORIES as readonly RecordCategory[]).includes(category);

/**
 * Marks records kept after an erasure request (bokføringsloven § 13, Art. 17(3)(b)) for deletion
 * when their retention ends, so nothing depends on someone remembering them. The store interfaces
 * have no method for it; the DynamoDB adapter (integrator) sets `deleteAfter` on each item with a
 * conditional update (item exists), which DynamoDB's TTL then deletes.
 *
 * Idempotent: setting the same `deleteAfter` again changes nothing.
 */
export interface RetentionScheduler {
  /**
   * @param recordIds the records' own ids (invoice numbers, payment ids, door event ids), all of
   *   `customerId`
   * @param until the last day (YYYY-MM-DD, Europe/Oslo) the records are kept
   * @returns how many records were marked
   */
  scheduleDeletion(customerId: string, category: SchedulableCategory, recordIds: readonly string[], until: string): Promise<number>;
}

/**
 * The `deleteAfter` value for records kept until `until` inclusive: the first second of the next
 * day in Oslo, as epoch seconds. E.g. `2029-12-31` → 2030-01-01T00:00:00+01:00.
 */
export function deleteAfterEpochSeconds(until: string): number {
  return Math.floor(Date.parse(osloWallClockInstant(addDays(until, 1), '00:00')) / 1000);
}

/** No scheduler is configured: fails loudly so the request goes to staff instead of keeping data forever. */
export class RetentionSchedulerNotConfiguredError extends Error {
  override readonly name = 'RetentionSchedulerNotConfiguredError';
  constructor() {
    super('no retention scheduler is configured; kept records cannot be marked for deletion');
  }
}

/** Stand-in until the DynamoDB adapter is wired: any kept record to schedule sends the request to staff. */
export class UnconfiguredRetentionScheduler implements RetentionScheduler {
  async scheduleDeletion(): Promise<number> {
    throw new RetentionSchedulerNotConfiguredError();
  }
}
