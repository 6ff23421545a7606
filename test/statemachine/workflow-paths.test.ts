import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARKETING_STOP_TYPES, REQUEST_TYPES } from '../../functions/domain/request/request-vocabulary.js';
import { OBJECT_KEYS } from '../../functions/domain/storage/object-store.js';
import { TaskTimedOutError } from '../../infra/local/step-functions/api-errors.js';
import {
  AlreadyVerifiedError,
  createFakeWorkflow,
  DAY_MS,
  DECISION_TIMEOUT_MS,
  DecisionAlreadyRecordedError,
  GATHER,
  INSTANT_RETRIES,
  INTAKE,
  RequestNotFoundError,
  stopFakeWorkflows,
  TransientError,
  VERIFICATION_AFTER_REMINDER_TIMEOUT_MS,
  VERIFICATION_TIMEOUT_MS,
  type AwaitTokenEvent,
  type FakeWorkflow,
  type FlagEvent,
  type FunctionFolder,
} from './fake-workflow.js';

/**
 * The real ASL, run through the local executor with recording fake handlers. Histories list every
 * state entered, in order; a Parallel's branch states follow it (all three branches start before
 * any finishes, in declaration order). A retry does not re-enter a state.
 */

/** After verification: gather, plan, and wait for the staff decision. */
const TO_DECISION = [...GATHER, 'PlanRequest', 'AssessesObjection', 'AwaitDecision'] as const;
const APPROVED_TAIL = ['DecisionOutcome', 'CarryOut', 'NotifyRecipients', 'SendReply', 'CloseRequest', 'Closed'] as const;
const REFUSED_TAIL = ['DecisionOutcome', 'SendRefusal', 'LiftsRestriction', 'CloseRequest', 'Closed'] as const;
const FLAGGED = ['FlagNeedsAttention', 'NeedsAttention'] as const;
/** What Acknowledge tells the workflow about a request that is neither a marketing stop nor an Art. 21(1) objection. */
const ROUTE_NORMAL = { marketingStop: false, processingObjection: false } as const;

const APPROVED_PATH = [...INTAKE, 'AwaitVerification', ...TO_DECISION, ...APPROVED_TAIL];

/** A failure no Retry block matches: the task fails once and is caught. */
function permanentError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function flagOf(workflow: FakeWorkflow): FlagEvent {
  const flags = workflow.calls['flag-needs-attention'] as FlagEvent[];
  expect(flags).toHaveLength(1);
  return flags[0] as FlagEvent;
}

function output(result: { output?: string }): unknown {
  return JSON.parse(result.output ?? 'null');
}

function notCalled(workflow: FakeWorkflow, ...folders: FunctionFolder[]): void {
  for (const folder of folders) expect(workflow.calls[folder], folder).toEqual([]);
}

