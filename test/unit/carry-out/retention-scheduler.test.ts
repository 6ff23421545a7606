import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import {
  RetentionSchedulerNotConfiguredError,
  UnconfiguredRetentionScheduler,
  deleteAfterEpochSeconds,
} from '../../../functions/domain/carry-out/retention-scheduler.js';
import { auditOf, scenario } from './carry-out-fixture.js';

describe('deleteAfterEpochSeconds', () => {
  it.each([
    ['2029-12-31', '2030-01-01T00:00:00+01:00'],
    ['2027-06-30', '2027-07-01T00:00:00+02:00'],
  ])('returns the first second after %s ends in Oslo', (until, next) => {
    expect(deleteAfterEpochSeconds(until)).toBe(Date.parse(next) / 1000);
  });
});

describe('carryOut: retention scheduling', () => {
  it('fails the step so staff look at it when no scheduler is configured and records must be marked', async () => {
    const { deps, store, request } = scenario({ types: ['erasure'] });

    await expect(carryOut({ ...deps, retention: new UnconfiguredRetentionScheduler() }, request.id)).rejects.toBeInstanceOf(
      RetentionSchedulerNotConfiguredError,
    );
    expect((await store.get(request.id))?.carriedOut?.['retain:invoice:2029-12-31']).toBeUndefined();
  });

  it('records a kept group of a category without expiry in its store as needing manual follow-up', async () => {
    const { deps, store, request, retention } = scenario({
      types: ['erasure'],
      editPlan: (plan) => ({
        ...plan,
        kept: [
          ...plan.kept,
          {
            category: 'service_note',
            recordIds: ['service_note:N-9'],
            reason: { nb: 'rettskrav', nn: 'rettskrav', en: 'legal claim' },
            legalBasis: 'GDPR art. 17 (3) (e)',
            until: '2027-01-31',
            kind: 'legal_claim',
          },
        ],
      }),
    });

    await carryOut(deps, request.id);

    const entry = (await auditOf(store, request.id, 'action.done')).find((e) => e.detail?.action === 'retain:service_note:2027-01-31');
    expect(entry?.detail).toMatchObject({ scheduled: 0, manualFollowUp: true });
    expect(retention.calls.map((call) => call.category)).toEqual(['invoice', 'payment']);
  });
});
