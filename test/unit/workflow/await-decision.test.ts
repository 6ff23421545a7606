import { describe, expect, it } from 'vitest';
import {
  DecisionAlreadyRecordedError,
  InvalidTransitionError,
  RequestNotFoundError,
} from '../../../functions/domain/request/request-errors.js';
import type { Status } from '../../../functions/domain/request/request-vocabulary.js';
import { awaitDecision } from '../../../functions/domain/workflow/await-decision.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

const decision = { outcome: 'approved' as const, decidedBy: 'staff:ola', decidedAt: '2026-11-24T07:00:00.000Z' };

describe('awaitDecision', () => {
  it('returns waiting after storing the token and moving a received request to awaiting_approval', async () => {
    // Prepare
    const { deps, store, at } = workflowWith({ status: 'received' });
    // Act
    const result = await awaitDecision(deps, REQUEST_ID, 'token-1');
    // Assess
    expect(result).toEqual({ waiting: true });
    expect(await store.taskToken(REQUEST_ID)).toBe('token-1');
    const stored = await store.get(REQUEST_ID);
    expect(stored).toMatchObject({ status: 'awaiting_approval', updatedAt: at, version: 1 });
    expect(stored).not.toHaveProperty('taskToken');
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      {
        requestId: REQUEST_ID,
        at,
        event: 'status.changed',
        fromStatus: 'received',
        toStatus: 'awaiting_approval',
        actor: 'system:workflow',
      },
    ]);
  });

  it('returns waiting with the new token and a decision.awaiting_again entry when the workflow waits again', async () => {
    const { deps, store } = workflowWith({ status: 'awaiting_approval' }, { taskToken: 'old-token' });

    await awaitDecision(deps, REQUEST_ID, 'new-token');

    expect(await store.taskToken(REQUEST_ID)).toBe('new-token');
    expect((await store.auditTrail(REQUEST_ID)).map((e) => e.event)).toEqual(['decision.awaiting_again']);
  });

  it.each(['needs_attention', 'extended'] as const)('returns waiting when the request is %s', async (status) => {
    const { deps, store } = workflowWith({ status });

    await awaitDecision(deps, REQUEST_ID, 'token-1');

    expect((await store.get(REQUEST_ID))?.status).toBe('awaiting_approval');
  });

  it('throws DecisionAlreadyRecordedError and keeps the old token when a decision exists', async () => {
    const { deps, store } = workflowWith({ status: 'awaiting_approval', decision }, { taskToken: 'old-token' });

    await expect(awaitDecision(deps, REQUEST_ID, 'new-token')).rejects.toBeInstanceOf(DecisionAlreadyRecordedError);
    expect(await store.taskToken(REQUEST_ID)).toBe('old-token');
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it.each<Status>(['closed', 'replied', 'rejected'])(
    'throws InvalidTransitionError and changes nothing when the request is %s',
    async (status) => {
      const { deps, store } = workflowWith({ status });

      const attempt = awaitDecision(deps, REQUEST_ID, 'token-1');

      await expect(attempt).rejects.toBeInstanceOf(InvalidTransitionError);
      await expect(attempt).rejects.toMatchObject({ from: status, action: 'await decision' });
      expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
      expect((await store.get(REQUEST_ID))?.status).toBe(status);
    },
  );

  it('throws RequestNotFoundError when the request does not exist', async () => {
    const { deps } = workflowWith();

    await expect(awaitDecision(deps, 'NK-20261123-ZZZZZZZZ', 't')).rejects.toBeInstanceOf(RequestNotFoundError);
  });
});