afterEach(() => {
  stopFakeWorkflows();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The types that take the normal path alone (not a marketing stop, not an Art. 21(1) objection). */
const NORMAL_PATH_TYPES = REQUEST_TYPES.filter((type) => !MARKETING_STOP_TYPES.includes(type) && type !== 'processing_objection');

describe('approve and refuse', () => {
  it.each(NORMAL_PATH_TYPES)(
    'approved %s request: verified, gathered, planned, decided, carried out, recipients notified, replied, closed',
    async (type) => {
      const requestId = `REQ-${type}`;
      const workflow = createFakeWorkflow({ requests: { [requestId]: { type } } });
      const arn = workflow.start(requestId);
      await workflow.verify();
      await workflow.decide('approved');
      const result = await workflow.executor.waitForCompletion(arn);

      expect(result.status).toBe('SUCCEEDED');
      expect(workflow.executor.stateHistory(arn)).toEqual([
        'Acknowledge',
        'StopsMarketing',
        'StartVerification',
        'IsAlreadyVerified',
        'AwaitVerification',
        'Gather',
        'GatherSubscriptions',
        'GatherBilling',
        'GatherAccessLog',
        'PlanRequest',
        'AssessesObjection',
        'AwaitDecision',
        'DecisionOutcome',
        'CarryOut',
        'NotifyRecipients',
        'SendReply',
        'CloseRequest',
        'Closed',
      ]);
      for (const folder of [
        'acknowledge',
        'start-verification',
        'gather-subscriptions',
        'gather-billing',
        'gather-access-log',
        'plan-request',
        'carry-out',
        'notify-recipients',
        'close-request',
      ] as const) {
        expect(workflow.calls[folder], folder).toEqual([{ requestId }]);
      }
      expect(workflow.calls['send-reply']).toEqual([{ requestId, outcome: 'approved' }]);
      expect(workflow.calls['await-verification']).toHaveLength(1);
      expect(workflow.calls['await-decision']).toHaveLength(1);
      notCalled(workflow, 'send-verification-reminder', 'close-unverified', 'read-decision', 'flag-needs-attention');
      // The ASL never carries the type: the functions look it up by id (here, the fakes do).
      expect(workflow.world.actions).toEqual([{ requestId, type, action: 'done' }]);
      expect(output(result)).toEqual({
        requestId,
        route: ROUTE_NORMAL,
        verification: { alreadyVerified: false },
        decision: { outcome: 'approved' },
      });
    },
  );

  it('refused: sends the refusal, carries nothing out, closes', async () => {
    const workflow = createFakeWorkflow({ requests: { 'REQ-2': { type: 'erasure' } } });
    const arn = workflow.start('REQ-2');
    await workflow.verify();
    await workflow.decide('rejected');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'Gather',
      'GatherSubscriptions',
      'GatherBilling',
      'GatherAccessLog',
      'PlanRequest',
      'AssessesObjection',
      'AwaitDecision',
      'DecisionOutcome',
      'SendRefusal',
      'LiftsRestriction',
      'CloseRequest',
      'Closed',
    ]);
    expect(workflow.calls['send-reply']).toEqual([{ requestId: 'REQ-2', outcome: 'rejected' }]);
    expect(workflow.calls['close-request']).toEqual([{ requestId: 'REQ-2' }]);
    notCalled(workflow, 'carry-out', 'notify-recipients', 'flag-needs-attention');
    expect(workflow.world.actions).toEqual([]);
    expect(output(result)).toEqual({
      requestId: 'REQ-2',
      route: ROUTE_NORMAL,
      verification: { alreadyVerified: false },
      decision: { outcome: 'rejected' },
    });
  });
});

