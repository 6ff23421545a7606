import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type RunOptions,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  InvalidExecutionInputError,
  InvalidOutputError,
  StateMachineDoesNotExistError,
} from './api-errors.js';
import { arnResourceName, assertExecutionArn, assertExecutionName, assertStateMachineArn, executionArnFor } from './arns.js';
import {
  invokeLocalFunction,
  invokeResult,
  readInvokeParameters,
  replaceInStrings,
  type LambdaHandlers,
} from './lambda-integration.js';
import { isAslDefinition } from './load-definition.js';
import { installPolyfills } from './polyfills.js';
import { lambdaTaskStates, UnsupportedDefinitionError, type LambdaTaskState } from './task-states.js';
import { TaskTokenRegistry } from './task-tokens.js';

installPolyfills();

/** Execution statuses, as DescribeExecution reports them. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Construction options for {@link LocalStepFunctions}. */
export interface LocalStepFunctionsOptions {
  /** The ASL definition with resource ARNs substituted (see `loadWorkflowDefinition`). */
  definition: object;
  /** In-process Lambda handlers keyed by the function ARNs the definition names. */
  handlers: LambdaHandlers;
  /** The ARN callers pass to StartExecution/ListExecutions. */
  stateMachineArn: string;
  /**
   * Tests only: milliseconds to pause before each retry, per state name (a number, or one per
   * retrier). Lets a test exercise the ASL's real Retry blocks without waiting 2 s × backoff.
   */
  retryIntervalOverrides?: Record<string, number | number[]>;
}

/** StartExecution input, as in the Step Functions API. */
export interface StartExecutionRequest {
  stateMachineArn: string;
  /** Defaults to a random UUID. */
  name?: string;
  /** JSON text; defaults to `{}`. */
  input?: string;
}

/** StartExecution output. */
export interface StartExecutionResult {
  executionArn: string;
  startDate: Date;
}

/** DescribeExecution output. */
export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
}

/** One ListExecutions entry. */
export type ExecutionListItem = Pick<
  ExecutionDescription,
  'executionArn' | 'stateMachineArn' | 'name' | 'status' | 'startDate' | 'stopDate'
>;

/** A Task's function has no handler; raised at construction rather than mid-execution. */
export class MissingFunctionHandlerError extends Error {
  override readonly name = 'MissingFunctionHandlerError';
}

/**
 * Fails a stopped execution's in-flight task. Neither retryable nor catchable (the library reads
 * these flags), so a stopped execution cannot wander into Retry or Catch paths and call handlers.
 */
export class ExecutionStoppedError extends Error {
  override readonly name = 'ExecutionStoppedError';
  get isRetryable(): boolean {
    return false;
  }
  get isCatchable(): boolean {
    return false;
  }
}

type JsonInput = Parameters<StateMachine['run']>[0];
type TaskOverrides = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type TaskOverride = TaskOverrides[string];
type EventLogs = ReturnType<StateMachine['run']>['eventLogs'];

interface Outcome {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: string;
  error?: string;
  cause?: string;
}

interface ExecutionRecord extends ExecutionDescription {
  readonly history: string[];
  abort: () => void;
  finished: Promise<void>;
}

/**
 * Stands in for `$$.Task.Token` in the context object: the library has no task tokens, so each
 * waiting Task replaces this marker in its payload with a freshly issued token.
 */
const TASK_TOKEN_PLACEHOLDER = `<local-sfn-task-token:${randomUUID()}>`;

/**
 * Runs the workflow's real ASL in-process with aws-local-stepfunctions and keeps executions in
 * memory, exposing the Step Functions API subset application code uses (start, describe, stop,
 * list, task callbacks). Lambda integrations are served by in-process handlers that reproduce
 * AWS's result and error shapes, so Retry/Catch/ResultSelector behave as deployed.
 */
export class LocalStepFunctions {
  readonly stateMachineArn: string;
  readonly #machine: StateMachine;
  readonly #handlers: LambdaHandlers;
  readonly #tasks: readonly LambdaTaskState[];
  readonly #retryIntervalOverrides: Record<string, number | number[]> | undefined;
  readonly #executions = new Map<string, ExecutionRecord>();
  readonly #tokens = new TaskTokenRegistry();

