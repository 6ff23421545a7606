import { afterEach, describe, expect, it } from 'vitest';
import {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  InvalidArnError,
  InvalidExecutionInputError,
  InvalidNameError,
  InvalidOutputError,
  InvalidTokenError,
  StateMachineDoesNotExistError,
  TaskDoesNotExistError,
  TaskTimedOutError,
} from '../../infra/local/step-functions/api-errors.js';
import { localFunctionArn, localStateMachineArn } from '../../infra/local/step-functions/load-definition.js';
import { LocalStepFunctions, MissingFunctionHandlerError } from '../../infra/local/step-functions/local-executor.js';
import { UnsupportedDefinitionError } from '../../infra/local/step-functions/task-states.js';
import {
  createFakeWorkflow,
  INSTANT_RETRIES,
  loadDefinitionUnderTest,
  stopFakeWorkflows,
  substitutionsUnderTest,
  TransientError,
  type AwaitTokenEvent,
} from './fake-workflow.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

afterEach(() => {
  stopFakeWorkflows();
});

describe('LocalStepFunctions execution API', () => {
  it('returns the running execution for the same name and input, refuses a different input', async () => {
    const workflow = createFakeWorkflow();
    const input = JSON.stringify({ requestId: 'REQ-1' });
    const first = workflow.executor.startExecution({ stateMachineArn: workflow.stateMachineArn, name: 'REQ-1', input });
    const again = workflow.executor.startExecution({ stateMachineArn: workflow.stateMachineArn, name: 'REQ-1', input });
    expect(again).toEqual(first);
    await workflow.called('await-verification');
    expect(workflow.calls.acknowledge).toHaveLength(1);

    expect(() =>
      workflow.executor.startExecution({ stateMachineArn: workflow.stateMachineArn, name: 'REQ-1', input: '{"requestId":"other"}' }),
    ).toThrow(ExecutionAlreadyExistsError);
    workflow.executor.stopAll();
  });

  it('refuses a name whose execution has closed, even with the same input (as AWS does)', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-2', 'REQ-2');
    workflow.executor.stopExecution(arn);
    await workflow.executor.waitForCompletion(arn);
    expect(() => workflow.start('REQ-2', 'REQ-2')).toThrow(ExecutionAlreadyExistsError);
  });

  it('validates names, input and ARNs like the AWS API', () => {
    const { executor, stateMachineArn } = createFakeWorkflow();
    expect(() => executor.startExecution({ stateMachineArn, name: 'has space' })).toThrow(InvalidNameError);
    expect(() => executor.startExecution({ stateMachineArn, name: 'a/b' })).toThrow(InvalidNameError);
    expect(() => executor.startExecution({ stateMachineArn, name: 'x'.repeat(81) })).toThrow(InvalidNameError);
    expect(() => executor.startExecution({ stateMachineArn, input: '{not json' })).toThrow(InvalidExecutionInputError);
    expect(() => executor.startExecution({ stateMachineArn: 'not-an-arn' })).toThrow(InvalidArnError);
    expect(() => executor.startExecution({ stateMachineArn: localStateMachineArn('other') })).toThrow(
      StateMachineDoesNotExistError,
    );
    expect(() => executor.describeExecution('nope')).toThrow(InvalidArnError);
    expect(() => executor.describeExecution(`${stateMachineArn.replace(':stateMachine:', ':execution:')}:missing`)).toThrow(
      ExecutionDoesNotExistError,
    );
  });

  it('names a started execution with a UUID when no name is given', () => {
    const { executor, stateMachineArn } = createFakeWorkflow();
    const { executionArn } = executor.startExecution({ stateMachineArn, input: '{"requestId":"R"}' });
    expect(executor.describeExecution(executionArn).name).toMatch(/^[0-9a-f-]{36}$/);
    executor.stopAll();
  });

  it('stops an execution: ABORTED at once, its token stops working, no handler runs afterwards', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-3');
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-verification');

    const { stopDate } = workflow.executor.stopExecution(arn, { error: 'Withdrawn', cause: 'requester withdrew' });
    expect(workflow.executor.describeExecution(arn)).toMatchObject({
      status: 'ABORTED',
      error: 'Withdrawn',
      cause: 'requester withdrew',
      stopDate,
    });
    const final = await workflow.executor.waitForCompletion(arn);
    expect(final.status).toBe('ABORTED');
    expect(() => workflow.executor.sendTaskSuccess(taskToken, '{}')).toThrow(TaskTimedOutError);
    expect(workflow.executor.stateHistory(arn)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
    ]);
    expect(workflow.calls['flag-needs-attention']).toEqual([]);
    expect(workflow.calls['gather-subscriptions']).toEqual([]);
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([]);
  });

  it('lists executions newest first, filtered by status', async () => {
    const workflow = createFakeWorkflow();
    const done = workflow.start('REQ-4', 'done');
    await workflow.verify();
    await workflow.decide('approved');
    expect((await workflow.executor.waitForCompletion(done)).status).toBe('SUCCEEDED');
    const waiting = workflow.start('REQ-5', 'waiting');

    const all = workflow.executor.listExecutions({ stateMachineArn: workflow.stateMachineArn });
    expect(all.map((item) => item.name)).toEqual(['waiting', 'done']);
    const running = workflow.executor.listExecutions({ stateMachineArn: workflow.stateMachineArn, statusFilter: 'RUNNING' });
    expect(running.map((item) => item.executionArn)).toEqual([waiting]);
    workflow.executor.stopAll();
  });
});

