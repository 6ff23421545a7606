import { describe, expect, it } from 'vitest';
import { GatheredDataMismatchError } from '../../../functions/domain/plan/plan-errors.js';
import { buildPlan } from '../../../functions/domain/plan/build-plan.js';
import { REQUEST_TYPES } from '../../../functions/domain/request/request-vocabulary.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { CUSTOMER, aProfile } from '../gather/customer-data-fixture.js';
import { gatheredData } from '../gather/customer-data-fixture.js';
import { VERIFIED } from '../gather/gather-fixture.js';
import { TODAY, planFor } from './plan-fixture.js';

const EMPTY_ACTIONS = {
  customerIds: [],
  corrections: [],
  rectificationNeedsStaffInput: false,
  erasures: [],
  kept: [],
  consentChanges: [],
  channelReservations: [],
  restrict: false,
  recipientsToNotify: [],
  refusals: [],
  needsTwoApprovers: false,
};

const noCustomer: [string, Partial<RightsRequest>][] = [
  ['verified as the owner of an address', { verification: { status: 'verified', subject: 'address' } }],
  ['matching no customer', { customerIds: [] }],
];

describe('plan for a requester we hold nothing on', () => {
  it.each(noCustomer)('changes, refuses and tells nothing for a requester %s', (_, request) => {
    const plan = planFor([...REQUEST_TYPES], { customerIds: [] }, { request });

    expect(plan).toMatchObject(EMPTY_ACTIONS);
    // The answer covers the request itself only.
    expect(plan.export).toEqual({ portable: true, categories: [] });
  });

  it('exports the request only, not portable, for an access request', () => {
    const plan = planFor('access', { customerIds: [] }, { request: { customerIds: [] } });

    expect(plan.export).toEqual({ portable: false, categories: [] });
  });

  it('has no export when no copy was asked for', () => {
    const plan = planFor(['erasure', 'objection'], { customerIds: [] }, { request: { customerIds: [] } });

    expect(plan).toMatchObject(EMPTY_ACTIONS);
    expect(plan.export).toBeUndefined();
  });
});

describe('buildPlan', () => {
  it('throws GatheredDataMismatchError when a bundle was gathered for other customers', () => {
    const request = aRightsRequest({ ...VERIFIED, types: ['erasure'] });
    const gathered = gatheredData({ customerIds: [], profiles: [aProfile()] });

    expect(() => buildPlan({ request, gathered, today: TODAY })).toThrow(GatheredDataMismatchError);
  });

  it('throws GatheredDataMismatchError when data were gathered for a requester no longer verified', () => {
    const request = aRightsRequest({ ...VERIFIED, verification: { status: 'pending', subject: 'customer' }, types: ['access'] });

    expect(() => buildPlan({ request, gathered: gatheredData({ customerIds: [CUSTOMER.customerId] }), today: TODAY })).toThrow(
      GatheredDataMismatchError,
    );
  });

  it('returns the same plan for the same input', () => {
    const request = aRightsRequest({ ...VERIFIED, types: ['erasure', 'access'] });
    const gathered = gatheredData({ profiles: [aProfile()] });

    expect(buildPlan({ request, gathered, today: TODAY })).toEqual(buildPlan({ request, gathered, today: TODAY }));
    expect(buildPlan({ request, gathered, today: TODAY }).builtAt).toBe(TODAY);
  });
});
