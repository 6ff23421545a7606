import { describe, expect, it } from 'vitest';
import { NotStaffActorError } from '../../../functions/domain/staff-auth/staff-identity.js';
import { takeCase } from '../../../functions/domain/case-actions/take-case.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { caseActionsWith } from './case-actions-fixture.js';

const EARLIER = '2026-11-23T12:00:00.000Z';

describe('takeCase', () => {
  it('makes the actor the assignee and records case.taken with no previous assignee', async () => {
    // Prepare
    const { deps, store, at } = caseActionsWith([{ status: 'awaiting_verification' }]);
    // Act
    const result = await takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' });
    // Assess
    expect(result).toEqual({ assignee: { username: 'anne', at }, changed: true });
    expect((await store.get(REQUEST_ID))?.assignee).toEqual({ username: 'anne', at });
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toMatchObject({
      event: 'case.taken',
      actor: 'staff:anne',
      detail: { previousAssignee: null },
    });
  });

  it('takes the case over from a colleague and names the colleague in the audit entry', async () => {
    const { deps, store } = caseActionsWith([{ status: 'awaiting_approval', assignee: { username: 'bjorn', at: EARLIER } }]);

    await takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' });

    expect((await store.get(REQUEST_ID))?.assignee?.username).toBe('anne');
    expect((await store.auditTrail(REQUEST_ID)).at(-1)?.detail).toEqual({ previousAssignee: 'bjorn' });
  });

  it('does nothing when the actor already holds the case', async () => {
    const { deps, store } = caseActionsWith([{ status: 'awaiting_approval', version: 3, assignee: { username: 'anne', at: EARLIER } }]);

    const result = await takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' });

    expect(result).toEqual({ assignee: { username: 'anne', at: EARLIER }, changed: false });
    expect((await store.get(REQUEST_ID))?.version).toBe(3);
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it('refuses a closed case', async () => {
    const { deps, store } = caseActionsWith([{ status: 'closed' }]);

    await expect(takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' })).rejects.toThrow(InvalidTransitionError);
    expect((await store.get(REQUEST_ID))?.assignee).toBeUndefined();
  });

  it('reads again after a concurrent change and takes the case from whoever took it meanwhile', async () => {
    const { deps, store, at } = caseActionsWith([{ status: 'awaiting_approval' }]);
    store.beforeApply = async () => {
      store.beforeApply = undefined;
      await store.apply(REQUEST_ID, {
        expectedVersion: 0,
        set: { assignee: { username: 'bjorn', at } },
        audit: { requestId: REQUEST_ID, at, event: 'case.taken', actor: 'staff:bjorn' },
      });
    };

    const result = await takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' });

    expect(result.changed).toBe(true);
    expect(await store.get(REQUEST_ID)).toMatchObject({ version: 2, assignee: { username: 'anne' } });
    expect((await store.auditTrail(REQUEST_ID)).at(-1)).toMatchObject({ actor: 'staff:anne', detail: { previousAssignee: 'bjorn' } });
  });

  it('ends as a no-op when the concurrent change was the same person taking it', async () => {
    const { deps, store, at } = caseActionsWith([{ status: 'awaiting_approval' }]);
    store.beforeApply = async () => {
      store.beforeApply = undefined;
      await store.apply(REQUEST_ID, {
        expectedVersion: 0,
        set: { assignee: { username: 'anne', at } },
        audit: { requestId: REQUEST_ID, at, event: 'case.taken', actor: 'staff:anne' },
      });
    };

    await expect(takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' })).resolves.toMatchObject({ changed: false });
    expect((await store.auditTrail(REQUEST_ID)).filter((entry) => entry.event === 'case.taken')).toHaveLength(1);
  });

  it('gives up with ConcurrentChangeError when the request changes under both tries', async () => {
    const { deps, store, at } = caseActionsWith([{ status: 'awaiting_approval' }]);
    let concurrent = 0;
    store.beforeApply = async (id, change) => {
      if (change.audit.actor !== 'staff:anne') return;
      concurrent += 1;
      const current = await store.get(id);
      await store.apply(id, {
        expectedVersion: current!.version,
        set: { updatedAt: at },
        audit: { requestId: id, at, event: 'status.changed', actor: 'system:workflow' },
      });
    };

    await expect(takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:anne' })).rejects.toThrow(ConcurrentChangeError);
    expect(concurrent).toBe(2);
    expect((await store.get(REQUEST_ID))?.assignee).toBeUndefined();
  });

  it('refuses an actor that is not staff', async () => {
    const { deps } = caseActionsWith([{ status: 'awaiting_approval' }]);

    await expect(takeCase(deps, { requestId: REQUEST_ID, actor: 'system:workflow' })).rejects.toThrow(NotStaffActorError);
    await expect(takeCase(deps, { requestId: REQUEST_ID, actor: 'staff:' })).rejects.toThrow(NotStaffActorError);
  });
});
