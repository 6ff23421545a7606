import { describe, expect, it } from 'vitest';
import {
  AlreadyExtendedError,
  ExtensionReasonRequiredError,
  ExtensionTooLateError,
  extendDeadline,
} from '../../../functions/domain/workflow/extend-deadline.js';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

// Received 2026-11-23 in Oslo: due Wed 2026-12-23; extended: 2027-02-23, a Tuesday, no holiday.
const received = { receivedAt: '2026-11-23T14:05:00+01:00', receiptDate: '2026-11-23', dueDate: '2026-12-23' };
const REASON = 'Vi må hente dørlogger fra adgangssystemet for seks år.';

describe('extendDeadline', () => {
  it('moves the due date to three months from receipt and mails the reason first', async () => {
    const { deps, store, mailer } = workflowWith({ ...received, status: 'awaiting_approval' });

    const result = await extendDeadline(deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: REASON, today: '2026-12-01' });

    expect(result).toEqual({ dueDate: '2027-02-23' });
    const stored = await store.get(REQUEST_ID);
    expect(stored).toMatchObject({ extended: true, dueDate: '2027-02-23', status: 'awaiting_approval' });
    expect(stored?.extension).toMatchObject({ reason: REASON, by: 'staff:anne', originalDueDate: '2026-12-23' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain(REASON);
    expect(mailer.sent[0]!.text).toContain('23. februar 2027');
    expect(stored?.mailsSent['extension-notice']).toBeDefined();
    const audit = await store.auditTrail(REQUEST_ID);
    expect(audit.at(-1)).toMatchObject({ event: 'deadline.extended', actor: 'staff:anne', detail: { from: '2026-12-23', to: '2027-02-23' } });
  });

  it('allows the extension on the last day of the first month', async () => {
    const { deps } = workflowWith({ ...received, status: 'awaiting_approval' });

    await expect(
      extendDeadline(deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: REASON, today: '2026-12-23' }),
    ).resolves.toEqual({ dueDate: '2027-02-23' });
  });

  it('refuses after the first-month deadline and sends nothing', async () => {
    const { deps, mailer, store } = workflowWith({ ...received, status: 'awaiting_approval' });

    await expect(
      extendDeadline(deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: REASON, today: '2026-12-24' }),
    ).rejects.toThrow(ExtensionTooLateError);
    expect(mailer.attempts).toEqual([]);
    expect((await store.get(REQUEST_ID))?.extended).toBe(false);
  });

  it('refuses a second extension and an empty reason', async () => {
    const extended = workflowWith({ ...received, status: 'awaiting_approval', extended: true, dueDate: '2027-02-23' });
    const fresh = workflowWith({ ...received, status: 'awaiting_approval' });

    await expect(
      extendDeadline(extended.deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: REASON, today: '2026-12-01' }),
    ).rejects.toThrow(AlreadyExtendedError);
    await expect(
      extendDeadline(fresh.deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: '   ', today: '2026-12-01' }),
    ).rejects.toThrow(ExtensionReasonRequiredError);
  });

  it('refuses a request that is already answered', async () => {
    const { deps } = workflowWith({ ...received, status: 'closed' });

    await expect(
      extendDeadline(deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: REASON, today: '2026-12-01' }),
    ).rejects.toThrow(InvalidTransitionError);
  });

  it('records no extension when the notice cannot be sent', async () => {
    const { deps, mailer, store } = workflowWith({ ...received, status: 'awaiting_approval' });
    mailer.failWith(new Error('SES down'));

    await expect(
      extendDeadline(deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: REASON, today: '2026-12-01' }),
    ).rejects.toThrow('SES down');
    expect((await store.get(REQUEST_ID))?.dueDate).toBe('2026-12-23');
  });

  it('writes the notice in English for an English request', async () => {
    const { deps, mailer } = workflowWith({ ...received, status: 'awaiting_approval', language: 'en' });

    await extendDeadline(deps, { requestId: REQUEST_ID, actor: 'staff:anne', reason: 'We need six years of door logs.', today: '2026-12-01' });

    expect(mailer.sent[0]!.subject).toContain('We need more time');
    expect(mailer.sent[0]!.text).toContain('23 February 2027');
  });
});
