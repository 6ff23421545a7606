import type { AccessLogStore } from '../customer-data/access-log-store.js';
import type { BillingStore } from '../customer-data/billing-store.js';
import type { CustomerStore } from '../customer-data/customer-store.js';
import type { RecordCategory } from '../plan/action-plan.js';
import { CATEGORY_STORE } from '../customer-data/customer-records.js';

/** Sets or clears the Art. 18 flag on a customer's records of some categories, in whichever stores hold them. */
export interface RestrictionFlags {
  setRestricted(customerId: string, restricted: boolean, scope: readonly RecordCategory[]): Promise<void>;
}

/** The flags through the three customer-data stores, touching only the stores the scope is in. */
export function storeRestrictionFlags(stores: {
  readonly customers: Pick<CustomerStore, 'setRestricted'>;
  readonly billing: Pick<BillingStore, 'setRestricted'>;
  readonly accessLog: Pick<AccessLogStore, 'setRestricted'>;
}): RestrictionFlags {
  return {
    async setRestricted(customerId, restricted, scope) {
      const of = (store: 'customers' | 'billing' | 'accessLog') => scope.filter((category) => CATEGORY_STORE[category] === store);
      if (of('customers').length > 0) await stores.customers.setRestricted(customerId, restricted, of('customers'));
      if (of('billing').length > 0) await stores.billing.setRestricted(customerId, restricted, of('billing'));
      if (of('accessLog').length > 0) await stores.accessLog.setRestricted(customerId, restricted);
    },
  };
}
