/**
 * What a function lets an error leave with: its name and a fixed message.
 *
 * An error thrown out of a handler is written to the function's log by the Lambda runtime and, for
 * a workflow task, stored by Step Functions as the Catch output's `Cause` (kept with the execution
 * history for 90 days). Messages routinely carry data from the request: an SES rejection names the
 * recipient, a validation error quotes the value. The name is what the ASL's `ErrorEquals` and the
 * alarms need, so it is kept; the message and the stack of the original are not.
 */
export const WITHHELD_MESSAGE = 'details withheld (they may contain personal data); see the function log by request id';

/** An error carrying only the name of the error it replaces. */
export class WithheldError extends Error {
  constructor(name: string) {
    super(WITHHELD_MESSAGE);
    // An own property, so the runtime's `errorType` (and the ASL's ErrorEquals) see the original name.
    this.name = name;
    // Recaptured after the rename so the stack's first line shows the name, not `Error`.
    Error.captureStackTrace?.(this, WithheldError);
  }
}

/**
 * The error to throw out of a handler in place of `error`: same name, message withheld. Errors
 * that carry no message of their own (anything that is not an `Error`) become `Error`.
 */
export function withheld(error: unknown): WithheldError {
  const name = error instanceof Error && error.name.length > 0 ? error.name : 'Error';
  return new WithheldError(name);
}
