import type { WatchedCase } from '../../../functions/domain/deadline-watch/assess-deadlines.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';

let sequence = 0;

/** A stored request with its own id, due on `dueDate`; the rest as the intake writes it. */
export function aCase(dueDate: string, overrides: Partial<RightsRequest> = {}): RightsRequest {
  sequence += 1;
  return aRightsRequest({ id: `NK-20261101-${String(sequence).padStart(8, 'A')}`, dueDate, ...overrides });
}

/** A row as the watch sees it, for the mail renderers. */
export function aWatchedCase(overrides: Partial<WatchedCase> = {}): WatchedCase {
  return {
    id: 'NK-20261123-7KQ4M2PX',
    types: ['access', 'erasure'],
    status: 'awaiting_approval',
    dueDate: '2026-12-23',
    extended: false,
    workingDaysLeft: 7,
    overdue: false,
    ...overrides,
  };
}
