import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { closeRequest } from '../../../functions/domain/workflow/close-request.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

const replied = { reply: { messageId: 'm-1', sentAt: '2026-11-24T07:30:00.000Z' } };

describe('closeRequest', () => {
  it.each(['awaiting_approval', 'received'] as const)(
    'throws InvalidTransitionError and leaves the request open when no reply was sent (status %s)',
    async (status) => {
      // Prepare
      const { deps, store } = workflowWith({ status });
      // Act
      const attempt = closeRequest(deps, REQUEST_ID);
      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidTransitionError);
      expect((await store.get(REQUEST_ID))?.status).toBe(status);
    },
  );

  it('returns closed after closing a replied request, dropping its token and leaving the open list', async () => {
    const { deps, store, at } = workflowWith({ status: 'replied', mailsSent: replied }, { taskToken: 'token-1' });

    const result = await closeRequest(deps, REQUEST_ID);

    expect(result).toEqual({ closed: true });
    expect(await store.get(REQUEST_ID)).toMatchObject({ status: 'closed', updatedAt: at });
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      { requestId: REQUEST_ID, at, event: 'status.changed', fromStatus: 'replied', toStatus: 'closed', actor: 'system:workflow' },
    ]);
    const open: string[] = [];
    for await (const entry of store.listOpen()) open.push(entry.id);
    expect(open).toEqual([]);
  });

  it('returns closed after closing a rejected request whose refusal was sent', async () => {
    const { deps, store } = workflowWith({ status: 'rejected', mailsSent: replied });

    await closeRequest(deps, REQUEST_ID);

    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
  });

  it('returns closed without any change when the request is already closed', async () => {
    const { deps, store } = workflowWith({ status: 'closed', mailsSent: replied, version: 7 });

    const result = await closeRequest(deps, REQUEST_ID);

    expect(result).toEqual({ closed: true });
    expect((await store.get(REQUEST_ID))?.version).toBe(7);
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });
});
