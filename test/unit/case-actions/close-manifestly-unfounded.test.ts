import { describe, expect, it } from 'vitest';
import { ClosureReasonInvalidError, OtherClosureLetterSentError } from '../../../functions/domain/case-actions/case-action-errors.js';
import { CASE_CLOSED_BY_STAFF } from '../../../functions/domain/case-actions/stop-waiting-workflow.js';
import { closeManifestlyUnfounded } from '../../../functions/domain/case-actions/close-manifestly-unfounded.js';
import { statusesAllowing } from '../../../functions/domain/lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { STATUSES } from '../../../functions/domain/request/request-vocabulary.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { caseActionsWith } from './case-actions-fixture.js';

const REASON = 'Dette er den sjette like henvendelsen på to uker, og opplysningene er ikke endret siden svaret 1. november.';
const TOKEN = 'task-token-await-decision';
const input = { requestId: REQUEST_ID, actor: 'staff:anne', ground: 'excessive', reason: REASON } as const;

describe('closeManifestlyUnfounded', () => {
  it('sends the letter, closes the case with its closure and ends the waiting workflow step', async () => {
    // Prepare
    const { deps, store, mailer, callbacks, at } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);
    // Act
    const result = await closeManifestlyUnfounded(deps, input);
    // Assess
    expect(result).toEqual({ alreadyClosed: false, workflowStopped: true });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: REQUESTER.email, purpose: 'closure-excessive', requestId: REQUEST_ID });
    expect(mailer.sent[0]!.text).toContain(REASON);
    const stored = await store.get(REQUEST_ID);
    expect(stored?.status).toBe('closed');
    expect(stored?.closure).toEqual({ kind: 'excessive', reason: REASON, by: 'staff:anne', at });
    expect(stored?.mailsSent['closure-excessive']?.messageId).toBe('fake-message-1');
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
    expect(callbacks.failed).toEqual([{ taskToken: TOKEN, error: CASE_CLOSED_BY_STAFF, cause: 'closed by staff' }]);
    expect(CASE_CLOSED_BY_STAFF).toBe('CaseClosedByStaff');
  });

  it('records the letter first and then the closure in the audit trail', async () => {
    const { deps, store } = caseActionsWith([{ status: 'awaiting_verification' }, TOKEN]);

    await closeManifestlyUnfounded(deps, { ...input, ground: 'manifestly_unfounded' });

    const trail = await store.auditTrail(REQUEST_ID);
    expect(trail.map((entry) => entry.event)).toEqual(['mail.sent', 'case.closed_by_staff']);
    expect(trail[0]?.detail).toMatchObject({ purpose: 'closure-manifestly-unfounded' });
    expect(trail[1]).toMatchObject({
      fromStatus: 'awaiting_verification',
      toStatus: 'closed',
      actor: 'staff:anne',
      reason: REASON,
      detail: { kind: 'manifestly_unfounded', noticeMessageId: 'fake-message-1' },
    });
  });

  it('leaves the case open and the workflow waiting when the letter cannot be sent', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);
    mailer.failWith(new Error('SES down'));

    await expect(closeManifestlyUnfounded(deps, input)).rejects.toThrow('SES down');

    const stored = await store.get(REQUEST_ID);
    expect(stored?.status).toBe('awaiting_approval');
    expect(stored?.closure).toBeUndefined();
    expect(await store.taskToken(REQUEST_ID)).toBe(TOKEN);
    expect(callbacks.failed).toEqual([]);
  });

  it('does not send the letter again when a retry finishes a closure the store failed to record', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);
    store.beforeApply = async (_id, change) => {
      if (change.set.status !== 'closed') return;
      store.beforeApply = undefined;
      throw new Error('DynamoDB unavailable');
    };
    await expect(closeManifestlyUnfounded(deps, input)).rejects.toThrow('DynamoDB unavailable');
    expect((await store.get(REQUEST_ID))?.status).toBe('awaiting_approval');
    expect(callbacks.failed).toEqual([]);

    const result = await closeManifestlyUnfounded(deps, input);

    expect(result).toEqual({ alreadyClosed: false, workflowStopped: true });
    expect(mailer.sent).toHaveLength(1);
    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
    expect(callbacks.failed).toHaveLength(1);
  });

  it('answers a repeat on a case already closed the same way without mailing or failing anything', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);
    await closeManifestlyUnfounded(deps, input);

    const repeat = await closeManifestlyUnfounded(deps, input);

    expect(repeat).toEqual({ alreadyClosed: true, workflowStopped: false });
    expect(mailer.attempts).toHaveLength(1);
    expect(callbacks.failed).toHaveLength(1);
    expect((await store.auditTrail(REQUEST_ID)).filter((entry) => entry.event === 'case.closed_by_staff')).toHaveLength(1);
  });

  it('refuses to close with the other ground once one ground was sent to the person', async () => {
    const { deps, mailer } = caseActionsWith([
      { status: 'awaiting_approval', mailsSent: { 'closure-excessive': { messageId: 'm-1', sentAt: '2026-11-24T07:00:00.000Z' } } },
    ]);

    await expect(closeManifestlyUnfounded(deps, { ...input, ground: 'manifestly_unfounded' })).rejects.toThrow(
      OtherClosureLetterSentError,
    );
    expect(mailer.attempts).toEqual([]);
  });

  it.each(statusesAllowing('closed_by_staff'))('closes a case waiting in status %s', async (status) => {
    const { deps, store } = caseActionsWith([{ status }]);

    await closeManifestlyUnfounded(deps, input);

    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
  });

  it.each(STATUSES.filter((status) => !statusesAllowing('closed_by_staff').includes(status)))(
    'refuses status %s with InvalidTransitionError and sends nothing',
    async (status) => {
      const { deps, store, mailer } = caseActionsWith([{ status }]);

      await expect(closeManifestlyUnfounded(deps, input)).rejects.toThrow(InvalidTransitionError);
      expect(mailer.attempts).toEqual([]);
      expect((await store.get(REQUEST_ID))?.status).toBe(status);
    },
  );

  it.each([
    ['shorter than 20 characters after trimming', `   ${'x'.repeat(19)}   `],
    ['longer than 2000 characters', 'x'.repeat(2001)],
  ])('refuses a reason %s before reading or sending anything', async (_label, reason) => {
    const { deps, mailer } = caseActionsWith([{ status: 'awaiting_approval' }]);

    await expect(closeManifestlyUnfounded(deps, { ...input, reason })).rejects.toThrow(ClosureReasonInvalidError);
    expect(mailer.attempts).toEqual([]);
  });

  it('accepts a reason of exactly 20 characters and stores it trimmed', async () => {
    const { deps, store } = caseActionsWith([{ status: 'awaiting_approval' }]);

    await closeManifestlyUnfounded(deps, { ...input, reason: `  ${'y'.repeat(20)}  ` });

    expect((await store.get(REQUEST_ID))?.closure?.reason).toBe('y'.repeat(20));
  });

  it('closes without a callback when no workflow step is waiting', async () => {
    const { deps, store, callbacks } = caseActionsWith([{ status: 'needs_attention' }]);

    const result = await closeManifestlyUnfounded(deps, input);

    expect(result.workflowStopped).toBe(false);
    expect(callbacks.failed).toEqual([]);
    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
  });

  it.each(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'])(
    'keeps the closure when the waiting step had moved on (%s)',
    async (name) => {
      const { deps, store, callbacks, log } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);
      callbacks.failWith(Object.assign(new Error('gone'), { name }));

      const result = await closeManifestlyUnfounded(deps, input);

      expect(result).toEqual({ alreadyClosed: false, workflowStopped: false });
      expect((await store.get(REQUEST_ID))?.status).toBe('closed');
      expect(log.events()).toContain('case.workflow_already_moved_on');
    },
  );

  it('throws any other callback failure after the case is closed', async () => {
    const { deps, store, callbacks } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);
    callbacks.failWith(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }));

    await expect(closeManifestlyUnfounded(deps, input)).rejects.toThrow('not allowed');
    expect((await store.get(REQUEST_ID))?.status).toBe('closed');
  });

  it('deletes the copies of gathered data with the closing', async () => {
    const gathered = { billing: `requests/${REQUEST_ID}/gathered/billing.json` };
    const { deps, store, objects } = caseActionsWith([{ status: 'awaiting_approval', gathered }]);

    await closeManifestlyUnfounded(deps, input);

    expect(objects.deleted).toEqual([gathered.billing]);
    expect((await store.get(REQUEST_ID))?.gathered).toEqual({});
    expect((await store.auditTrail(REQUEST_ID)).at(-1)?.detail).toMatchObject({ gatheredCopiesDeleted: 1 });
  });

  it('keeps the reason and the requester out of the log', async () => {
    const { deps, log } = caseActionsWith([{ status: 'awaiting_approval' }, TOKEN]);

    await closeManifestlyUnfounded(deps, input);

    const logged = log.lines.join('\n');
    expect(logged).toContain('case.closed_by_staff');
    for (const secret of [REASON, REQUESTER.email, REQUESTER.name]) expect(logged).not.toContain(secret);
  });
});
