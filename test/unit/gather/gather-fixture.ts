import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest, capturingLogger, fixedClock } from '../fixtures/rights-request-fixture.js';
import { CUSTOMER, type HeldData } from './customer-data-fixture.js';
import { InMemoryCustomerData, InMemoryObjectStore } from './in-memory-stores.js';

/** A request whose requester has been verified as the test customer. */
export const VERIFIED: Partial<RightsRequest> = {
  status: 'awaiting_verification',
  verification: { status: 'verified', subject: 'customer', method: 'code', verifiedAt: '2026-11-24T07:30:00.000Z' },
  customerIds: [CUSTOMER.customerId],
};

/** Everything a gather or plan step needs, with one request stored and the given data held. */
export function gatherWith(overrides: Partial<RightsRequest> = VERIFIED, held: HeldData = {}, pageSize = 2) {
  const request = aRightsRequest(overrides);
  const store = new InMemoryRequestStore().seed(request);
  const objects = new InMemoryObjectStore();
  const data = new InMemoryCustomerData(held, pageSize);
  const clock = fixedClock();
  const log = capturingLogger('gather');
  const deps = {
    store,
    objects,
    customers: data.customers,
    billing: data.billing,
    accessLog: data.accessLog,
    now: clock.now,
    logger: log.logger,
  };
  return { deps, store, objects, data, log, request, at: clock.iso };
}
