/**
 * Local stand-in for Step Functions' optimized Lambda integration: invokes an in-process handler
 * with the processed `Parameters` and reproduces what AWS hands back, both the success shape
 * (`{ Payload, StatusCode, ExecutedVersion }`) and the failure shape (error name = Lambda's
 * `errorType`, Cause = Lambda's JSON error document), so the ASL's ResultSelector, Retry and Catch
 * behave exactly as in production.
 */

/** Resource of a Task that invokes a function and continues with its result. */
export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** Resource of a Task that invokes a function and then waits for SendTaskSuccess/Failure. */
export const LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** An in-process Lambda handler: receives the event, resolves with the function's result. */
export type LambdaHandler = (event: unknown) => Promise<unknown>;

/** Lambda handlers keyed by function ARN (the `FunctionName` the ASL passes). */
export type LambdaHandlers = Readonly<Record<string, LambdaHandler>>;

/** What `lambda:invoke` returns to the state machine on success. */
export interface LambdaInvokeResult {
  Payload: unknown;
  StatusCode: 200;
  ExecutedVersion: '$LATEST';
}

/**
 * A function invocation that failed. `name` is the thrown error's name (Lambda's `errorType`),
 * which is what the ASL's `ErrorEquals` match; `message` is the JSON document Lambda reports,
 * which becomes the Catch output's `Cause`.
 */
export class LambdaFunctionError extends Error {
  readonly errorType: string;
  readonly errorMessage: string;

  constructor(errorType: string, errorMessage: string) {
    super(JSON.stringify({ errorType, errorMessage }));
    this.name = errorType;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  /** Converts whatever a handler threw the way the Lambda Node.js runtime reports it. */
  static from(thrown: unknown): LambdaFunctionError {
    if (thrown instanceof Error) return new LambdaFunctionError(thrown.name || 'Error', thrown.message);
    return new LambdaFunctionError('Error', String(thrown));
  }
}

/** Parameters of a `lambda:invoke` Task after the library evaluated `Parameters`. */
export interface LambdaInvokeParameters {
  FunctionName: string;
  Payload?: unknown;
}

/** Reads `FunctionName`/`Payload` from a Task's processed input, or fails like AWS would. */
export function readInvokeParameters(input: unknown): LambdaInvokeParameters {
  const candidate = (input ?? {}) as Partial<LambdaInvokeParameters>;
  if (typeof candidate.FunctionName !== 'string') {
    throw new LambdaFunctionError('States.Runtime', 'lambda:invoke needs Parameters.FunctionName (a string)');
  }
  return { FunctionName: candidate.FunctionName, Payload: candidate.Payload };
}

/**
 * Invokes the handler for `FunctionName` with the payload and returns its result, serialised as
 * Lambda would (through JSON), or throws a {@link LambdaFunctionError}.
 */
export async function invokeLocalFunction(handlers: LambdaHandlers, parameters: LambdaInvokeParameters): Promise<unknown> {
  const handler = Object.hasOwn(handlers, parameters.FunctionName) ? handlers[parameters.FunctionName] : undefined;
  if (!handler) {
    throw new LambdaFunctionError(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${parameters.FunctionName} (no local handler registered)`,
    );
  }
  try {
    const result = await handler(throughJson(parameters.Payload ?? {}));
    return throughJson(result ?? null);
  } catch (error) {
    throw LambdaFunctionError.from(error);
  }
}

/** Wraps a function result the way `lambda:invoke` does. */
export function invokeResult(payload: unknown): LambdaInvokeResult {
  return { Payload: payload, StatusCode: 200, ExecutedVersion: '$LATEST' };
}

/** Replaces `search` inside every string of a JSON value (keys untouched). */
export function replaceInStrings(value: unknown, search: string, replacement: string): unknown {
  if (typeof value === 'string') return value.split(search).join(replacement);
  if (Array.isArray(value)) return value.map((item) => replaceInStrings(item, search, replacement));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, replaceInStrings(inner, search, replacement)]),
    );
  }
  return value;
}

/** Round-trips through JSON so handlers see and return only what crosses the Lambda boundary. */
function throughJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
