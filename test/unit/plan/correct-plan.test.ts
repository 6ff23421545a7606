import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import { loadPlan } from '../../../functions/domain/plan/load-plan.js';
import { approvedReplyLetter } from '../../../functions/domain/letters/reply-letters.js';
import { correctPlan, type CorrectPlanInput } from '../../../functions/domain/plan-corrections/correct-plan.js';
import {
  DoorEventsTogetherError,
  KeepGroundRequiredError,
  KeepUntilInvalidError,
  NotReleasableError,
  PlanNotCorrectableError,
  UnknownRecordsError,
} from '../../../functions/domain/plan-corrections/plan-correction-errors.js';
import { planRequest } from '../../../functions/domain/plan/plan-request.js';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import type { RequestType } from '../../../functions/domain/request/request-vocabulary.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { anInvoice, aPayment } from '../gather/customer-data-fixture.js';
import { FORMER_CUSTOMER, TODAY, auditOf, scenario } from '../carry-out/carry-out-fixture.js';

/** A request with its plan built and waiting for approval: one staff member already approved. */
function waiting(types: readonly RequestType[] = ['erasure'], held = FORMER_CUSTOMER) {
  return scenario({
    types,
    held,
    request: { decision: undefined, approvals: [{ by: 'staff:per', at: '2026-11-24T07:40:00.000Z' }] },
  });
}

const input = (requestId: string, overrides: Partial<CorrectPlanInput>): CorrectPlanInput => ({
  requestId,
  actor: 'staff:kari',
  action: 'keep',
  records: ['door_event:*'],
  ground: 'legal_claim',
  until: '2027-06-30',
  note: 'Arbeidsrettssak varslet; dørloggen trengs som bevis.',
  today: TODAY,
  ...overrides,
});

describe('correctPlan: keep', () => {
  it('keeps the door log for a legal claim until the date, puts the corrected plan in force and voids the approvals', async () => {
    const { deps, store, request } = waiting();

    const result = await correctPlan(deps, input(request.id, {}));

    const stored = await store.get(request.id);
    expect(stored?.planKey).toBe(OBJECT_KEYS.correctedPlan(request.id, 1));
    expect(stored?.approvals).toEqual([]);
    expect(result).toMatchObject({ records: 2, approvalsReset: 1 });
    const plan = await loadPlan(deps.objects, stored!);
    expect(plan.erasures.some((e) => e.category === 'door_event')).toBe(false);
    expect(plan.kept.find((k) => k.category === 'door_event')).toMatchObject({
      kind: 'legal_claim',
      until: '2027-06-30',
      setBy: 'staff:kari',
      recordIds: ['door_event:E-1', 'door_event:E-2'],
    });
    expect(plan.adjustments).toHaveLength(1);
    const [audit] = await auditOf(store, request.id, 'plan.corrected');
    expect(audit).toMatchObject({
      actor: 'staff:kari',
      reason: 'Arbeidsrettssak varslet; dørloggen trengs som bevis.',
      detail: { action: 'keep', records: 2, categories: 'door_event', ground: 'legal_claim', until: '2027-06-30', approvalsReset: 1 },
    });
  });

  it('is carried out as corrected: the kept log stays, marked for deletion after the date, and the reply says so', async () => {
    const { deps, store, request, retention, data } = waiting();
    await correctPlan(deps, input(request.id, {}));
    const current = await store.get(request.id);
    await store.apply(request.id, {
      expectedVersion: current!.version,
      set: { decision: { outcome: 'approved', decidedBy: 'staff:per', decidedAt: '2026-11-24T07:50:00.000Z' } },
      audit: { requestId: request.id, at: '2026-11-24T07:50:00.000Z', event: 'decision.approved', actor: 'staff:per' },
    });

    await carryOut(deps, request.id);

    expect((await data.accessLog.events('C-1001')).items).toHaveLength(2);
    const scheduled = retention.calls.find((call) => call.category === 'door_event');
    expect(scheduled).toMatchObject({ customerId: 'C-1001', until: '2027-06-30' });
    expect([...(scheduled?.recordIds ?? [])].sort()).toEqual(['E-1', 'E-2']);
    const plan = await loadPlan(deps.objects, (await store.get(request.id))!);
    const letter = approvedReplyLetter({ request: { ...request, types: ['erasure'] }, plan, corrections: [], recipients: [] });
    expect(letter.text).toContain('Etter en ny vurdering trenger vi disse oppføringene for å fastsette, gjøre gjeldende eller forsvare et rettskrav');
    expect(letter.text).toContain('30. juni 2027');
  });

  it('leaves the corrected plan in force when the plan step runs again', async () => {
    const { deps, store, request } = waiting();
    await correctPlan(deps, input(request.id, {}));

    const summary = await planRequest(deps, request.id, TODAY);

    expect(summary.planKey).toBe(OBJECT_KEYS.correctedPlan(request.id, 1));
    expect((await store.get(request.id))?.planKey).toBe(OBJECT_KEYS.correctedPlan(request.id, 1));
  });

  it.each([
    ['an unknown record', { records: ['invoice:NOPE-1'] }, UnknownRecordsError],
    ['an unknown category', { records: ['bank:*'] }, UnknownRecordsError],
    ['no ground', { ground: undefined }, KeepGroundRequiredError],
    ['no date', { until: undefined }, KeepUntilInvalidError],
    ['a past date', { until: '2026-11-23' }, KeepUntilInvalidError],
    ['a date that is not a date', { until: '2027-02-30' }, KeepUntilInvalidError],
    ['a date more than ten years ahead', { until: '2037-01-01' }, KeepUntilInvalidError],
    ['some door events only', { records: ['door_event:E-1'] }, DoorEventsTogetherError],
  ] as const)('refuses %s and changes nothing', async (_what, overrides, error) => {
    const { deps, store, request } = waiting();
    const before = await store.get(request.id);

    await expect(correctPlan(deps, input(request.id, overrides))).rejects.toThrow(error);

    expect(await store.get(request.id)).toEqual(before);
    expect(await auditOf(store, request.id, 'plan.corrected')).toEqual([]);
  });

  it('refuses a correction once the plan is decided, and for a request that erases nothing', async () => {
    const decided = scenario({ types: ['erasure'] });
    await expect(correctPlan(decided.deps, input(decided.request.id, {}))).rejects.toThrow(InvalidTransitionError);
    const access = waiting(['access']);
    await expect(correctPlan(access.deps, input(access.request.id, {}))).rejects.toThrow(PlanNotCorrectableError);
  });
});

