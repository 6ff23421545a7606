import { describe, expect, it } from 'vitest';
import { RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { acknowledgeRequest } from '../../../functions/domain/workflow/acknowledge-request.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from './workflow-fixture.js';

describe('acknowledgeRequest', () => {
  it('returns acknowledged after mailing the reference and the formatted due date to the requester', async () => {
    // Prepare
    const { deps, mailer } = workflowWith({ language: 'nb', dueDate: '2026-12-23' });
    // Act
    const result = await acknowledgeRequest(deps, REQUEST_ID);
    // Assess
    expect(result).toEqual({ acknowledged: true, marketingStop: false, processingObjection: false });
    expect(mailer.sent).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail).toMatchObject({ to: REQUESTER.email, purpose: 'acknowledgement', requestId: REQUEST_ID });
    expect(mail?.subject).toContain(REQUEST_ID);
    expect(mail?.text).toContain(REQUEST_ID);
    expect(mail?.text).toContain('23. desember 2026');
  });

  it('returns after mailing in English when the request is in English', async () => {
    const { deps, mailer } = workflowWith({ language: 'en', dueDate: '2027-01-04' });

    await acknowledgeRequest(deps, REQUEST_ID);

    expect(mailer.sent[0]?.text).toContain('4 January 2027');
    expect(mailer.sent[0]?.subject).toMatch(/^We have received your request/);
  });

  it('returns after recording the sent mail on the request and in the audit trail', async () => {
    const { deps, store, at } = workflowWith();

    await acknowledgeRequest(deps, REQUEST_ID);

    const stored = await store.get(REQUEST_ID);
    expect(stored?.mailsSent).toEqual({ acknowledgement: { messageId: 'fake-message-1', sentAt: at } });
    expect(stored?.version).toBe(1);
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      {
        requestId: REQUEST_ID,
        at,
        event: 'mail.sent',
        actor: 'system:acknowledge',
        detail: { purpose: 'acknowledgement', messageId: 'fake-message-1' },
      },
    ]);
  });

  it('returns without sending anything when called a second time', async () => {
    const { deps, store, mailer } = workflowWith();
    await acknowledgeRequest(deps, REQUEST_ID);

    const again = await acknowledgeRequest(deps, REQUEST_ID);

    expect(again).toEqual({ acknowledged: true, marketingStop: false, processingObjection: false });
    expect(mailer.attempts).toHaveLength(1);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
  });

  it('throws the mailer error and records nothing, so a retry sends the mail, when sending fails', async () => {
    const { deps, store, mailer } = workflowWith();
    mailer.failWith(Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }), 1);

    await expect(acknowledgeRequest(deps, REQUEST_ID)).rejects.toThrow('throttled');
    const afterFailure = await store.get(REQUEST_ID);
    await acknowledgeRequest(deps, REQUEST_ID);

    expect(afterFailure?.mailsSent).toEqual({});
    expect(mailer.sent).toHaveLength(1);
  });

  it('returns after logging mail.sent without the address or name', async () => {
    const { deps, log } = workflowWith();

    await acknowledgeRequest(deps, REQUEST_ID);

    expect(log.events()).toContain('mail.sent');
    expect(log.lines.join('\n')).not.toContain(REQUESTER.email);
    expect(log.lines.join('\n')).not.toContain(REQUESTER.name);
  });

  it('throws RequestNotFoundError and sends nothing when the request does not exist', async () => {
    const { deps, mailer } = workflowWith();

    await expect(acknowledgeRequest(deps, 'NK-20261123-ZZZZZZZZ')).rejects.toBeInstanceOf(RequestNotFoundError);
    expect(mailer.attempts).toEqual([]);
  });

  it.each([
    [['objection'], true, false],
    [['consent_withdrawal', 'access'], true, false],
    [['processing_objection'], false, true],
    [['objection', 'processing_objection'], true, true],
    [['erasure'], false, false],
  ] as const)('tells the workflow the route of %j: marketing stop %s, Art. 21(1) assessment %s', async (types, marketingStop, processingObjection) => {
    const { deps } = workflowWith({ types: [...types] });
    expect(await acknowledgeRequest(deps, REQUEST_ID)).toEqual({ acknowledged: true, marketingStop, processingObjection });
  });

  it('sends no receipt for a request that only stops marketing: the confirmation to the registered contact is the answer', async () => {
    const { deps, mailer, store } = workflowWith({ types: ['objection'] });
    await acknowledgeRequest(deps, REQUEST_ID);
    expect(mailer.sent).toEqual([]);
    expect((await store.get(REQUEST_ID))?.mailsSent).toEqual({});

    const split = workflowWith({ types: ['objection', 'access'] });
    await acknowledgeRequest(split.deps, REQUEST_ID);
    expect(split.mailer.sent).toHaveLength(1);
  });
});
