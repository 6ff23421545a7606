import { describe, expect, it } from 'vitest';
import { refusalLetter } from '../../../functions/domain/letters/refusal-letter.js';
import { buildPlan } from '../../../functions/domain/plan/build-plan.js';
import { liftAfterOverride, restrictWhileAssessing } from '../../../functions/domain/processing-objection/objection-restriction.js';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { BalancingReasonRequiredError, ReasonRequiredError, recordDecision } from '../../../functions/domain/workflow/record-decision.js';
import { InMemoryProcessingPurposeStore } from '../../support/in-memory-marketing-stop-stores.js';
import { InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest, capturingLogger, fixedClock, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from '../workflow/workflow-fixture.js';

const NOW = '2026-11-24T08:00:00.000Z';
const BALANCING =
  'Statistikken brukes bare samlet og pseudonymisert, men personen har vist til en særlig situasjon som veier tyngre.';

function objectionWorld(overrides: Partial<RightsRequest> = {}) {
  const store = new InMemoryRequestStore().seed(
    aRightsRequest({ types: ['processing_objection'], customerIds: ['c-1', 'c-2'], status: 'gathering', ...overrides }),
  );
  const purposes = new InMemoryProcessingPurposeStore();
  const deps = { store, purposes, now: fixedClock(NOW).now, logger: capturingLogger('objection').logger };
  return { deps, store, purposes };
}

describe('restriction while an Art. 21(1) objection is assessed', () => {
  it('restricts the analysis purpose for every customer of the subject with ground d, once', async () => {
    const { deps, store, purposes } = objectionWorld();

    expect(await restrictWhileAssessing(deps, REQUEST_ID)).toEqual({ restricted: 2 });
    expect(await restrictWhileAssessing(deps, REQUEST_ID)).toEqual({ restricted: 0 });

    expect(await purposes.get('c-1', 'analytics')).toEqual({
      customerId: 'c-1',
      purpose: 'analytics',
      status: 'restricted',
      ground: 'd',
      changedAt: NOW,
      source: `rights-request:${REQUEST_ID}`,
    });
    const audit = (await store.auditTrail(REQUEST_ID)).filter((entry) => entry.event === 'processing.restricted');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toEqual({ purpose: 'analytics', ground: 'd', customers: 2 });
  });

  it('lifts the restriction only after the refusal was sent, and leaves an earlier stop alone', async () => {
    const { deps, purposes } = objectionWorld();
    await restrictWhileAssessing(deps, REQUEST_ID);
    await purposes.put({ customerId: 'c-2', purpose: 'analytics', status: 'stopped', changedAt: NOW, source: 'rights-request:OTHER' });

    await expect(liftAfterOverride(deps, REQUEST_ID)).rejects.toBeInstanceOf(InvalidTransitionError);

    const told = objectionWorld({
      decision: { outcome: 'rejected', decidedBy: 'staff:ola', decidedAt: NOW, reason: BALANCING },
      mailsSent: { reply: { messageId: 'm-1', sentAt: NOW } },
    });
    told.purposes.states.clear();
    for (const [key, state] of purposes.states) told.purposes.states.set(key, state);
    expect(await liftAfterOverride(told.deps, REQUEST_ID)).toEqual({ lifted: 1 });
    expect((await told.purposes.get('c-1', 'analytics'))?.status).toBe('active');
    expect((await told.purposes.get('c-1', 'analytics'))?.ground).toBeUndefined();
    expect((await told.purposes.get('c-2', 'analytics'))?.status).toBe('stopped');
  });
});

describe('deciding an Art. 21(1) objection', () => {
  it.each(['approved', 'rejected'] as const)('refuses a %s decision without a written balancing reason', async (outcome) => {
    const { deps, store } = workflowWith({ status: 'awaiting_approval', types: ['processing_objection'] }, { taskToken: 't' });

    for (const reason of [undefined, 'Avveid.']) {
      await expect(recordDecision(deps, { requestId: REQUEST_ID, outcome, actor: 'staff:ola', reason })).rejects.toBeInstanceOf(
        outcome === 'rejected' && reason === undefined ? ReasonRequiredError : BalancingReasonRequiredError,
      );
    }
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();

    await recordDecision(deps, { requestId: REQUEST_ID, outcome, actor: 'staff:ola', reason: BALANCING });
    expect((await store.get(REQUEST_ID))?.decision).toMatchObject({ outcome, reason: BALANCING });
  });

  it('plans the analysis purpose for the objection, and nothing of a marketing stop already taken', () => {
    const request = aRightsRequest({
      types: ['processing_objection', 'objection'],
      customerIds: ['c-1'],
      verification: { status: 'verified', subject: 'customer' },
      marketingStop: { at: NOW, customers: 1, suppressed: false, confirmations: 1 },
    });
    const bundle = { customerIds: ['c-1'] };
    const plan = buildPlan({
      request,
      today: '2026-11-24',
      gathered: {
        subscriptions: {
          source: 'subscriptions',
          ...bundle,
          profiles: [],
          subscriptions: [],
          consents: [{ customerId: 'c-1', kind: 'newsletter', granted: true, changedAt: NOW, source: 'x', restricted: false }],
          reservations: [],
          notes: [],
          gatheredAt: NOW,
        },
        billing: { source: 'billing', ...bundle, invoices: [], payments: [], gatheredAt: NOW },
        accessLog: { source: 'access-log', ...bundle, events: [], gatheredAt: NOW },
      },
    });
    expect(plan.processingObjection).toEqual({ purpose: 'analytics' });
    expect(plan.consentChanges).toEqual([]);
    expect(plan.channelReservations).toEqual([]);
  });

  it('the refusal of an overridden objection names the purpose, gives the balancing, says the restriction is lifted, and gives both remedies', () => {
    const nb = refusalLetter(aRightsRequest({ types: ['processing_objection'] }), BALANCING).text;
    expect(nb).toContain('personvernforordningen artikkel 21 nr. 1');
    expect(nb).toContain('analyse og utvikling');
    expect(nb).toContain('tvingende berettigede grunner');
    expect(nb).toContain(BALANCING);
    expect(nb).toContain('Den begrensningen oppheves nå.');
    expect(nb).toContain('Datatilsynet');
    expect(nb).toContain('domstolene');
    const en = refusalLetter(aRightsRequest({ types: ['processing_objection'], language: 'en' }), BALANCING).text;
    expect(en).toContain('compelling legitimate grounds');
    expect(en).toContain('That restriction is lifted now.');
    expect(en).toContain('take the matter to court');
  });
});