describe('identity verification', () => {
  it('already verified: StartVerification says so and the workflow goes straight to Gather', async () => {
    const workflow = createFakeWorkflow({
      behaviours: { 'start-verification': async () => ({ alreadyVerified: true }) },
    });
    const arn = workflow.start('REQ-10');
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([...INTAKE, ...TO_DECISION, ...APPROVED_TAIL]);
    expect(workflow.calls['start-verification']).toEqual([{ requestId: 'REQ-10' }]);
    notCalled(workflow, 'await-verification', 'send-verification-reminder', 'close-unverified');
    expect(output(result)).toEqual({
      requestId: 'REQ-10',
      route: ROUTE_NORMAL,
      verification: { alreadyVerified: true },
      decision: { outcome: 'approved' },
    });
  });

  it('verification by code: the wait holds until its token is succeeded, then gathering starts', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-11');
    const { requestId, taskToken } = await workflow.called<AwaitTokenEvent>('await-verification');
    expect(requestId).toBe('REQ-11');
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([{ token: taskToken, stateName: 'AwaitVerification' }]);
    expect(workflow.executor.describeExecution(arn).status).toBe('RUNNING');
    notCalled(workflow, 'gather-subscriptions', 'gather-billing', 'gather-access-log');

    workflow.executor.sendTaskSuccess(taskToken, JSON.stringify({ verified: true, method: 'code' }));
    const { taskToken: decisionToken } = await workflow.called<AwaitTokenEvent>('await-decision');
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([{ token: decisionToken, stateName: 'AwaitDecision' }]);
    expect(() => workflow.executor.sendTaskSuccess(taskToken, '{}')).toThrow(TaskTimedOutError);
    workflow.executor.sendTaskSuccess(decisionToken, JSON.stringify({ outcome: 'approved' }));
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual(APPROVED_PATH);
    // ResultPath null: what the verifier sent back is not kept.
    expect(output(result)).toEqual({
      requestId: 'REQ-11',
      route: ROUTE_NORMAL,
      verification: { alreadyVerified: false },
      decision: { outcome: 'approved' },
    });
  });

  it('AlreadyVerifiedError from AwaitVerification is caught and goes to Gather, not retried, not flagged', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'await-verification': async () => {
          throw new AlreadyVerifiedError('REQ-12 verified by staff');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-12');
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual(APPROVED_PATH);
    expect(workflow.calls['await-verification']).toHaveLength(1);
    notCalled(workflow, 'send-verification-reminder', 'flag-needs-attention');
    expect(output(result)).not.toHaveProperty('failure');
  });

  it('reminder: after 3 days a reminder is sent and the wait starts again; verified then, it carries on', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-13');
    const first = await workflow.called<AwaitTokenEvent>('await-verification');

    await vi.advanceTimersByTimeAsync(VERIFICATION_TIMEOUT_MS - 1000);
    expect(workflow.executor.describeExecution(arn).status).toBe('RUNNING');
    notCalled(workflow, 'send-verification-reminder');

    await vi.advanceTimersByTimeAsync(1000);
    expect(await workflow.called('send-verification-reminder')).toEqual({ requestId: 'REQ-13' });
    const second = await workflow.called<AwaitTokenEvent>('await-verification', 2);
    expect(second.requestId).toBe('REQ-13');
    expect(second.taskToken).not.toBe(first.taskToken);
    expect(() => workflow.executor.sendTaskSuccess(first.taskToken, '{}')).toThrow(TaskTimedOutError);
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([
      { token: second.taskToken, stateName: 'AwaitVerificationAfterReminder' },
    ]);

    await vi.advanceTimersByTimeAsync(5 * DAY_MS); // the requester finds the code on day 8
    await workflow.verify(2);
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'SendVerificationReminder',
      'AwaitVerificationAfterReminder',
      'Gather',
      'GatherSubscriptions',
      'GatherBilling',
      'GatherAccessLog',
      'PlanRequest',
      'AssessesObjection',
      'AwaitDecision',
      'DecisionOutcome',
      'CarryOut',
      'NotifyRecipients',
      'SendReply',
      'CloseRequest',
      'Closed',
    ]);
    expect(workflow.calls['send-verification-reminder']).toHaveLength(1);
    notCalled(workflow, 'close-unverified', 'flag-needs-attention');
    // The timeout was caught with ResultPath null: no trace of it in the data.
    expect(output(result)).toEqual({
      requestId: 'REQ-13',
      route: ROUTE_NORMAL,
      verification: { alreadyVerified: false },
      decision: { outcome: 'approved' },
    });
  });

  it('AlreadyVerifiedError after the reminder goes to Gather too', async () => {
    vi.useFakeTimers();
    let waits = 0;
    const workflow = createFakeWorkflow({
      behaviours: {
        'await-verification': async () => {
          if (++waits === 2) throw new AlreadyVerifiedError('REQ-14 verified by staff');
          return null;
        },
      },
    });
    const arn = workflow.start('REQ-14');
    await workflow.called('await-verification');
    await vi.advanceTimersByTimeAsync(VERIFICATION_TIMEOUT_MS);
    await workflow.decide('rejected');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      ...INTAKE,
      'AwaitVerification',
      'SendVerificationReminder',
      'AwaitVerificationAfterReminder',
      ...TO_DECISION,
      ...REFUSED_TAIL,
    ]);
    notCalled(workflow, 'close-unverified', 'flag-needs-attention');
  });

  it('unverified: no code within 3 + 11 days closes the request as unverified (SUCCEEDED), nothing gathered', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-15');
    await workflow.called('await-verification');

    await vi.advanceTimersByTimeAsync(VERIFICATION_TIMEOUT_MS);
    const second = await workflow.called<AwaitTokenEvent>('await-verification', 2);
    // One second short of 14 days the second wait still holds.
    await vi.advanceTimersByTimeAsync(VERIFICATION_AFTER_REMINDER_TIMEOUT_MS - 1000);
    expect(workflow.executor.describeExecution(arn).status).toBe('RUNNING');
    expect(() => workflow.executor.sendTaskHeartbeat(second.taskToken)).not.toThrow();
    notCalled(workflow, 'close-unverified');

    await vi.advanceTimersByTimeAsync(1000);
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'SendVerificationReminder',
      'AwaitVerificationAfterReminder',
      'CloseUnverified',
      'Unverified',
    ]);
    expect(workflow.calls['close-unverified']).toEqual([{ requestId: 'REQ-15' }]);
    expect(workflow.calls['send-verification-reminder']).toEqual([{ requestId: 'REQ-15' }]);
    notCalled(
      workflow,
      'gather-subscriptions',
      'gather-billing',
      'gather-access-log',
      'plan-request',
      'await-decision',
      'carry-out',
      'send-reply',
      'flag-needs-attention',
    );
    expect(workflow.world.objects.size).toBe(0);
    expect(() => workflow.executor.sendTaskSuccess(second.taskToken, '{}')).toThrow(TaskTimedOutError);
    expect(output(result)).toEqual({ requestId: 'REQ-15', route: ROUTE_NORMAL, verification: { alreadyVerified: false } });
  });
});

