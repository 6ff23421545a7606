import { describe, expect, it } from 'vitest';
import {
  ConcurrentChangeError,
  InvalidTransitionError,
  RequestNotFoundError,
} from '../../../functions/domain/request/request-errors.js';
import { ReasonRequiredError, recordDecision } from '../../../functions/domain/workflow/record-decision.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

const waiting = () => workflowWith({ status: 'awaiting_approval', types: ['access'] }, { taskToken: 'token-1' });

describe('recordDecision', () => {
  it('returns delivered:true after recording an approval and resuming the workflow with the stored token', async () => {
    // Prepare
    const { deps, store, callbacks, at } = waiting();
    // Act
    const result = await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:ola' });
    // Assess
    expect(result).toEqual({ delivered: true });
    expect((await store.get(REQUEST_ID))?.decision).toEqual({ outcome: 'approved', decidedBy: 'staff:ola', decidedAt: at });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([{ requestId: REQUEST_ID, at, event: 'decision.approved', actor: 'staff:ola' }]);
    expect(callbacks.succeeded).toEqual([{ taskToken: 'token-1', output: { outcome: 'approved' } }]);
  });

  it('returns delivered:true after recording a rejection with its trimmed reason and actor', async () => {
    const { deps, store, callbacks, at } = waiting();

    await recordDecision(deps, {
      requestId: REQUEST_ID,
      outcome: 'rejected',
      actor: 'staff:kari',
      reason: '  Vi har ingen opplysninger om deg.  ',
    });

    expect((await store.get(REQUEST_ID))?.decision).toEqual({
      outcome: 'rejected',
      decidedBy: 'staff:kari',
      decidedAt: at,
      reason: 'Vi har ingen opplysninger om deg.',
    });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      { requestId: REQUEST_ID, at, event: 'decision.rejected', actor: 'staff:kari', reason: 'Vi har ingen opplysninger om deg.' },
    ]);
    expect(callbacks.succeeded).toEqual([{ taskToken: 'token-1', output: { outcome: 'rejected' } }]);
  });

  it.each([undefined, '', '   \n'])('throws ReasonRequiredError and records nothing when a rejection has reason %j', async (reason) => {
    const { deps, store, callbacks } = waiting();

    const attempt = recordDecision(deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:ola', reason });

    await expect(attempt).rejects.toBeInstanceOf(ReasonRequiredError);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
    expect(callbacks.attempts).toEqual([]);
  });

  it.each(['received', 'replied', 'closed', 'needs_attention'] as const)(
    'throws InvalidTransitionError when the request is %s rather than awaiting approval',
    async (status) => {
      const { deps, store, callbacks } = workflowWith({ status }, { taskToken: 'token-1' });

      const attempt = recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:ola' });

      await expect(attempt).rejects.toBeInstanceOf(InvalidTransitionError);
      expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
      expect(callbacks.attempts).toEqual([]);
    },
  );

  it('throws InvalidTransitionError and keeps the first decision when a decision was already recorded', async () => {
    const first = { outcome: 'approved' as const, decidedBy: 'staff:ola', decidedAt: '2026-11-24T07:00:00.000Z' };
    const { deps, store, callbacks } = workflowWith({ status: 'awaiting_approval', decision: first }, { taskToken: 'token-1' });

    const attempt = recordDecision(deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:kari', reason: 'Nei' });

    await expect(attempt).rejects.toMatchObject({ name: 'InvalidTransitionError', action: 'decide rejected' });
    expect((await store.get(REQUEST_ID))?.decision).toEqual(first);
    expect(callbacks.attempts).toEqual([]);
  });

  it('returns delivered:false and keeps the decision when the callback to the workflow fails', async () => {
    const { deps, store, callbacks, log } = waiting();
    callbacks.failWith(Object.assign(new Error('task timed out'), { name: 'TaskTimedOut' }));

    const result = await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:ola' });

    expect(result).toEqual({ delivered: false });
    expect((await store.get(REQUEST_ID))?.decision?.outcome).toBe('approved');
    expect(callbacks.attempts).toEqual([{ taskToken: 'token-1', output: { outcome: 'approved' } }]);
    expect(log.lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ event: 'decision.delivery_failed', requestId: REQUEST_ID, error: 'TaskTimedOut' }),
    );
  });

  it('returns delivered:false without calling back and keeps the decision when no token is stored', async () => {
    const { deps, store, callbacks } = workflowWith({ status: 'awaiting_approval', types: ['access'] });

    const result = await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:ola' });

    expect(result).toEqual({ delivered: false });
    expect((await store.get(REQUEST_ID))?.decision?.outcome).toBe('approved');
    expect(callbacks.attempts).toEqual([]);
  });

  it('returns one recorded decision and one delivery when two staff decide at the same moment', async () => {
    const { deps, store, callbacks } = waiting();

    const results = await Promise.allSettled([
      recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:ola' }),
      recordDecision(deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:kari', reason: 'Nei' }),
    ]);

    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((r) => r.reason)).toEqual([expect.any(ConcurrentChangeError)]);
    expect(callbacks.succeeded).toHaveLength(1);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
  });

  it('throws RequestNotFoundError when the request does not exist', async () => {
    const { deps } = waiting();

    const attempt = recordDecision(deps, { requestId: 'NK-20261123-ZZZZZZZZ', outcome: 'approved', actor: 'staff:ola' });

    await expect(attempt).rejects.toBeInstanceOf(RequestNotFoundError);
  });
});