  /**
   * @throws UnsupportedDefinitionError if a Task cannot be served locally (it would call AWS).
   * @throws MissingFunctionHandlerError if a Task names a function without a handler.
   * @throws Error if the library's ASL validation rejects the definition.
   */
  constructor(options: LocalStepFunctionsOptions) {
    const { definition } = options;
    if (!isAslDefinition(definition)) throw new UnsupportedDefinitionError('Definition lacks StartAt or States');
    assertStateMachineArn(options.stateMachineArn);
    this.stateMachineArn = options.stateMachineArn;
    this.#handlers = options.handlers;
    this.#retryIntervalOverrides = options.retryIntervalOverrides;
    this.#tasks = lambdaTaskStates(definition);
    for (const task of this.#tasks) {
      if (task.functionName !== undefined && !Object.hasOwn(this.#handlers, task.functionName)) {
        throw new MissingFunctionHandlerError(`Task state "${task.name}" calls ${task.functionName}, which has no handler`);
      }
    }
    this.#machine = createStateMachine(definition);
  }

  /**
   * Starts an execution. Like AWS for standard workflows, repeating a running execution's name
   * with the identical input returns that execution; a different input, or a name whose execution
   * has closed, is refused with ExecutionAlreadyExists.
   */
  startExecution(request: StartExecutionRequest): StartExecutionResult {
    this.#assertOwnStateMachine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    assertExecutionName(name);
    const input = request.input ?? '{}';
    const parsedInput = parseJson(input, () => new InvalidExecutionInputError(`Invalid State Machine Execution Input: '${input}'`));
    const executionArn = executionArnFor(this.stateMachineArn, name);
    const existing = this.#executions.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: existing.startDate };
      }
      throw new ExecutionAlreadyExistsError(`Execution Already Exists: '${executionArn}'`);
    }

    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: this.stateMachineArn,
      name,
      status: 'RUNNING',
      input,
      startDate: new Date(),
      history: [],
      abort: () => undefined,
      finished: Promise.resolve(),
    };
    this.#executions.set(executionArn, record);

    const run = this.#machine.run(parsedInput as JsonInput, {
      overrides: {
        taskResourceLocalHandlers: this.#taskOverrides(record),
        ...(this.#retryIntervalOverrides ? { retryIntervalOverrides: this.#retryIntervalOverrides } : {}),
      },
      context: {
        Execution: { Id: executionArn, Name: name },
        StateMachine: { Id: this.stateMachineArn, Name: arnResourceName(this.stateMachineArn) },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    });
    record.abort = run.abort;
    const outcome = run.result.then(
      (output): Outcome => ({ status: 'SUCCEEDED', output: JSON.stringify(output) }),
      (error: unknown) => failureOutcome(error),
    );
    const historyRecorded = recordHistory(run.eventLogs, record.history);
    record.finished = Promise.all([outcome, historyRecorded]).then(([result]) => this.#finish(record, result));
    return { executionArn, startDate: record.startDate };
  }

  /** DescribeExecution. */
  describeExecution(executionArn: string): ExecutionDescription {
    return toDescription(this.#get(executionArn));
  }

  /**
   * StopExecution: the execution is ABORTED at once, its waiting task tokens stop working, and no
   * further handler is invoked for it. Stopping a closed execution changes nothing.
   */
  stopExecution(executionArn: string, details: { error?: string; cause?: string } = {}): { stopDate: Date } {
    const record = this.#get(executionArn);
    if (record.status === 'RUNNING') {
      record.status = 'ABORTED';
      record.stopDate = new Date();
      if (details.error !== undefined) record.error = details.error;
      if (details.cause !== undefined) record.cause = details.cause;
      record.abort();
      this.#tokens.closeExecution(executionArn, new ExecutionStoppedError(`Execution ${executionArn} was stopped`));
    }
    return { stopDate: record.stopDate ?? new Date() };
  }

  /** ListExecutions, newest first, optionally only those with `statusFilter`. */
  listExecutions(request: { stateMachineArn: string; statusFilter?: ExecutionStatus }): ExecutionListItem[] {
    this.#assertOwnStateMachine(request.stateMachineArn);
    return [...this.#executions.values()]
      .filter((record) => request.statusFilter === undefined || record.status === request.statusFilter)
      .reverse()
      .map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({
        executionArn,
        stateMachineArn,
        name,
        status,
        startDate,
        ...(stopDate ? { stopDate } : {}),
      }));
  }

  /** SendTaskSuccess: `output` is JSON text and becomes the waiting Task's result. */
  sendTaskSuccess(taskToken: string, output: string): void {
    this.#tokens.heartbeat(taskToken);
    const parsed = parseJson(output, () => new InvalidOutputError(`Invalid Output: '${output}'`));
    this.#tokens.succeed(taskToken, parsed);
  }

  /** SendTaskFailure: the Task fails with `error` (default `States.TaskFailed`) and `cause`. */
  sendTaskFailure(taskToken: string, details: { error?: string; cause?: string } = {}): void {
    this.#tokens.fail(taskToken, details.error ?? 'States.TaskFailed', details.cause ?? '');
  }

  /** SendTaskHeartbeat: only checks the token (the workflow declares no HeartbeatSeconds). */
  sendTaskHeartbeat(taskToken: string): void {
    this.#tokens.heartbeat(taskToken);
  }

  /** Names of the states the execution entered, in order (retries do not re-enter a state). */
  stateHistory(executionArn: string): string[] {
    return [...this.#get(executionArn).history];
  }

  /** Tokens the execution is currently waiting on, e.g. for a local "approve" helper. */
  pendingTaskTokens(executionArn: string): { token: string; stateName: string }[] {
    this.#get(executionArn);
    return this.#tokens.pendingTokens(executionArn);
  }

  /** Resolves once the execution has closed and its history is complete. */
  async waitForCompletion(executionArn: string): Promise<ExecutionDescription> {
    const record = this.#get(executionArn);
    await record.finished;
    return toDescription(record);
  }

  /** Stops every running execution, e.g. on server shutdown or test teardown. */
  stopAll(): void {
    for (const record of this.#executions.values()) {
      if (record.status === 'RUNNING') this.stopExecution(record.executionArn);
    }
  }

  #taskOverrides(record: ExecutionRecord): TaskOverrides {
    const overrides: TaskOverrides = {};
    for (const task of this.#tasks) {
      overrides[task.name] = task.kind === 'invoke' ? this.#invokeOverride(record) : this.#waitOverride(record, task);
    }
    return overrides;
  }

  #invokeOverride(record: ExecutionRecord): TaskOverride {
    return async (input) => {
      assertRunning(record);
      const payload = await invokeLocalFunction(this.#handlers, readInvokeParameters(input));
      return invokeResult(payload) as unknown as Awaited<ReturnType<TaskOverride>>;
    };
  }

  /**
   * The token is issued synchronously, before the library arms its own TimeoutSeconds timer, so
   * the token's expiry timer (same delay) fires first and a late SendTaskSuccess is refused.
   */
  #waitOverride(record: ExecutionRecord, task: LambdaTaskState): TaskOverride {
    return (input) => {
      try {
        assertRunning(record);
        const parameters = readInvokeParameters(input);
        const { token, result } = this.#tokens.issue(record.executionArn, task.name, task.timeoutMs);
        const Payload = replaceInStrings(parameters.Payload, TASK_TOKEN_PLACEHOLDER, token);
        invokeLocalFunction(this.#handlers, { FunctionName: parameters.FunctionName, Payload }).catch((error: unknown) =>
          this.#tokens.failWith(token, error as Error),
        );
        return result as Promise<Awaited<ReturnType<TaskOverride>>>;
      } catch (error) {
        return Promise.reject(error as Error);
      }
    };
  }

  #finish(record: ExecutionRecord, outcome: Outcome): void {
    this.#tokens.closeExecution(record.executionArn);
    if (record.status !== 'RUNNING') return;
    Object.assign(record, outcome, { stopDate: new Date() });
  }

  #get(executionArn: string): ExecutionRecord {
    assertExecutionArn(executionArn);
    const record = this.#executions.get(executionArn);
    if (!record) throw new ExecutionDoesNotExistError(`Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  #assertOwnStateMachine(stateMachineArn: string): void {
    assertStateMachineArn(stateMachineArn);
    if (stateMachineArn !== this.stateMachineArn) {
      throw new StateMachineDoesNotExistError(`State Machine Does Not Exist: '${stateMachineArn}'`);
    }
  }
}

/** Definitions (as JSON text) the library has already validated in this process. */
const validatedDefinitions = new Set<string>();

/**
 * Creates the library's state machine, validating each distinct definition once: ASL validation
 * costs a few hundred ms, and tests build an executor per case from the same file.
 */
function createStateMachine(definition: object): StateMachine {
  const key = JSON.stringify(definition);
  const machine = new StateMachine(definition as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: validatedDefinitions.has(key) },
  });
  validatedDefinitions.add(key);
  return machine;
}

function assertRunning(record: ExecutionRecord): void {
  if (record.status !== 'RUNNING') throw new ExecutionStoppedError(`Execution ${record.executionArn} is ${record.status}`);
}

function toDescription(record: ExecutionRecord): ExecutionDescription {
  const { history: _history, abort: _abort, finished: _finished, ...description } = record;
  return { ...description };
}

async function recordHistory(eventLogs: EventLogs, history: string[]): Promise<void> {
  for await (const event of eventLogs) {
    if (event.type === 'StateEntered') history.push(event.state.name);
  }
}

/** Maps the library's rejection to AWS's terminal status, error and cause. */
function failureOutcome(error: unknown): Outcome {
  if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT' };
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  if (error instanceof ExecutionError && error.cause instanceof Error) {
    return { status: 'FAILED', error: error.cause.name, cause: error.cause.message };
  }
  return { status: 'FAILED', error: 'States.Runtime', cause: error instanceof Error ? error.message : String(error) };
}

function parseJson(text: string, invalid: () => Error): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid();
  }
}
