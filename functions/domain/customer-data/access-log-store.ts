import type { DoorEvent, Page } from './customer-records.js';

/** The access system (Unloc) door log: events per customer, newest first, paginated by key. */
export interface AccessLogStore {
  events(customerId: string, cursor?: string, pageSize?: number): Promise<Page<DoorEvent>>;
  setRestricted(customerId: string, restricted: boolean): Promise<void>;
  /** Deletes every event of the customer; returns how many were deleted. */
  deleteEvents(customerId: string): Promise<number>;
}
