import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { readDecision } from '../../../functions/domain/workflow/read-decision.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

describe('readDecision', () => {
  it.each(['approved', 'rejected'] as const)('returns outcome %s when that decision is recorded', async (outcome) => {
    // Prepare
    const { store } = workflowWith({
      status: 'awaiting_approval',
      decision: { outcome, decidedBy: 'staff:ola', decidedAt: '2026-11-24T07:00:00.000Z', reason: 'r' },
    });
    // Act
    const result = await readDecision(store, REQUEST_ID);
    // Assess
    expect(result).toEqual({ outcome });
  });

  it('throws InvalidTransitionError when no decision is recorded', async () => {
    const { store } = workflowWith({ status: 'awaiting_approval' });

    await expect(readDecision(store, REQUEST_ID)).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('throws RequestNotFoundError when the request does not exist', async () => {
    const { store } = workflowWith();

    await expect(readDecision(store, 'NK-20261123-ZZZZZZZZ')).rejects.toBeInstanceOf(RequestNotFoundError);
  });
});
