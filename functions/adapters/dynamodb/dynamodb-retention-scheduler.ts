import {
  deleteAfterEpochSeconds,
  type RetentionScheduler,
  type SchedulableCategory,
} from '../../domain/carry-out/retention-scheduler.js';
import type { DynamoDbAccessLogStore } from './dynamodb-access-log-store.js';
import type { DynamoDbBillingStore } from './dynamodb-billing-store.js';

/**
 * Marks held records for deletion when their retention ends by setting the tables' TTL
 * attribute, so DynamoDB deletes them then without anyone having to remember.
 */
export class DynamoDbRetentionScheduler implements RetentionScheduler {
  constructor(
    private readonly billing: Pick<DynamoDbBillingStore, 'scheduleDeletion'>,
    private readonly accessLog: Pick<DynamoDbAccessLogStore, 'scheduleDeletion'>,
  ) {}

  scheduleDeletion(customerId: string, category: SchedulableCategory, recordIds: readonly string[], until: string): Promise<number> {
    const deleteAfter = deleteAfterEpochSeconds(until);
    return category === 'door_event'
      ? this.accessLog.scheduleDeletion(customerId, recordIds, deleteAfter)
      : this.billing.scheduleDeletion(customerId, category, recordIds, deleteAfter);
  }
}
