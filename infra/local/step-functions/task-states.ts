import type { AslDefinition } from './load-definition.js';
import { LAMBDA_INVOKE, LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN } from './lambda-integration.js';

/** aws-local-stepfunctions times out a Task without TimeoutSeconds after 60 s (AWS: no limit). */
export const LIBRARY_DEFAULT_TASK_TIMEOUT_SECONDS = 60;

/** A Task state the local runtime serves with an in-process handler. */
export interface LambdaTaskState {
  readonly name: string;
  /** `invoke` continues with the function's result; `waitForTaskToken` waits for a callback. */
  readonly kind: 'invoke' | 'waitForTaskToken';
  /** When the library will time the task out, in ms. */
  readonly timeoutMs: number;
  /** `Parameters.FunctionName` when it is a constant (not `FunctionName.$`). */
  readonly functionName: string | undefined;
}

/**
 * The definition uses something the local runtime cannot serve faithfully. Raised at start-up,
 * because the library's fallback for an unknown Task resource is to call real AWS Lambda.
 */
export class UnsupportedDefinitionError extends Error {
  override readonly name = 'UnsupportedDefinitionError';
}

/**
 * Lists every Task state (nested Parallel branches and Map processors included) and checks each
 * is a Lambda integration the runtime can stand in for.
 *
 * @throws UnsupportedDefinitionError for any other Task resource, a waiting Task without
 *   `$$.Task.Token` in its Parameters or with `TimeoutSecondsPath`, or one name used twice.
 */
export function lambdaTaskStates(definition: Pick<AslDefinition, 'States'>): LambdaTaskState[] {
  const found = new Map<string, LambdaTaskState>();
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const task = describeTask(name, state);
    if (found.has(name)) throw new UnsupportedDefinitionError(`Task state name "${name}" is used more than once`);
    found.set(name, task);
  }
  return [...found.values()];
}

function describeTask(name: string, state: Record<string, unknown>): LambdaTaskState {
  const resource = state.Resource;
  const kind =
    resource === LAMBDA_INVOKE ? 'invoke' : resource === LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN ? 'waitForTaskToken' : undefined;
  if (!kind) {
    throw new UnsupportedDefinitionError(
      `Task state "${name}" uses resource ${String(resource)}; only ${LAMBDA_INVOKE} and ${LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN} run locally`,
    );
  }
  if (kind === 'waitForTaskToken') {
    if (!JSON.stringify(state.Parameters ?? null).includes('$$.Task.Token')) {
      throw new UnsupportedDefinitionError(`Task state "${name}" waits for a task token but never passes $$.Task.Token`);
    }
    if (state.TimeoutSecondsPath !== undefined) {
      throw new UnsupportedDefinitionError(`Task state "${name}": TimeoutSecondsPath is not supported locally`);
    }
  }
  const timeoutSeconds = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : LIBRARY_DEFAULT_TASK_TIMEOUT_SECONDS;
  const parameters = (state.Parameters ?? {}) as Record<string, unknown>;
  const functionName = typeof parameters.FunctionName === 'string' ? parameters.FunctionName : undefined;
  return { name, kind, timeoutMs: timeoutSeconds * 1000, functionName };
}

function* allStates(definition: Pick<AslDefinition, 'States'>): Generator<[string, Record<string, unknown>]> {
  for (const [name, state] of Object.entries(definition.States)) {
    yield [name, state];
    const nested = [
      ...(Array.isArray(state.Branches) ? state.Branches : []),
      state.Iterator,
      state.ItemProcessor,
    ] as unknown[];
    for (const machine of nested) {
      if (machine && typeof machine === 'object' && 'States' in machine) {
        yield* allStates(machine as Pick<AslDefinition, 'States'>);
      }
    }
  }
}
