import { describe, expect, it } from 'vitest';
import {
  ClosureReasonInvalidError,
  MergeIntoSelfError,
  MergeTargetMergedError,
  OtherClosureLetterSentError,
} from '../../../functions/domain/case-actions/case-action-errors.js';
import { CASE_CLOSED_BY_STAFF } from '../../../functions/domain/case-actions/case-closed-by-staff.js';
import { mergeDuplicate } from '../../../functions/domain/case-actions/merge-duplicate.js';
import { InvalidTransitionError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';
import { caseActionsWith } from './case-actions-fixture.js';

const DUPLICATE = 'NK-20261125-DUPL1CAT';
const TARGET = 'NK-20261120-0R1G1NAM';
const REASON = 'Samme innsynskrav sendt på e-post etter skjemaet.';
const TOKEN = 'task-token-await-verification';
const input = { requestId: DUPLICATE, intoId: TARGET, actor: 'staff:anne', reason: REASON };
const OTHER_PERSON = { name: 'Ola Nordmann', email: 'ola@example.no' };

describe('mergeDuplicate', () => {
  it('closes the duplicate as merged, ends its workflow step and notes the merge on the target', async () => {
    // Prepare
    const { deps, store, callbacks, at } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification' }, TOKEN],
      [{ id: TARGET, status: 'awaiting_approval', version: 5 }],
    );
    // Act
    const result = await mergeDuplicate(deps, input);
    // Assess
    expect(result).toEqual({ alreadyClosed: false, workflowStopped: true });
    const duplicate = await store.get(DUPLICATE);
    expect(duplicate?.status).toBe('closed');
    expect(duplicate?.closure).toEqual({ kind: 'merged', reason: REASON, by: 'staff:anne', at, mergedInto: TARGET });
    expect(callbacks.failed).toEqual([{ taskToken: TOKEN, error: CASE_CLOSED_BY_STAFF, cause: 'closed by staff' }]);
    expect((await store.auditTrail(DUPLICATE)).at(-1)).toMatchObject({
      event: 'case.closed_by_staff',
      fromStatus: 'awaiting_verification',
      toStatus: 'closed',
      detail: { kind: 'merged', mergedInto: TARGET },
    });
    expect(await store.auditTrail(TARGET)).toEqual([
      { requestId: TARGET, at, event: 'case.merged_in', actor: 'staff:anne', reason: REASON, detail: { from: DUPLICATE } },
    ]);
    expect(await store.get(TARGET)).toMatchObject({ status: 'awaiting_approval', version: 5 });
  });

  it('names the target reference to a requester with the same e-mail in another case', async () => {
    const { deps, mailer } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification', requester: { ...REQUESTER, email: 'Kari.Nordmann@Example.NO' } }],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );

    await mergeDuplicate(deps, input);

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ purpose: 'closure-merged', requestId: DUPLICATE });
    expect(mailer.sent[0]!.text).toContain(TARGET);
    expect(mailer.sent[0]!.text).toContain(DUPLICATE);
  });

  it('does not name the target to a requester with another e-mail, nor anything of the other person', async () => {
    const { deps, mailer } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification', requester: OTHER_PERSON }],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );

    await mergeDuplicate(deps, input);

    const letter = `${mailer.sent[0]!.subject}\n${mailer.sent[0]!.text}`;
    expect(mailer.sent[0]!.to).toBe(OTHER_PERSON.email);
    expect(letter).toContain(DUPLICATE);
    for (const secret of [TARGET, REQUESTER.email, REQUESTER.name]) expect(letter).not.toContain(secret);
  });

  it('keeps the merge reason, which is internal, out of the letter', async () => {
    const { deps, mailer } = caseActionsWith([{ id: DUPLICATE, status: 'on_hold' }], [{ id: TARGET, status: 'awaiting_approval' }]);

    await mergeDuplicate(deps, input);

    expect(mailer.sent[0]!.text).not.toContain(REASON);
  });

  it('merges into a target that is already answered and closed', async () => {
    const { deps, store } = caseActionsWith([{ id: DUPLICATE, status: 'needs_attention' }], [{ id: TARGET, status: 'closed' }]);

    await mergeDuplicate(deps, input);

    expect((await store.get(DUPLICATE))?.closure?.mergedInto).toBe(TARGET);
  });

  it('refuses a target that was itself merged away', async () => {
    const { deps, mailer } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification' }],
      [
        {
          id: TARGET,
          status: 'closed',
          closure: {
            kind: 'merged',
            reason: 'duplikat',
            by: 'staff:bjorn',
            at: '2026-11-21T10:00:00.000Z',
            mergedInto: 'NK-20261101-FIRST000',
          },
        },
      ],
    );

    await expect(mergeDuplicate(deps, input)).rejects.toThrow(MergeTargetMergedError);
    expect(mailer.attempts).toEqual([]);
  });

  it('refuses a merge into itself, an unknown request and an empty reason', async () => {
    const { deps, mailer } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification' }],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );

    await expect(mergeDuplicate(deps, { ...input, intoId: DUPLICATE })).rejects.toThrow(MergeIntoSelfError);
    await expect(mergeDuplicate(deps, { ...input, intoId: 'NK-20261101-NOSUCH00' })).rejects.toThrow(RequestNotFoundError);
    await expect(mergeDuplicate(deps, { ...input, requestId: 'NK-20261101-NOSUCH00' })).rejects.toThrow(RequestNotFoundError);
    await expect(mergeDuplicate(deps, { ...input, reason: '  ' })).rejects.toThrow(ClosureReasonInvalidError);
    expect(mailer.attempts).toEqual([]);
  });

  it.each(['received', 'gathering', 'carrying_out', 'replied', 'rejected', 'unverified'] as const)(
    'refuses a duplicate in status %s and sends nothing',
    async (status) => {
      const { deps, store, mailer } = caseActionsWith([{ id: DUPLICATE, status }], [{ id: TARGET, status: 'awaiting_approval' }]);

      await expect(mergeDuplicate(deps, input)).rejects.toThrow(InvalidTransitionError);
      expect(mailer.attempts).toEqual([]);
      expect(await store.auditTrail(TARGET)).toEqual([]);
    },
  );

  it('refuses to merge a case already refused as manifestly unfounded', async () => {
    const { deps, mailer } = caseActionsWith(
      [
        {
          id: DUPLICATE,
          status: 'awaiting_approval',
          mailsSent: { 'closure-manifestly-unfounded': { messageId: 'm-1', sentAt: '2026-11-24T07:00:00.000Z' } },
        },
      ],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );

    await expect(mergeDuplicate(deps, input)).rejects.toThrow(OtherClosureLetterSentError);
    expect(mailer.attempts).toEqual([]);
  });

  it('leaves both cases as they were when the letter cannot be sent', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification' }, TOKEN],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );
    mailer.failWith(new Error('SES down'));

    await expect(mergeDuplicate(deps, input)).rejects.toThrow('SES down');

    expect((await store.get(DUPLICATE))?.status).toBe('awaiting_verification');
    expect(await store.auditTrail(TARGET)).toEqual([]);
    expect(callbacks.failed).toEqual([]);
  });

  it('completes an interrupted merge on retry with one letter and one case.merged_in', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification' }, TOKEN],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );
    callbacks.failWith(new Error('network'), 1);
    await expect(mergeDuplicate(deps, input)).rejects.toThrow('network');
    expect(await store.auditTrail(TARGET)).toEqual([]);

    const retry = await mergeDuplicate(deps, input);
    const again = await mergeDuplicate(deps, input);

    expect(retry).toEqual({ alreadyClosed: true, workflowStopped: false });
    expect(again).toEqual({ alreadyClosed: true, workflowStopped: false });
    expect(mailer.attempts).toHaveLength(1);
    expect((await store.auditTrail(TARGET)).map((entry) => entry.event)).toEqual(['case.merged_in']);
  });

  it('keeps both requesters and the reason out of the log', async () => {
    const { deps, log } = caseActionsWith(
      [{ id: DUPLICATE, status: 'awaiting_verification', requester: OTHER_PERSON }],
      [{ id: TARGET, status: 'awaiting_approval' }],
    );

    await mergeDuplicate(deps, input);

    const logged = log.lines.join('\n');
    expect(log.events()).toContain('case.merged');
    for (const secret of [REASON, REQUESTER.email, OTHER_PERSON.email, OTHER_PERSON.name]) expect(logged).not.toContain(secret);
  });
});
