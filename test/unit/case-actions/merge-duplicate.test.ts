import { describe, expect, it } from 'vitest';
import {
  ClosureReasonInvalidError,
  MergeIntoSelfError,
  MergeTargetAnsweredError,
  MergeTargetMergedError,
  MergeWouldLoseRightsError,
  OtherClosureLetterSentError,
  SamePersonNotConfirmedError,
} from '../../../functions/domain/case-actions/case-action-errors.js';
import { CASE_CLOSED_BY_STAFF } from '../../../functions/domain/case-actions/stop-waiting-workflow.js';
import { mergeDuplicate } from '../../../functions/domain/case-actions/merge-duplicate.js';
import { InvalidTransitionError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';
import { caseActionsWith } from './case-actions-fixture.js';

const DUPLICATE = 'NK-20261125-DUPL1CAT';
const TARGET = 'NK-20261120-0R1G1NAM';
const REASON = 'Samme innsynskrav sendt på e-post etter skjemaet.';
const TOKEN = 'task-token-await-verification';
const input = { requestId: DUPLICATE, intoId: TARGET, actor: 'staff:anne', reason: REASON };
const OTHER_PERSON = { name: 'Kari N.', email: 'kari.privat@example.no' };

/** Received 20 November 2026: first-month due date 21 December 2026. */
const RECEIVED_20_NOV = { receivedAt: '2026-11-20T09:00:00.000+01:00', receiptDate: '2026-11-20', dueDate: '2026-12-21' };
/** Received 25 November 2026. */
const RECEIVED_25_NOV = { receivedAt: '2026-11-25T09:00:00.000+01:00', receiptDate: '2026-11-25', dueDate: '2026-12-28' };
const target = (overrides: Partial<RightsRequest> = {}): Partial<RightsRequest> => ({
  id: TARGET,
  status: 'awaiting_approval',
  planKey: `plans/${TARGET}.json`,
  types: ['access'],
  ...RECEIVED_20_NOV,
  ...overrides,
});
const duplicate = (overrides: Partial<RightsRequest> = {}): Partial<RightsRequest> => ({
  id: DUPLICATE,
  status: 'awaiting_verification',
  types: ['access'],
  ...RECEIVED_25_NOV,
  ...overrides,
});
const mergedInEntries = async (store: { auditTrail(id: string): Promise<{ event: string }[]> }) =>
  (await store.auditTrail(TARGET)).filter((entry) => entry.event === 'case.merged_in');

describe('mergeDuplicate', () => {
  it('closes the duplicate as merged, ends its workflow step and records the merge on the target', async () => {
    // Prepare
    const { deps, store, callbacks, at } = caseActionsWith([duplicate(), TOKEN], [target({ version: 5 })]);
    // Act
    const result = await mergeDuplicate(deps, input);
    // Assess
    expect(result).toEqual({ alreadyClosed: false, workflowStopped: true });
    const closed = await store.get(DUPLICATE);
    expect(closed?.status).toBe('closed');
    expect(closed?.closure).toEqual({ kind: 'merged', reason: REASON, by: 'staff:anne', at, mergedInto: TARGET });
    expect(callbacks.failed).toEqual([{ taskToken: TOKEN, error: CASE_CLOSED_BY_STAFF, cause: 'closed by staff' }]);
    expect((await store.auditTrail(DUPLICATE)).at(-1)).toMatchObject({
      event: 'case.closed_by_staff',
      fromStatus: 'awaiting_verification',
      toStatus: 'closed',
      detail: { kind: 'merged', mergedInto: TARGET },
    });
    expect(await store.auditTrail(TARGET)).toEqual([
      {
        requestId: TARGET,
        at,
        event: 'case.merged_in',
        actor: 'staff:anne',
        reason: REASON,
        detail: { from: DUPLICATE, requesterMatch: 'same_requester' },
      },
    ]);
    expect(await store.get(TARGET)).toMatchObject({ status: 'awaiting_approval', types: ['access'], ...RECEIVED_20_NOV });
  });

  it('tells the duplicate’s requester which reference, address and due date the answer comes under', async () => {
    const { deps, mailer } = caseActionsWith(
      [duplicate({ requester: { ...REQUESTER, email: 'Kari.Nordmann@Example.NO' } })],
      [target()],
    );

    await mergeDuplicate(deps, input);

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ purpose: 'closure-merged', requestId: DUPLICATE, to: 'Kari.Nordmann@Example.NO' });
    expect(mailer.sent[0]!.text).toContain(`Vi sender svaret på e-post til ${REQUESTER.email} senest 21. desember 2026. Bruk referanse ${TARGET}`);
    expect(mailer.sent[0]!.text).toContain(`har avsluttet referanse ${DUPLICATE}`);
  });

  describe('requesters', () => {
    it('refuses two different e-mail addresses unless staff confirm the same person, changing nothing', async () => {
      const { deps, store, mailer } = caseActionsWith([duplicate({ requester: OTHER_PERSON })], [target()]);
      const before = await store.get(TARGET);

      await expect(mergeDuplicate(deps, input)).rejects.toThrow(SamePersonNotConfirmedError);
      await expect(mergeDuplicate(deps, { ...input, samePersonConfirmed: false })).rejects.toThrow(SamePersonNotConfirmedError);

      expect(mailer.attempts).toEqual([]);
      expect(await store.get(TARGET)).toEqual(before);
      expect((await store.get(DUPLICATE))?.status).toBe('awaiting_verification');
    });

    it('refuses one e-mail address verified as two different customers unless staff confirm', async () => {
      const { deps } = caseActionsWith([duplicate({ customerIds: ['C-1'] })], [target({ customerIds: ['C-2'] })]);

      await expect(mergeDuplicate(deps, input)).rejects.toThrow(SamePersonNotConfirmedError);
    });

    it('merges different requesters staff confirmed as one person, recording who confirmed it, and says where the answer goes', async () => {
      const { deps, store, mailer } = caseActionsWith([duplicate({ requester: OTHER_PERSON })], [target()]);

      await mergeDuplicate(deps, { ...input, samePersonConfirmed: true });

      expect(await mergedInEntries(store)).toEqual([
        expect.objectContaining({
          actor: 'staff:anne',
          detail: { from: DUPLICATE, requesterMatch: 'confirmed_by_staff', samePersonConfirmedBy: 'staff:anne' },
        }),
      ]);
      expect(mailer.sent[0]!.to).toBe(OTHER_PERSON.email);
      expect(mailer.sent[0]!.text).toContain(TARGET);
      expect(mailer.sent[0]!.text).toContain(`til ${REQUESTER.email}`);
    });
  });

  describe('rights', () => {
    it('gives the target every right of both when its plan is not made yet', async () => {
      const { deps, store } = caseActionsWith(
        [duplicate({ types: ['erasure', 'access'] })],
        [target({ status: 'awaiting_verification', planKey: undefined, types: ['access', 'objection'] })],
      );

      await mergeDuplicate(deps, input);

      expect((await store.get(TARGET))?.types).toEqual(['access', 'erasure', 'objection']);
      expect((await mergedInEntries(store))[0]).toMatchObject({ detail: { addedTypes: ['erasure'] } });
    });

    it.each([
      ['awaiting_approval', `plans/${TARGET}.json`],
      ['gathering', undefined],
      ['carrying_out', `plans/${TARGET}.json`],
      ['needs_attention', `plans/${TARGET}.json`],
    ] as const)('refuses to add a right to a target in status %s, past planning, naming the right and changing nothing', async (status, planKey) => {
      const { deps, store, mailer } = caseActionsWith([duplicate({ types: ['access', 'erasure'] })], [target({ status, planKey })]);
      const before = await store.get(TARGET);

      const error = await mergeDuplicate(deps, input).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(MergeWouldLoseRightsError);
      expect((error as MergeWouldLoseRightsError).missingTypes).toEqual(['erasure']);
      expect(await store.get(TARGET)).toEqual(before);
      expect((await store.get(DUPLICATE))?.status).toBe('awaiting_verification');
      expect(mailer.attempts).toEqual([]);
    });

    it('merges into a target past planning when it already has every right of the duplicate', async () => {
      const { deps, store } = caseActionsWith([duplicate({ types: ['access'] })], [target({ types: ['access', 'erasure'] })]);

      await mergeDuplicate(deps, input);

      expect((await store.get(DUPLICATE))?.closure?.mergedInto).toBe(TARGET);
      expect((await store.get(TARGET))?.types).toEqual(['access', 'erasure']);
    });

    it.each(['replied', 'closed', 'rejected', 'unverified'] as const)('refuses a target in status %s, which answers nothing more', async (status) => {
      const { deps, store, mailer } = caseActionsWith([duplicate({ status: 'needs_attention' })], [target({ status })]);

      await expect(mergeDuplicate(deps, input)).rejects.toThrow(MergeTargetAnsweredError);

      expect(mailer.attempts).toEqual([]);
      expect((await store.get(DUPLICATE))?.status).toBe('needs_attention');
    });
  });

  describe('deadline', () => {
    it('moves the target to the earlier receipt of the duplicate and its earlier due date', async () => {
      const { deps, store, mailer } = caseActionsWith(
        [duplicate({ receivedAt: '2026-11-10T23:30:00.000+01:00', receiptDate: '2026-11-10', dueDate: '2026-12-10' })],
        [target()],
      );

      await mergeDuplicate(deps, input);

      expect(await store.get(TARGET)).toMatchObject({
        receivedAt: '2026-11-10T23:30:00.000+01:00',
        receiptDate: '2026-11-10',
        dueDate: '2026-12-10',
        extended: false,
      });
      expect((await mergedInEntries(store))[0]).toMatchObject({
        detail: { receivedAt: { from: RECEIVED_20_NOV.receivedAt, to: '2026-11-10T23:30:00.000+01:00' }, dueDate: { from: '2026-12-21', to: '2026-12-10' } },
      });
      expect(mailer.sent[0]!.text).toContain('senest 10. desember 2026');
    });

    it('keeps the target’s receipt and deadline when it was received first', async () => {
      const { deps, store } = caseActionsWith([duplicate()], [target()]);

      await mergeDuplicate(deps, input);

      expect(await store.get(TARGET)).toMatchObject(RECEIVED_20_NOV);
    });

    const EXTENSION = { reason: 'Mange henvendelser', by: 'staff:bjorn', at: '2026-11-25T10:00:00.000Z', originalDueDate: '2026-12-21' };

    it('keeps an extension made within the first month of the earliest receipt, counted from that receipt', async () => {
      const { deps, store } = caseActionsWith(
        [duplicate({ receivedAt: '2026-11-10T10:00:00.000+01:00', receiptDate: '2026-11-10', dueDate: '2026-12-10' })],
        [target({ extended: true, dueDate: '2027-02-22', extension: EXTENSION })],
      );

      await mergeDuplicate(deps, input);

      expect(await store.get(TARGET)).toMatchObject({
        receiptDate: '2026-11-10',
        extended: true,
        dueDate: '2027-02-10',
        extension: { ...EXTENSION, originalDueDate: '2026-12-10' },
      });
    });

    it('drops an extension made after the first month of the earliest receipt', async () => {
      const { deps, store } = caseActionsWith(
        [duplicate({ receivedAt: '2026-10-01T10:00:00.000+02:00', receiptDate: '2026-10-01', dueDate: '2026-11-02', status: 'on_hold' })],
        [target({ extended: true, dueDate: '2027-02-22', extension: EXTENSION })],
      );

      await mergeDuplicate(deps, input);

      const merged = await store.get(TARGET);
      expect(merged).toMatchObject({ receiptDate: '2026-10-01', extended: false, dueDate: '2026-11-02' });
      expect(merged?.extension).toBeUndefined();
      expect((await mergedInEntries(store))[0]).toMatchObject({ detail: { extensionDropped: { at: EXTENSION.at } } });
    });

    it('takes over the duplicate’s valid extension when the duplicate was received first', async () => {
      const early = { receivedAt: '2026-11-10T10:00:00.000+01:00', receiptDate: '2026-11-10' };
      const extension = { ...EXTENSION, at: '2026-12-01T10:00:00.000Z', originalDueDate: '2026-12-10' };
      const { deps, store } = caseActionsWith(
        [duplicate({ ...early, extended: true, dueDate: '2027-02-10', extension, status: 'awaiting_approval', types: ['access'] })],
        [target()],
      );

      await mergeDuplicate(deps, input);

      expect(await store.get(TARGET)).toMatchObject({ ...early, extended: true, dueDate: '2027-02-10', extension });
    });
  });

  it('refuses a target that was itself merged away', async () => {
    const { deps, mailer } = caseActionsWith(
      [duplicate()],
      [
        target({
          status: 'closed',
          closure: { kind: 'merged', reason: 'duplikat', by: 'staff:bjorn', at: '2026-11-21T10:00:00.000Z', mergedInto: 'NK-20261101-FIRST000' },
        }),
      ],
    );

    await expect(mergeDuplicate(deps, input)).rejects.toThrow(MergeTargetMergedError);
    expect(mailer.attempts).toEqual([]);
  });

  it('refuses a merge into itself, an unknown request and an empty reason', async () => {
    const { deps, mailer } = caseActionsWith([duplicate()], [target()]);

    await expect(mergeDuplicate(deps, { ...input, intoId: DUPLICATE })).rejects.toThrow(MergeIntoSelfError);
    await expect(mergeDuplicate(deps, { ...input, intoId: 'NK-20261101-NOSUCH00' })).rejects.toThrow(RequestNotFoundError);
    await expect(mergeDuplicate(deps, { ...input, requestId: 'NK-20261101-NOSUCH00' })).rejects.toThrow(RequestNotFoundError);
    await expect(mergeDuplicate(deps, { ...input, reason: '  ' })).rejects.toThrow(ClosureReasonInvalidError);
    expect(mailer.attempts).toEqual([]);
  });

  it.each(['received', 'gathering', 'carrying_out', 'replied', 'rejected', 'unverified'] as const)(
    'refuses a duplicate in status %s, sends nothing and leaves the target as it was',
    async (status) => {
      const { deps, store, mailer } = caseActionsWith([duplicate({ status })], [target()]);
      const before = await store.get(TARGET);

      await expect(mergeDuplicate(deps, input)).rejects.toThrow(InvalidTransitionError);
      expect(mailer.attempts).toEqual([]);
      expect(await store.auditTrail(TARGET)).toEqual([]);
      expect(await store.get(TARGET)).toEqual(before);
    },
  );

  it('refuses to merge a case already refused as manifestly unfounded', async () => {
    const { deps, mailer, store } = caseActionsWith(
      [duplicate({ status: 'awaiting_approval', mailsSent: { 'closure-manifestly-unfounded': { messageId: 'm-1', sentAt: '2026-11-24T07:00:00.000Z' } } })],
      [target()],
    );

    await expect(mergeDuplicate(deps, input)).rejects.toThrow(OtherClosureLetterSentError);
    expect(mailer.attempts).toEqual([]);
    expect(await store.auditTrail(TARGET)).toEqual([]);
  });

  it('loses nothing when the letter cannot be sent: the duplicate stays open and waiting, the target already covers it, a retry completes', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith(
      [duplicate({ types: ['erasure'] }), TOKEN],
      [target({ status: 'awaiting_verification', planKey: undefined })],
    );
    mailer.failWith(new Error('SES down'), 1);

    await expect(mergeDuplicate(deps, input)).rejects.toThrow('SES down');

    expect((await store.get(DUPLICATE))?.status).toBe('awaiting_verification');
    expect(callbacks.failed).toEqual([]);
    expect((await store.get(TARGET))?.types).toEqual(['access', 'erasure']);

    await mergeDuplicate(deps, input);
    expect((await store.get(DUPLICATE))?.status).toBe('closed');
    expect(await mergedInEntries(store)).toHaveLength(1);
  });

  it('completes an interrupted merge on retry with one letter and one case.merged_in', async () => {
    const { deps, store, mailer, callbacks } = caseActionsWith([duplicate(), TOKEN], [target()]);
    callbacks.failWith(new Error('network'), 1);
    await expect(mergeDuplicate(deps, input)).rejects.toThrow('network');

    const retry = await mergeDuplicate(deps, input);
    const again = await mergeDuplicate(deps, input);

    expect(retry).toEqual({ alreadyClosed: true, workflowStopped: false });
    expect(again).toEqual({ alreadyClosed: true, workflowStopped: false });
    expect(mailer.attempts).toHaveLength(1);
    expect((await store.auditTrail(TARGET)).map((entry) => entry.event)).toEqual(['case.merged_in']);
  });

  it('keeps both requesters and the reason out of the log', async () => {
    const { deps, log } = caseActionsWith([duplicate({ requester: OTHER_PERSON })], [target()]);

    await mergeDuplicate(deps, { ...input, samePersonConfirmed: true });

    const logged = log.lines.join('\n');
    expect(log.events()).toContain('case.merged');
    for (const secret of [REASON, REQUESTER.email, OTHER_PERSON.email, OTHER_PERSON.name]) expect(logged).not.toContain(secret);
  });
});
