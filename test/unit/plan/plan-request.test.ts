import { describe, expect, it } from 'vitest';
import { ActionPlanSchema } from '../../../functions/domain/plan/action-plan.js';
import { GatheredDataMissingError } from '../../../functions/domain/plan/plan-errors.js';
import { planRequest } from '../../../functions/domain/plan/plan-request.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import type { Status } from '../../../functions/domain/request/request-vocabulary.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import {
  CUSTOMER,
  aConsent,
  aNote,
  aProfile,
  aSubscription,
  anInvoice,
  gatheredData,
  type HeldData,
} from '../gather/customer-data-fixture.js';
import { VERIFIED, gatherWith } from '../gather/gather-fixture.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { TODAY } from './plan-fixture.js';

const GATHERED = {
  subscriptions: OBJECT_KEYS.gathered(REQUEST_ID, 'subscriptions'),
  billing: OBJECT_KEYS.gathered(REQUEST_ID, 'billing'),
  'access-log': OBJECT_KEYS.gathered(REQUEST_ID, 'access-log'),
};

const HELD: HeldData = {
  profiles: [aProfile()],
  subscriptions: [aSubscription({ status: 'active' })],
  consents: [aConsent()],
  notes: [aNote({ at: '2024-01-01T10:00:00+01:00' })],
  invoices: [anInvoice({ issuedOn: '2024-03-10' })],
};

/** A request in `gathering` whose three bundles are stored and recorded, as after the gather branches. */
async function gatheredRequest(overrides: Partial<RightsRequest> = {}, held: HeldData = HELD) {
  const fixture = gatherWith({ ...VERIFIED, status: 'gathering', types: ['erasure'], gathered: GATHERED, ...overrides });
  const data = gatheredData(held);
  await fixture.objects.putJson(GATHERED.subscriptions, data.subscriptions);
  await fixture.objects.putJson(GATHERED.billing, data.billing);
  await fixture.objects.putJson(GATHERED['access-log'], data.accessLog);
  return fixture;
}

