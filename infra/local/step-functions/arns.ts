import { InvalidArnError, InvalidNameError } from './api-errors.js';

const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[^:\s]+$/;
const EXECUTION_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[^:\s]+:[^:\s]+$/;
// AWS forbids whitespace, brackets, wildcards, these specials and control characters in names.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME_CHARACTERS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** @throws InvalidArnError unless `arn` is a well-formed state machine ARN. */
export function assertStateMachineArn(arn: string): void {
  if (!STATE_MACHINE_ARN.test(arn)) throw new InvalidArnError(`Invalid Arn: '${arn}'`);
}

/** @throws InvalidArnError unless `arn` is a well-formed execution ARN. */
export function assertExecutionArn(arn: string): void {
  if (!EXECUTION_ARN.test(arn)) throw new InvalidArnError(`Invalid Arn: '${arn}'`);
}

/** @throws InvalidNameError when AWS would refuse `name` as an execution name. */
export function assertExecutionName(name: string): void {
  if (name.length < 1 || name.length > 80 || FORBIDDEN_NAME_CHARACTERS.test(name)) {
    throw new InvalidNameError(`Invalid Name: '${name}'`);
  }
}

/** The execution ARN AWS derives from a state machine ARN and an execution name. */
export function executionArnFor(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** The last ARN segment (the resource name). */
export function arnResourceName(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}
