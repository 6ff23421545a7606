import type { AccessLogStore } from '../customer-data/access-log-store.js';
import type { BillingStore } from '../customer-data/billing-store.js';
import type { CustomerStore } from '../customer-data/customer-store.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoreDeps } from '../request/request-store.js';

/** What every gather step needs: the request store, the request-data bucket, a clock and a logger. */
export interface GatherDeps extends StoreDeps {
  readonly objects: ObjectStore;
}

export interface GatherSubscriptionsDeps extends GatherDeps {
  readonly customers: CustomerStore;
}

export interface GatherBillingDeps extends GatherDeps {
  readonly billing: BillingStore;
}

export interface GatherAccessLogDeps extends GatherDeps {
  readonly accessLog: AccessLogStore;
}
