/**
 * The Step Functions API errors the local runtime can raise. Each carries the AWS error code
 * (`type`) so the HTTP endpoint can answer in AWS's own shape and `@aws-sdk/client-sfn` raises
 * the same named exception application code already handles in production.
 */

/** AWS error codes (the `__type` of an AWS JSON 1.0 error body) this runtime can answer with. */
export type SfnErrorCode =
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'StateMachineDoesNotExist'
  | 'InvalidArn'
  | 'InvalidName'
  | 'InvalidExecutionInput'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'ValidationException'
  | 'SerializationException'
  | 'UnknownOperationException';

/**
 * Base of every error the local Step Functions API reports to its caller (as opposed to a bug):
 * the HTTP endpoint turns it into a 400 response with `__type` = {@link StepFunctionsApiError.code}.
 */
export abstract class StepFunctionsApiError extends Error {
  abstract readonly code: SfnErrorCode;
}

/** A running execution already has this name with a different input, or a closed one has the name. */
export class ExecutionAlreadyExistsError extends StepFunctionsApiError {
  override readonly name = 'ExecutionAlreadyExistsError';
  readonly code = 'ExecutionAlreadyExists';
}

/** No execution has this ARN. */
export class ExecutionDoesNotExistError extends StepFunctionsApiError {
  override readonly name = 'ExecutionDoesNotExistError';
  readonly code = 'ExecutionDoesNotExist';
}

/** The state machine ARN is well formed but not the one this runtime executes. */
export class StateMachineDoesNotExistError extends StepFunctionsApiError {
  override readonly name = 'StateMachineDoesNotExistError';
  readonly code = 'StateMachineDoesNotExist';
}

/** The ARN is not a syntactically valid state machine or execution ARN. */
export class InvalidArnError extends StepFunctionsApiError {
  override readonly name = 'InvalidArnError';
  readonly code = 'InvalidArn';
}

/** The execution name breaks AWS's naming rules (length, whitespace, brackets, special characters). */
export class InvalidNameError extends StepFunctionsApiError {
  override readonly name = 'InvalidNameError';
  readonly code = 'InvalidName';
}

/** The execution input is not valid JSON. */
export class InvalidExecutionInputError extends StepFunctionsApiError {
  override readonly name = 'InvalidExecutionInputError';
  readonly code = 'InvalidExecutionInput';
}

/** The SendTaskSuccess output is not valid JSON. */
export class InvalidOutputError extends StepFunctionsApiError {
  override readonly name = 'InvalidOutputError';
  readonly code = 'InvalidOutput';
}

/** The task token is not one this runtime could have issued (wrong shape). */
export class InvalidTokenError extends StepFunctionsApiError {
  override readonly name = 'InvalidTokenError';
  readonly code = 'InvalidToken';
}

/** The task token is well formed but was never issued. */
export class TaskDoesNotExistError extends StepFunctionsApiError {
  override readonly name = 'TaskDoesNotExistError';
  readonly code = 'TaskDoesNotExist';
}

/**
 * The task behind the token is over: it already received a result, timed out, or its execution
 * finished. AWS answers these cases with TaskTimedOut too.
 */
export class TaskTimedOutError extends StepFunctionsApiError {
  override readonly name = 'TaskTimedOutError';
  readonly code = 'TaskTimedOut';
}

/** A request field is missing or has the wrong type. */
export class ValidationError extends StepFunctionsApiError {
  override readonly name = 'ValidationError';
  readonly code = 'ValidationException';
}

/** The request body is not JSON. */
export class SerializationError extends StepFunctionsApiError {
  override readonly name = 'SerializationError';
  readonly code = 'SerializationException';
}

/** The `X-Amz-Target` operation is missing or not supported locally. */
export class UnknownOperationError extends StepFunctionsApiError {
  override readonly name = 'UnknownOperationError';
  readonly code = 'UnknownOperationException';
}
