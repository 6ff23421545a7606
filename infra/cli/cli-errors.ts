/** A mistake in how the CLI was called; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command could not be carried out (unknown request, stack not running); exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}
