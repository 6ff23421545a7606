import { describe, expect, it } from 'vitest';
import { RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { flagNeedsAttention } from '../../../functions/domain/workflow/flag-needs-attention.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

const cause = JSON.stringify({ errorMessage: `mail to ${REQUESTER.email} for ${REQUESTER.name} bounced`, trace: ['at x'] });

describe('flagNeedsAttention', () => {
  it('returns flagged after marking the request and recording only the error name', async () => {
    // Prepare
    const { deps, store, log, at } = workflowWith({ status: 'awaiting_approval' }, { taskToken: 'token-1' });
    // Act
    const result = await flagNeedsAttention(deps, REQUEST_ID, { Error: 'States.TaskFailed', Cause: cause });
    // Assess
    expect(result).toEqual({ flagged: true });
    expect((await store.get(REQUEST_ID))?.status).toBe('needs_attention');
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
    const trail = await store.auditTrail(REQUEST_ID);
    expect(trail).toEqual([
      {
        requestId: REQUEST_ID,
        at,
        event: 'status.changed',
        fromStatus: 'awaiting_approval',
        toStatus: 'needs_attention',
        actor: 'system:workflow',
        reason: 'workflow failure: States.TaskFailed',
        detail: { error: 'States.TaskFailed' },
      },
    ]);
    const recorded = JSON.stringify(trail) + log.lines.join('\n');
    expect(recorded).not.toContain(REQUESTER.email);
    expect(recorded).not.toContain('bounced');
    expect(recorded).not.toContain('errorMessage');
  });

  it.each([
    ['no failure', undefined],
    ['a failure without a name', { Cause: cause }],
  ])('returns flagged with error Unknown when given %s', async (_label, failure) => {
    const { deps, store } = workflowWith();

    await flagNeedsAttention(deps, REQUEST_ID, failure);

    expect((await store.auditTrail(REQUEST_ID))[0]?.detail).toEqual({ error: 'Unknown' });
  });

  it('returns flagged with the error name cut to 120 characters when the name is longer', async () => {
    const { deps, store } = workflowWith();

    await flagNeedsAttention(deps, REQUEST_ID, { Error: 'E'.repeat(500) });

    expect((await store.auditTrail(REQUEST_ID))[0]?.detail).toEqual({ error: 'E'.repeat(120) });
  });

  it.each(['needs_attention', 'closed'] as const)('returns flagged without any change when the request is %s', async (status) => {
    const { deps, store } = workflowWith({ status, version: 4 });

    const result = await flagNeedsAttention(deps, REQUEST_ID, { Error: 'States.Timeout' });

    expect(result).toEqual({ flagged: true });
    expect(await store.get(REQUEST_ID)).toMatchObject({ status, version: 4 });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it('returns flagged once when called twice for the same failure', async () => {
    const { deps, store } = workflowWith();

    await flagNeedsAttention(deps, REQUEST_ID, { Error: 'States.Timeout' });
    await flagNeedsAttention(deps, REQUEST_ID, { Error: 'States.Timeout' });

    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
  });

  it('throws RequestNotFoundError when the request does not exist', async () => {
    const { deps } = workflowWith();

    await expect(flagNeedsAttention(deps, 'NK-20261123-ZZZZZZZZ', { Error: 'x' })).rejects.toBeInstanceOf(RequestNotFoundError);
  });
});
