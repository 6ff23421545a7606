import { WORKFLOW_FUNCTIONS, type WorkflowFunctionFolder } from '../../functions/shared/workflow-functions.js';
import type { LambdaHandler } from '../../infra/local/step-functions/lambda-integration.js';
import {
  loadWorkflowDefinition,
  localFunctionArn,
  localStateMachineArn,
  localSubstitutions,
} from '../../infra/local/step-functions/load-definition.js';
import { LocalStepFunctions } from '../../infra/local/step-functions/local-executor.js';

/** The payload the AwaitDecision function receives. */
export interface AwaitDecisionEvent {
  requestId: string;
  taskToken: string;
}

/** Errors the workflow's Retry/Catch blocks match by name, defined here like the handlers do. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}
export class DecisionAlreadyRecordedError extends Error {
  override readonly name = 'DecisionAlreadyRecordedError';
}
export class RequestNotFoundError extends Error {
  override readonly name = 'RequestNotFoundError';
}

/** The real workflow ASL wired to recording fake handlers, one per workflow function. */
export interface FakeWorkflow {
  readonly executor: LocalStepFunctions;
  readonly stateMachineArn: string;
  /** Every event each function received, in order. */
  readonly calls: Record<WorkflowFunctionFolder, unknown[]>;
  /** Resolves with the `n`th (1-based) event `folder` receives, now or later. */
  called<T = unknown>(folder: WorkflowFunctionFolder, n?: number): Promise<T>;
  /** Starts an execution for `requestId` and returns its ARN. */
  start(requestId?: string, name?: string): string;
}

export interface FakeWorkflowOptions {
  /** Replaces a function's default behaviour (which returns `{ ok: true }`). */
  behaviours?: Partial<Record<WorkflowFunctionFolder, LambdaHandler>>;
  retryIntervalOverrides?: Record<string, number | number[]>;
}

const DEFAULT_BEHAVIOURS: Partial<Record<WorkflowFunctionFolder, LambdaHandler>> = {
  'read-decision': async () => ({ outcome: 'approved' }),
};

/** Builds a {@link FakeWorkflow}; handlers are plain async functions that record their events. */
export function createFakeWorkflow(options: FakeWorkflowOptions = {}): FakeWorkflow {
  const folders = Object.values(WORKFLOW_FUNCTIONS);
  const calls = Object.fromEntries(folders.map((folder) => [folder, [] as unknown[]])) as Record<
    WorkflowFunctionFolder,
    unknown[]
  >;
  const waiters: { folder: WorkflowFunctionFolder; n: number; resolve: (event: unknown) => void }[] = [];
  const handlers: Record<string, LambdaHandler> = {};
  for (const folder of folders) {
    handlers[localFunctionArn(folder)] = async (event) => {
      calls[folder].push(event);
      for (const waiter of waiters.filter((w) => w.folder === folder && w.n === calls[folder].length)) {
        waiter.resolve(event);
      }
      const behaviour = options.behaviours?.[folder] ?? DEFAULT_BEHAVIOURS[folder];
      return behaviour ? behaviour(event) : { ok: true };
    };
  }
  const stateMachineArn = localStateMachineArn();
  const executor = new LocalStepFunctions({
    definition: loadWorkflowDefinition(localSubstitutions()),
    handlers,
    stateMachineArn,
    ...(options.retryIntervalOverrides ? { retryIntervalOverrides: options.retryIntervalOverrides } : {}),
  });
  return {
    executor,
    stateMachineArn,
    calls,
    called: <T>(folder: WorkflowFunctionFolder, n = 1) =>
      new Promise<T>((resolve) => {
        const seen = calls[folder][n - 1];
        if (seen !== undefined) resolve(seen as T);
        else waiters.push({ folder, n, resolve: (event) => resolve(event as T) });
      }),
    start: (requestId = 'REQ-1', name) =>
      executor.startExecution({
        stateMachineArn,
        ...(name ? { name } : {}),
        input: JSON.stringify({ requestId }),
      }).executionArn,
  };
}

/** Zero-delay retries for every retrying state, so the ASL's real Retry blocks run instantly. */
export const INSTANT_RETRIES: Record<string, number> = {
  Acknowledge: 0,
  AwaitDecision: 0,
  ReadDecision: 0,
  SendReply: 0,
  SendRefusal: 0,
  CloseRequest: 0,
  FlagNeedsAttention: 0,
};