describe('gathering', () => {
  it.each([
    ['gather-subscriptions', 'SubscriptionStoreError'],
    ['gather-billing', 'BillingStoreError'],
    ['gather-access-log', 'AccessLogStoreError'],
  ] as const)('%s failing permanently fails the Parallel, which is flagged with the branch error', async (folder, errorName) => {
    const workflow = createFakeWorkflow({
      behaviours: {
        [folder]: async () => {
          throw permanentError(errorName, 'store refused REQ-20');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-20');
    await workflow.verify();
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'Gather',
      'GatherSubscriptions',
      'GatherBilling',
      'GatherAccessLog',
      'FlagNeedsAttention',
      'NeedsAttention',
    ]);
    expect(workflow.calls[folder]).toHaveLength(1);
    const flag = flagOf(workflow);
    expect(flag.requestId).toBe('REQ-20');
    expect(flag.failure.Error).toBe(errorName);
    expect(JSON.parse(flag.failure.Cause)).toEqual({ errorType: errorName, errorMessage: 'store refused REQ-20' });
    notCalled(workflow, 'plan-request', 'await-decision', 'carry-out', 'send-reply', 'close-request');
  });

  it('a branch failing transiently is retried inside its branch (override by branch state name) and the request carries on', async () => {
    vi.useFakeTimers();
    let failuresLeft = 1;
    const workflow = createFakeWorkflow({
      behaviours: {
        'gather-billing': async (event) => {
          if (failuresLeft-- > 0) throw new TransientError('billing throttled');
          return { key: OBJECT_KEYS.gathered((event as { requestId: string }).requestId, 'billing'), records: 1 };
        },
      },
      // Keyed by the state inside the Parallel branch; the ASL's own first interval would be 2 s.
      retryIntervalOverrides: { GatherBilling: 5000 },
    });
    const arn = workflow.start('REQ-21');
    await workflow.verify();
    await workflow.called('gather-billing');

    await vi.advanceTimersByTimeAsync(4999);
    expect(workflow.calls['gather-billing']).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(workflow.calls['gather-billing']).toHaveLength(2);

    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);
    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual(APPROVED_PATH);
    // Only the failing branch state was retried; the Parallel did not rerun its siblings.
    expect(workflow.calls['gather-subscriptions']).toHaveLength(1);
    expect(workflow.calls['gather-access-log']).toHaveLength(1);
    notCalled(workflow, 'flag-needs-attention');
  });

  it('a transient branch failure that persists exhausts the 5 retries and is flagged', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'gather-access-log': async () => {
          throw new TransientError('log store busy');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-22');
    await workflow.verify();
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.calls['gather-access-log']).toHaveLength(6);
    expect(flagOf(workflow).failure.Error).toBe('TransientError');
    expect(workflow.executor.stateHistory(arn)).toEqual([...INTAKE, 'AwaitVerification', ...GATHER, ...FLAGGED]);
  });
});

