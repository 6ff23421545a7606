import { describe, expect, it } from 'vitest';
import {
  CorrectionsRequiredError,
  SameApproverError,
  recordDecision,
} from '../../../functions/domain/workflow/record-decision.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

describe('recordDecision for an erasure', () => {
  const erasure = () => workflowWith({ status: 'awaiting_approval', types: ['erasure'] }, { taskToken: 'token-1' });

  it('records the first approval and waits for a second approver without resuming the workflow', async () => {
    const { deps, store, callbacks } = erasure();

    const result = await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:anne' });

    expect(result).toEqual({ delivered: false, awaitingSecondApprover: true });
    const stored = await store.get(REQUEST_ID);
    expect(stored?.decision).toBeUndefined();
    expect(stored?.approvals?.map((approval) => approval.by)).toEqual(['staff:anne']);
    expect(callbacks.succeeded).toEqual([]);
    expect((await store.auditTrail(REQUEST_ID)).map((entry) => entry.event)).toEqual(['decision.first_approval']);
  });

  it('refuses the same person approving twice', async () => {
    const { deps } = erasure();
    await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:anne' });

    await expect(recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:anne' })).rejects.toThrow(
      SameApproverError,
    );
  });

  it('decides and resumes the workflow on a second, different approval', async () => {
    const { deps, store, callbacks } = erasure();
    await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:anne' });

    const result = await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:bjorn' });

    expect(result).toEqual({ delivered: true });
    const stored = await store.get(REQUEST_ID);
    expect(stored?.decision).toMatchObject({ outcome: 'approved', decidedBy: 'staff:bjorn' });
    expect(stored?.approvals?.map((approval) => approval.by)).toEqual(['staff:anne', 'staff:bjorn']);
    expect(callbacks.succeeded).toEqual([{ taskToken: 'token-1', output: { outcome: 'approved' } }]);
  });

  it('lets one person reject an erasure outright, with a reason', async () => {
    const { deps, store } = erasure();

    const result = await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:anne', reason: 'Grunnløs.' });

    expect(result).toEqual({ delivered: true });
    expect((await store.get(REQUEST_ID))?.decision?.outcome).toBe('rejected');
  });
});

describe('recordDecision for a rectification', () => {
  const rectification = (customerIds: string[]) =>
    workflowWith({ status: 'awaiting_approval', types: ['rectification'], customerIds }, { taskToken: 'token-1' });

  it('refuses an approval without corrections', async () => {
    const { deps } = rectification(['C-1']);

    await expect(recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:anne' })).rejects.toThrow(
      CorrectionsRequiredError,
    );
  });

  it('records the corrections against the only matching customer', async () => {
    const { deps, store } = rectification(['C-1']);

    await recordDecision(deps, {
      requestId: REQUEST_ID,
      outcome: 'approved',
      actor: 'staff:anne',
      corrections: [{ field: 'phone', to: '+4791234567' }],
    });

    expect((await store.get(REQUEST_ID))?.decision?.corrections).toEqual([{ customerId: 'C-1', field: 'phone', to: '+4791234567' }]);
  });

  it('asks which customer when the requester matches several', async () => {
    const { deps } = rectification(['C-1', 'C-2']);

    await expect(
      recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: 'staff:anne', corrections: [{ field: 'name', to: 'Kari N.' }] }),
    ).rejects.toThrow('name the customer id');
  });
});
