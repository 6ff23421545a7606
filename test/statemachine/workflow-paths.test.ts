import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskTimedOutError } from '../../infra/local/step-functions/api-errors.js';
import {
  createFakeWorkflow,
  DecisionAlreadyRecordedError,
  INSTANT_RETRIES,
  RequestNotFoundError,
  TransientError,
  type AwaitDecisionEvent,
} from './fake-workflow.js';

/** The real ASL, run through the local executor with recording fake handlers. */

const DECISION_TIMEOUT_MS = 8_208_000 * 1000; // AwaitDecision.TimeoutSeconds (95 days)

interface FlagEvent {
  requestId: string;
  failure: { Error: string; Cause: string };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('rights-request workflow', () => {
  it('approve: acknowledges, waits for the decision, replies and closes', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-1');
    const { taskToken, requestId } = await workflow.called<AwaitDecisionEvent>('await-decision');
    expect(requestId).toBe('REQ-1');
    expect(workflow.executor.describeExecution(arn).status).toBe('RUNNING');

    workflow.executor.sendTaskSuccess(taskToken, JSON.stringify({ outcome: 'approved' }));
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'DecisionOutcome',
      'SendReply',
      'CloseRequest',
      'Closed',
    ]);
    expect(workflow.calls.acknowledge).toEqual([{ requestId: 'REQ-1' }]);
    expect(workflow.calls['send-reply']).toEqual([{ requestId: 'REQ-1', outcome: 'approved' }]);
    expect(workflow.calls['close-request']).toEqual([{ requestId: 'REQ-1' }]);
    expect(workflow.calls['flag-needs-attention']).toEqual([]);
    expect(JSON.parse(result.output ?? 'null')).toEqual({ requestId: 'REQ-1', decision: { outcome: 'approved' } });
  });

  it('reject: sends the refusal, then closes', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-2');
    const { taskToken } = await workflow.called<AwaitDecisionEvent>('await-decision');

    workflow.executor.sendTaskSuccess(taskToken, JSON.stringify({ outcome: 'rejected' }));
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'DecisionOutcome',
      'SendRefusal',
      'CloseRequest',
      'Closed',
    ]);
    expect(workflow.calls['send-reply']).toEqual([{ requestId: 'REQ-2', outcome: 'rejected' }]);
  });

  it('decision timeout: after 95 days the request is flagged with States.Timeout', async () => {
    vi.useFakeTimers();
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-3');
    const { taskToken } = await workflow.called<AwaitDecisionEvent>('await-decision');

    // One second short of the deadline nothing has happened: the 95-day timer did not overflow.
    await vi.advanceTimersByTimeAsync(DECISION_TIMEOUT_MS - 1000);
    expect(workflow.executor.describeExecution(arn).status).toBe('RUNNING');
    expect(() => workflow.executor.sendTaskHeartbeat(taskToken)).not.toThrow();
    expect(workflow.calls['flag-needs-attention']).toEqual([]);

    await vi.advanceTimersByTimeAsync(1000);
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'FlagNeedsAttention',
      'NeedsAttention',
    ]);
    const [flag] = workflow.calls['flag-needs-attention'] as FlagEvent[];
    expect(flag?.requestId).toBe('REQ-3');
    expect(flag?.failure.Error).toBe('States.Timeout');
    expect(() => workflow.executor.sendTaskSuccess(taskToken, '{"outcome":"approved"}')).toThrow(TaskTimedOutError);
    expect(workflow.calls['send-reply']).toEqual([]);
  });

  it('a permanent task failure is caught and flagged with Lambda-shaped error and cause', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        acknowledge: async () => {
          throw new RequestNotFoundError('no request REQ-4');
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-4');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual(['Acknowledge', 'FlagNeedsAttention', 'NeedsAttention']);
    expect(workflow.calls.acknowledge).toHaveLength(1);
    const [flag] = workflow.calls['flag-needs-attention'] as FlagEvent[];
    expect(flag?.failure.Error).toBe('RequestNotFoundError');
    expect(JSON.parse(flag?.failure.Cause ?? '')).toEqual({
      errorType: 'RequestNotFoundError',
      errorMessage: 'no request REQ-4',
    });
    expect(workflow.calls['await-decision']).toEqual([]);
  });

  it('a transient failure is retried and then succeeds', async () => {
    let failuresLeft = 1;
    const workflow = createFakeWorkflow({
      behaviours: {
        acknowledge: async () => {
          if (failuresLeft-- > 0) throw new TransientError('table busy');
          return { ok: true };
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-5');
    const { taskToken } = await workflow.called<AwaitDecisionEvent>('await-decision');
    workflow.executor.sendTaskSuccess(taskToken, JSON.stringify({ outcome: 'approved' }));
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.calls.acknowledge).toHaveLength(2);
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'DecisionOutcome',
      'SendReply',
      'CloseRequest',
      'Closed',
    ]);
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
    const arn = workflow.start('REQ-6');
    const { taskToken } = await workflow.called<AwaitDecisionEvent>('await-decision');
    workflow.executor.sendTaskSuccess(taskToken, JSON.stringify({ outcome: 'approved' }));
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.calls['close-request']).toHaveLength(6);
    expect((workflow.calls['flag-needs-attention'] as FlagEvent[])[0]?.failure.Error).toBe('TransientError');
    expect(workflow.executor.stateHistory(arn).slice(-3)).toEqual(['CloseRequest', 'FlagNeedsAttention', 'NeedsAttention']);
  });

  it('a decision recorded before the wait is read through ReadDecision', async () => {
    const workflow = createFakeWorkflow({
      behaviours: {
        'await-decision': async () => {
          throw new DecisionAlreadyRecordedError('REQ-7 already decided');
        },
        'read-decision': async () => ({ outcome: 'rejected', decidedBy: 'staff-1' }),
      },
    });
    const arn = workflow.start('REQ-7');
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result.status).toBe('SUCCEEDED');
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'ReadDecision',
      'DecisionOutcome',
      'SendRefusal',
      'CloseRequest',
      'Closed',
    ]);
    expect(workflow.calls['read-decision']).toEqual([{ requestId: 'REQ-7' }]);
    // ResultSelector keeps only the outcome.
    expect(JSON.parse(result.output ?? 'null')).toEqual({ requestId: 'REQ-7', decision: { outcome: 'rejected' } });
  });

  it('an unknown outcome goes through UnknownDecision and is flagged', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-8');
    const { taskToken } = await workflow.called<AwaitDecisionEvent>('await-decision');
    workflow.executor.sendTaskSuccess(taskToken, JSON.stringify({ outcome: 'postponed' }));
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'DecisionOutcome',
      'UnknownDecision',
      'FlagNeedsAttention',
      'NeedsAttention',
    ]);
    const [flag] = workflow.calls['flag-needs-attention'] as FlagEvent[];
    expect(flag?.failure).toEqual({ Error: 'UnknownDecision', Cause: 'decision outcome not recognised' });
    expect(workflow.calls['send-reply']).toEqual([]);
  });

  it('SendTaskFailure fails the wait with the given error and cause, which is flagged', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-9');
    const { taskToken } = await workflow.called<AwaitDecisionEvent>('await-decision');
    workflow.executor.sendTaskFailure(taskToken, { error: 'DecisionWithdrawn', cause: 'staff withdrew it' });
    const result = await workflow.executor.waitForCompletion(arn);

    expect(result).toMatchObject({ status: 'FAILED', error: 'NeedsAttention' });
    const [flag] = workflow.calls['flag-needs-attention'] as FlagEvent[];
    expect(flag?.failure).toEqual({ Error: 'DecisionWithdrawn', Cause: 'staff withdrew it' });
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'AwaitDecision',
      'FlagNeedsAttention',
      'NeedsAttention',
    ]);
  });
});