describe('planRequest', () => {
  it('returns the plan key and counts after writing the plan built from the three bundles', async () => {
    // Prepare
    const { deps, objects } = await gatheredRequest();
    // Act
    const summary = await planRequest(deps, REQUEST_ID, TODAY);
    // Assess
    const planKey = OBJECT_KEYS.plan(REQUEST_ID);
    expect(summary).toEqual({ planKey, needsTwoApprovers: true, erasures: 2, kept: 3, refusals: 1 });
    const plan = ActionPlanSchema.parse(await objects.getJson(planKey));
    expect(plan).toMatchObject({ requestId: REQUEST_ID, builtAt: '2026-11-24T08:00:00.000Z', customerIds: [CUSTOMER.customerId] });
    expect(plan.erasures.map((action) => action.category)).toEqual(['consent', 'service_note']);
  });

  it('records the plan key with a plan.built entry of counts only and leaves the status as it is', async () => {
    const { deps, store, at } = await gatheredRequest();

    await planRequest(deps, REQUEST_ID, TODAY);

    expect(await store.get(REQUEST_ID)).toMatchObject({ status: 'gathering', planKey: OBJECT_KEYS.plan(REQUEST_ID), updatedAt: at });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      {
        requestId: REQUEST_ID,
        at,
        event: 'plan.built',
        actor: 'system:plan',
        detail: { erasures: 2, kept: 3, refusals: 1, needsTwoApprovers: true },
      },
    ]);
  });

  it('returns no personal data and logs none', async () => {
    const { deps, store, log } = await gatheredRequest();

    const summary = await planRequest(deps, REQUEST_ID, TODAY);

    const visible = JSON.stringify([summary, await store.auditTrail(REQUEST_ID), log.lines]);
    for (const value of [CUSTOMER.name, CUSTOMER.email, CUSTOMER.phone, CUSTOMER.street]) expect(visible).not.toContain(value);
  });

  it('returns the recorded plan without rebuilding it when run again later', async () => {
    const { deps, store, objects } = await gatheredRequest();
    const first = await planRequest(deps, REQUEST_ID, TODAY);
    const stored = await objects.getText(OBJECT_KEYS.plan(REQUEST_ID));

    const again = await planRequest(deps, REQUEST_ID, '2031-01-01');

    expect(again).toEqual(first);
    expect(await objects.getText(OBJECT_KEYS.plan(REQUEST_ID))).toBe(stored);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
  });

  it('writes every reason and legal basis of the plan in nynorsk as well as bokmål and English', async () => {
    const { deps, objects } = await gatheredRequest();
    await planRequest(deps, REQUEST_ID, TODAY);
    const plan = ActionPlanSchema.parse(await objects.getJson(OBJECT_KEYS.plan(REQUEST_ID)));
    const texts = [...plan.kept, ...plan.refusals].flatMap((item) => [item.reason, ...(typeof item.legalBasis === 'string' ? [] : [item.legalBasis])]);
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) {
      expect(text.nn).not.toBe('');
      expect(text.nn).not.toBe(text.nb);
    }
  });

  it('reads a plan stored before nynorsk existed, taking its bokmål for the missing nynorsk', () => {
    const stored = {
      requestId: REQUEST_ID,
      builtAt: '2026-11-01T10:00:00.000Z',
      customerIds: ['C-1'],
      corrections: [],
      rectificationNeedsStaffInput: false,
      erasures: [],
      kept: [{ category: 'invoice', recordIds: ['invoice:1'], reason: { nb: 'Fakturaer oppbevares.', en: 'Invoices are kept.' }, legalBasis: { nb: 'bokføringsloven § 13', en: 'section 13 of the Norwegian Bookkeeping Act' }, kind: 'legal_obligation' }],
      consentChanges: [],
      channelReservations: [],
      restrict: false,
      recipientsToNotify: [],
      refusals: [],
      needsTwoApprovers: false,
    };
    const plan = ActionPlanSchema.parse(stored);
    expect(plan.kept[0]?.reason).toEqual({ nb: 'Fakturaer oppbevares.', nn: 'Fakturaer oppbevares.', en: 'Invoices are kept.' });
    expect(plan.kept[0]?.legalBasis).toEqual({ nb: 'bokføringsloven § 13', nn: 'bokføringsloven § 13', en: 'section 13 of the Norwegian Bookkeeping Act' });
  });

  it('plans a requester we hold nothing on from empty bundles, after searching every store by every identifier given', async () => {
    const { deps, objects, store } = await gatheredRequest(
      { types: ['access', 'erasure'], verification: { status: 'verified', subject: 'address' }, customerIds: undefined },
      { customerIds: [] },
    );

    const summary = await planRequest({ ...deps, ...inMemoryCustomerData({ profiles: [aProfile({ customerId: 'C-2002', name: 'Ola Hansen', email: 'ola@example.no', phone: '+4791111111' })] }) }, REQUEST_ID, TODAY);

    expect(summary).toMatchObject({ needsTwoApprovers: false, erasures: 0, kept: 0, refusals: 0 });
    const plan = ActionPlanSchema.parse(await objects.getJson(summary.planKey));
    expect(plan.export).toEqual({ portable: false, categories: [] });
    expect(plan.identitySearch).toMatchObject({ identifiers: ['email', 'phone'], stores: ['customers', 'billing', 'access_log'], candidates: [] });
    expect((await store.get(REQUEST_ID))?.identityReview).toBeUndefined();
  });

  it('sends a requester matched by phone under another e-mail to staff with the candidate, not to a «nothing held» plan', async () => {
    const { deps, objects, store } = await gatheredRequest(
      {
        types: ['access'],
        requester: { name: 'Kari Nordmann', email: 'kari.privat@example.org', phone: '934 20 183' },
        verification: { status: 'verified', subject: 'address' },
        customerIds: undefined,
      },
      { customerIds: [] },
    );

    await planRequest({ ...deps, ...inMemoryCustomerData({ profiles: [aProfile()], invoices: [anInvoice()] }) }, REQUEST_ID, TODAY);

    const request = await store.get(REQUEST_ID);
    expect(request?.identityReview).toMatchObject({ status: 'pending', candidates: 1 });
    const plan = ActionPlanSchema.parse(await objects.getJson(OBJECT_KEYS.plan(REQUEST_ID)));
    expect(plan.identitySearch?.candidates).toEqual([{ customerId: CUSTOMER.customerId, matchedBy: ['phone'], holds: ['profile', 'invoices'] }]);
    const [entry] = (await store.auditTrail(REQUEST_ID)).filter((e) => e.event === 'identity.partial_match');
    expect(entry?.detail).toMatchObject({ candidates: 1, matchedBy: ['phone'], searchedBy: ['email', 'phone'] });
    expect(JSON.stringify(entry)).not.toContain(CUSTOMER.customerId);
  });

  it('sends a letter-writer without e-mail whom no customer matched at verification, but whose name and address a customer has, to staff (they call the registered number)', async () => {
    const { deps, store } = await gatheredRequest(
      {
        channel: 'post',
        types: ['access'],
        requester: { name: aProfile().name, postalAddress: { street: CUSTOMER.street, postalCode: '0150', city: 'Oslo' } },
        verification: { status: 'verified', subject: 'address' },
        customerIds: undefined,
      },
      { customerIds: [] },
    );

    await planRequest({ ...deps, ...inMemoryCustomerData({ profiles: [aProfile()] }) }, REQUEST_ID, TODAY);

    const request = await store.get(REQUEST_ID);
    expect(request?.identityReview).toMatchObject({ status: 'pending', candidates: 1 });
    const [entry] = (await store.auditTrail(REQUEST_ID)).filter((e) => e.event === 'identity.partial_match');
    expect(entry?.detail).toMatchObject({ matchedBy: ['name_address'] });
  });

  it.each(['subscriptions', 'billing', 'access-log'] as const)(
    'throws GatheredDataMissingError when the %s bundle is not recorded',
    async (source) => {
      const { deps } = await gatheredRequest({ gathered: { ...GATHERED, [source]: undefined } as Record<string, string> });

      await expect(planRequest(deps, REQUEST_ID, TODAY)).rejects.toBeInstanceOf(GatheredDataMissingError);
    },
  );

  it('throws GatheredDataMissingError when a recorded bundle is not in the bucket', async () => {
    const { deps, objects } = await gatheredRequest();
    await objects.delete([GATHERED.billing]);

    await expect(planRequest(deps, REQUEST_ID, TODAY)).rejects.toMatchObject({
      name: 'GatheredDataMissingError',
      source: 'billing',
    });
  });

  it.each<Status>(['closed', 'replied', 'rejected', 'unverified', 'carrying_out'])(
    'throws InvalidTransitionError and writes nothing when the request is %s',
    async (status) => {
      const { deps, objects } = await gatheredRequest({ status });

      await expect(planRequest(deps, REQUEST_ID, TODAY)).rejects.toBeInstanceOf(InvalidTransitionError);
      expect(await objects.getJson(OBJECT_KEYS.plan(REQUEST_ID))).toBeUndefined();
    },
  );

  it('records the plan key after re-reading a request another writer changed first', async () => {
    const { deps, store } = await gatheredRequest();
    const realApply = store.apply.bind(store);
    let conflicts = 1;
    store.apply = async (id, change) => {
      if (conflicts-- > 0) throw new ConcurrentChangeError(id);
      return realApply(id, change);
    };

    await planRequest(deps, REQUEST_ID, TODAY);

    expect((await store.get(REQUEST_ID))?.planKey).toBe(OBJECT_KEYS.plan(REQUEST_ID));
  });
});