describe('correctPlan: release', () => {
  const DISPUTED = {
    ...FORMER_CUSTOMER,
    invoices: [anInvoice({ invoiceNo: '2018-5', issuedOn: '2018-05-01', status: 'disputed' as const })],
    payments: [aPayment({ paymentId: 'P-5', invoiceNo: '2018-5', paidOn: '2018-05-10' })],
  };

  it('releases a settled claim: the old invoice, its payment and the profile fall to the general rules', async () => {
    const { deps, store, request } = waiting(['erasure'], DISPUTED);
    const before = await loadPlan(deps.objects, request);
    expect(before.kept.map((k) => `${k.category}:${k.kind}`)).toEqual(['profile:legal_claim', 'invoice:legal_claim', 'payment:legal_claim']);

    await correctPlan(deps, { ...input(request.id, { action: 'release', records: ['invoice:2018-5', 'payment:P-5', 'profile:C-1001'] }) });

    const plan = await loadPlan(deps.objects, (await store.get(request.id))!);
    expect(plan.kept).toEqual([]);
    expect(plan.erasures.map((e) => `${e.category}:${e.method}`)).toEqual(
      expect.arrayContaining(['profile:delete', 'invoice:delete', 'payment:delete']),
    );
  });

  it('releases an earlier staff hold', async () => {
    const { deps, store, request } = waiting();
    await correctPlan(deps, input(request.id, {}));

    await correctPlan(deps, input(request.id, { action: 'release' }));

    const plan = await loadPlan(deps.objects, (await store.get(request.id))!);
    expect(plan.kept.some((k) => k.category === 'door_event')).toBe(false);
    expect(plan.adjustments.map((a) => a.action)).toEqual(['keep', 'release']);
    expect((await store.get(request.id))?.planKey).toBe(OBJECT_KEYS.correctedPlan(request.id, 2));
  });

  it('refuses to release a hold the Bookkeeping Act makes, or a record that is not held back', async () => {
    const { deps, request } = waiting();

    await expect(correctPlan(deps, input(request.id, { action: 'release', records: ['invoice:2024-00017'] }))).rejects.toThrow(
      NotReleasableError,
    );
    await expect(correctPlan(deps, input(request.id, { action: 'release', records: ['invoice:2019-00003'] }))).rejects.toThrow(
      NotReleasableError,
    );
  });
});