describe('LocalStepFunctions task tokens', () => {
  it('issues an unguessable token in place of $$.Task.Token and exposes it as pending', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-6');
    const verification = await workflow.called<AwaitTokenEvent>('await-verification');
    expect(verification.taskToken).toMatch(TOKEN_SHAPE);
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([
      { token: verification.taskToken, stateName: 'AwaitVerification' },
    ]);

    workflow.executor.sendTaskSuccess(verification.taskToken, '{}');
    const decision = await workflow.called<AwaitTokenEvent>('await-decision');
    expect(decision.taskToken).toMatch(TOKEN_SHAPE);
    expect(decision.taskToken).not.toBe(verification.taskToken);
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([{ token: decision.taskToken, stateName: 'AwaitDecision' }]);
    workflow.executor.stopAll();
  });

  it('refuses malformed, unknown and already used tokens with AWS error types', async () => {
    const workflow = createFakeWorkflow();
    const arn = workflow.start('REQ-7');
    await workflow.verify();
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-decision');

    expect(() => workflow.executor.sendTaskSuccess('bogus', '{}')).toThrow(InvalidTokenError);
    expect(() => workflow.executor.sendTaskSuccess('A'.repeat(43), '{}')).toThrow(TaskDoesNotExistError);
    expect(() => workflow.executor.sendTaskSuccess(taskToken, '{oops')).toThrow(InvalidOutputError);

    workflow.executor.sendTaskHeartbeat(taskToken);
    workflow.executor.sendTaskSuccess(taskToken, '{"outcome":"approved"}');
    expect(() => workflow.executor.sendTaskSuccess(taskToken, '{"outcome":"approved"}')).toThrow(TaskTimedOutError);
    expect(() => workflow.executor.sendTaskFailure(taskToken, { error: 'X' })).toThrow(TaskTimedOutError);
    expect((await workflow.executor.waitForCompletion(arn)).status).toBe('SUCCEEDED');
    expect(() => workflow.executor.sendTaskHeartbeat(taskToken)).toThrow(TaskTimedOutError);
  });

  it('issues a fresh token for each attempt of a retried wait; the earlier one is dead', async () => {
    let failuresLeft = 1;
    const workflow = createFakeWorkflow({
      behaviours: {
        'await-verification': async () => {
          if (failuresLeft-- > 0) throw new TransientError('queue busy');
          return null;
        },
      },
      retryIntervalOverrides: INSTANT_RETRIES,
    });
    const arn = workflow.start('REQ-8');
    const first = await workflow.called<AwaitTokenEvent>('await-verification', 1);
    const second = await workflow.called<AwaitTokenEvent>('await-verification', 2);
    expect(second.taskToken).not.toBe(first.taskToken);
    expect(() => workflow.executor.sendTaskSuccess(first.taskToken, '{}')).toThrow(TaskTimedOutError);
    expect(workflow.executor.pendingTaskTokens(arn)).toEqual([{ token: second.taskToken, stateName: 'AwaitVerification' }]);

    workflow.executor.sendTaskSuccess(second.taskToken, '{}');
    await workflow.decide('approved');
    expect((await workflow.executor.waitForCompletion(arn)).status).toBe('SUCCEEDED');
    // The retry stays within AwaitVerification: it is entered once.
    expect(workflow.executor.stateHistory(arn).slice(0, 6)).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'Gather',
    ]);
  });
});

describe('LocalStepFunctions construction', () => {
  const stateMachineArn = localStateMachineArn();

  it('refuses a Task it would otherwise hand to real AWS Lambda', () => {
    const definition = {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:eu-north-1:000000000000:function:x', End: true } },
    };
    expect(() => new LocalStepFunctions({ definition, handlers: {}, stateMachineArn })).toThrow(UnsupportedDefinitionError);
  });

  it('refuses a definition naming a function without a handler', () => {
    const definition = loadDefinitionUnderTest();
    expect(() => new LocalStepFunctions({ definition, handlers: {}, stateMachineArn })).toThrow(MissingFunctionHandlerError);
  });

  it('checks the functions of Parallel branch states too', () => {
    const handlers = Object.fromEntries(
      Object.values(substitutionsUnderTest())
        .filter((arn) => arn !== localFunctionArn('gather-billing'))
        .map((arn) => [arn, async () => null]),
    );
    const definition = loadDefinitionUnderTest();
    expect(() => new LocalStepFunctions({ definition, handlers, stateMachineArn })).toThrow(
      new MissingFunctionHandlerError(`Task state "GatherBilling" calls ${localFunctionArn('gather-billing')}, which has no handler`),
    );
  });
});
