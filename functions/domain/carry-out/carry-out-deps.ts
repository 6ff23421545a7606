import type { AccessLogStore } from '../customer-data/access-log-store.js';
import type { BillingStore } from '../customer-data/billing-store.js';
import type { CustomerStore } from '../customer-data/customer-store.js';
import type { ProcessingPurposeStore } from '../processing-objection/processing-purpose-store.js';
import type { RecipientDirectory } from '../recipients/recipient-directory.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoreDeps } from '../request/request-store.js';
import type { RetentionScheduler } from './retention-scheduler.js';

/** What carrying out a plan needs; the handler builds it from config and adapters. */
export interface CarryOutDeps extends StoreDeps {
  readonly objects: ObjectStore;
  readonly customers: CustomerStore;
  readonly billing: BillingStore;
  readonly accessLog: AccessLogStore;
  readonly retention: RetentionScheduler;
  /** Per-customer state of the purposes an Art. 21(1) objection can stop. */
  readonly purposes: ProcessingPurposeStore;
  /** Days the export package can be downloaded (`EXPORT_DOWNLOAD_DAYS`, default 14). */
  readonly exportDays: number;
  /** The recipients by name for the copy (`RECIPIENT_DIRECTORY`); the default directory when absent. */
  readonly recipients?: RecipientDirectory;
}