describe('planning, decision and carrying out', () => {
  it('plan failing: flagged before any decision is asked for', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'plan-request': async () => {
          throw permanentError('RetentionRuleMissingError', 'no retention rule for REQ-30');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-30');
    await workflow.verify();
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'Gather',
      'GatherSubscriptions',
      'GatherBilling',
      'GatherAccessLog',
      'PlanRequest',
      'FlagNeedsAttention',
      'NeedsAttention',
    ]);
    expect(workflow.calls['plan-request']).toHaveLength(1);
    expect(flagOf(workflow)).toMatchObject({ requestId: 'REQ-30', failure: { Error: 'RetentionRuleMissingError' } });
    notCalled(workflow, 'await-decision', 'carry-out', 'send-reply', 'close-request');
  });

  it('carry-out failing: flagged; what was already done stays done for staff (no undo, no reply, not closed)', async () => {
    const workflow = createFakeWorkflow({
      requests: { 'REQ-31': { type: 'erasure' } },
      behaviours: {
        'carry-out': async (event, world) => {
          const { requestId } = event as { requestId: string };
          world.actions.push({ requestId, type: 'erasure', action: 'erased subscriptions' });
          throw permanentError('LegalHoldError', `billing of ${requestId} is under legal hold`);
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-31');
    await workflow.verify();
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'Gather',
      'GatherSubscriptions',
      'GatherBilling',
      'GatherAccessLog',
      'PlanRequest',
      'AssessesObjection',
      'AwaitDecision',
      'DecisionOutcome',
      'CarryOut',
      'FlagNeedsAttention',
      'NeedsAttention',
    ]);
    expect(workflow.calls['carry-out']).toEqual([{ requestId: 'REQ-31' }]);
    expect(workflow.world.actions).toEqual([{ requestId: 'REQ-31', type: 'erasure', action: 'erased subscriptions' }]);
    const flag = flagOf(workflow);
    expect(flag.requestId).toBe('REQ-31');
    expect(flag.failure.Error).toBe('LegalHoldError');
    expect(JSON.parse(flag.failure.Cause)).toEqual({
      errorType: 'LegalHoldError',
      errorMessage: 'billing of REQ-31 is under legal hold',
    });
    notCalled(workflow, 'notify-recipients', 'send-reply', 'close-request');
  });

  it('decision timeout: after 95 days the request is flagged with States.Timeout', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-32');
    await workflow.verify();
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-decision');

    // One second short of the deadline nothing has happened: the 95-day timer did not overflow.
    await vi.advanceTimersByTimeAsync(DECISION_TIMEOUT_MS - 1000);
    expect(workflow.executor.describeExecution(arn).status).toBe('RUNNING');
    expect(() => workflow.executor.sendTaskHeartbeat(taskToken)).not.toThrow();
    notCalled(workflow, 'flag-needs-attention');

    await vi.advanceTimersByTimeAsync(1000);
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([...INTAKE, 'AwaitVerification', ...TO_DECISION, ...FLAGGED]);
    const flag = flagOf(workflow);
    expect(flag.requestId).toBe('REQ-32');
    expect(flag.failure.Error).toBe('States.Timeout');
    expect(() => workflow.executor.sendTaskSuccess(taskToken, '{"outcome":"approved"}')).toThrow(TaskTimedOutError);
    notCalled(workflow, 'carry-out', 'send-reply', 'close-request');
  });

  it.each([
    ['approved', APPROVED_TAIL],
    ['rejected', REFUSED_TAIL],
  ] as const)('a decision recorded before the wait (%s) is read through ReadDecision', async (outcome, tail) => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'await-decision': async () => {
          throw new DecisionAlreadyRecordedError('REQ-33 already decided');
        },
        'read-decision': async () => ({ outcome, decidedBy: 'staff-1', decidedAt: '2025-01-10T12:00:00Z' }),
      },
    });
    const arn = workflow.start('REQ-33');
    await workflow.verify();
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      ...INTAKE,
      'AwaitVerification',
      ...TO_DECISION,
      'ReadDecision',
      ...tail,
    ]);
    expect(workflow.calls['await-decision']).toHaveLength(1);
    expect(workflow.calls['read-decision']).toEqual([{ requestId: 'REQ-33' }]);
    expect(workflow.calls['send-reply']).toEqual([{ requestId: 'REQ-33', outcome }]);
    notCalled(workflow, 'flag-needs-attention');
    // ResultSelector keeps only the outcome.
    expect(output(result)).toEqual({
      requestId: 'REQ-33',
      route: ROUTE_NORMAL,
      verification: { alreadyVerified: false },
      decision: { outcome },
    });
  });

  it('an unknown outcome goes through UnknownDecision and is flagged', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-34');
    await workflow.verify();
    await workflow.decide('postponed');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      ...INTAKE,
      'AwaitVerification',
      ...TO_DECISION,
      'DecisionOutcome',
      'UnknownDecision',
      ...FLAGGED,
    ]);
    expect(flagOf(workflow).failure).toEqual({ Error: 'UnknownDecision', Cause: 'decision outcome not recognised' });
    notCalled(workflow, 'carry-out', 'send-reply');
  });

  it('SendTaskFailure fails the decision wait with the given error and cause, which is flagged', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-35');
    await workflow.verify();
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-decision');
    workflow.executor.sendTaskFailure(taskToken, { error: 'DecisionWithdrawn', cause: 'staff withdrew it' });
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(flagOf(workflow).failure).toEqual({ Error: 'DecisionWithdrawn', Cause: 'staff withdrew it' });
    expect(workflow.executor.stateHistory(arn)).toEqual([...INTAKE, 'AwaitVerification', ...TO_DECISION, ...FLAGGED]);
  });
});

