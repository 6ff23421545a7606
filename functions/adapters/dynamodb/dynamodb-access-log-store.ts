import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AccessLogStore } from '../../domain/customer-data/access-log-store.js';
import { DoorEventSchema, type DoorEvent, type Page } from '../../domain/customer-data/customer-records.js';
import {
  CUSTOMER_DATA_TABLES_LAYOUT,
  SK_PREFIX,
  eventPageSize,
  itemsFor,
  ttlEpochSeconds,
  type CustomerDataRecordsInput,
} from './customer-data-tables-layout.js';
import { CustomerPartitions, documentClient } from './dynamodb-customer-store.js';

/**
 * DynamoDB adapter of {@link AccessLogStore} (the Unloc door log): events keyed
 * `EVENT#<UTC instant>#<eventId>` in the customer's partition, so a customer's events are read
 * newest first by key however large the log grows. Restriction leaves `deleteAfter` as it is.
 */
export class DynamoDbAccessLogStore implements AccessLogStore {
  private readonly partitions: CustomerPartitions;

  constructor(client: DynamoDBClient, tableName: string) {
    this.partitions = new CustomerPartitions(documentClient(client), tableName);
  }

  /** @throws {RangeError} when `pageSize` is not a whole number from 1 to 1000 */
  async events(customerId: string, cursor?: string, pageSize?: number): Promise<Page<DoorEvent>> {
    const { items, next } = await this.partitions.page(customerId, SK_PREFIX.event, cursor, eventPageSize(pageSize));
    const events = items.map((item) => DoorEventSchema.parse(item));
    return next === undefined ? { items: events } : { items: events, next };
  }

  async setRestricted(customerId: string, restricted: boolean): Promise<void> {
    await this.partitions.markRestricted(customerId, restricted);
  }

  async deleteEvents(customerId: string): Promise<number> {
    return this.partitions.deleteWhere(customerId, SK_PREFIX.event, [], () => true);
  }

  /**
   * Marks held door events for deletion by the table's TTL (`deleteAfter`, epoch seconds): the
   * DynamoDB side of a retention scheduler. Idempotent; unknown ids are ignored. Returns how many
   * events were marked.
   */
  async scheduleDeletion(customerId: string, eventIds: readonly string[], deleteAfter: number): Promise<number> {
    const at = ttlEpochSeconds(deleteAfter);
    if (eventIds.length === 0) return 0;
    const ids = new Set(eventIds);
    const keys = await this.partitions.all(customerId, SK_PREFIX.event, ['eventId']);
    const held = keys.filter((item) => ids.has(String(item.eventId)));
    return this.partitions.setOn(held, CUSTOMER_DATA_TABLES_LAYOUT.accessLog.ttlAttribute, at);
  }

  /**
   * Bulk import (seeding, migration): writes the door events among `records` (other kinds are
   * ignored), validated, with BatchWriteItem. Returns how many items were written.
   */
  async putRecords(records: CustomerDataRecordsInput, options: { readonly concurrency?: number } = {}): Promise<number> {
    return this.partitions.putAll(itemsFor('accessLog', records), options.concurrency);
  }
}