describe('closed by staff from the console', () => {
  it('CaseClosedByStaff while waiting for verification ends the execution at ClosedByStaff: nothing gathered, nothing flagged', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-40');
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-verification');
    workflow.executor.sendTaskFailure(taskToken, { error: 'CaseClosedByStaff', cause: 'closed by staff' });
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([...INTAKE, 'AwaitVerification', 'ClosedByStaff']);
    notCalled(workflow, 'gather-subscriptions', 'flag-needs-attention', 'send-reply', 'close-request');
  });

  it('CaseClosedByStaff while waiting for the decision ends at ClosedByStaff without carrying out or replying', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-41');
    await workflow.verify();
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-decision');
    workflow.executor.sendTaskFailure(taskToken, { error: 'CaseClosedByStaff', cause: 'closed by staff' });
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([...INTAKE, 'AwaitVerification', ...TO_DECISION, 'ClosedByStaff']);
    notCalled(workflow, 'carry-out', 'send-reply', 'flag-needs-attention', 'close-request');
  });
});

describe('task failures and retries', () => {
  it('a permanent task failure is caught and flagged with Lambda-shaped error and cause', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        acknowledge: async () => {
          throw new RequestNotFoundError('no request REQ-40');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-40');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual(['Acknowledge', ...FLAGGED]);
    expect(workflow.calls.acknowledge).toHaveLength(1);
    const flag = flagOf(workflow);
    expect(flag.failure.Error).toBe('RequestNotFoundError');
    expect(JSON.parse(flag.failure.Cause)).toEqual({ errorType: 'RequestNotFoundError', errorMessage: 'no request REQ-40' });
    notCalled(workflow, 'start-verification', 'await-verification');
  });

  it('a transient failure is retried and then succeeds', async () => {
    let failuresLeft = 1;
    const workflow = createFakeWorkflow({
      behaviours: {
        'start-verification': async () => {
          if (failuresLeft-- > 0) throw new TransientError('table busy');
          return { alreadyVerified: false };
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-41');
    await workflow.verify();
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.calls['start-verification']).toHaveLength(2);
    expect(workflow.executor.stateHistory(arn)).toEqual(APPROVED_PATH);
  });

  it('a transient failure that persists exhausts the 5 retries and is flagged', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'close-request': async () => {
          throw new TransientError('still busy');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-42');
    await workflow.verify();
    await workflow.decide('approved');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.calls['close-request']).toHaveLength(6);
    expect(flagOf(workflow).failure.Error).toBe('TransientError');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      ...INTAKE,
      'AwaitVerification',
      ...TO_DECISION,
      'DecisionOutcome',
      'CarryOut',
      'NotifyRecipients',
      'SendReply',
      'CloseRequest',
      ...FLAGGED,
    ]);
  });
});
