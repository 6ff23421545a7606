import { randomBytes } from 'node:crypto';
import { InvalidTokenError, TaskDoesNotExistError, TaskTimedOutError } from './api-errors.js';

/** Shape of every token this runtime issues: base64url of 32 random bytes. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The error a waiting task fails with after SendTaskFailure. Its `name` is the caller's `error`,
 * because that is what the state's Retry/Catch `ErrorEquals` match; its message is the `cause`,
 * which the library copies into the Catch output's `Cause`.
 */
export class TaskFailedError extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

interface PendingTask {
  readonly executionArn: string;
  readonly stateName: string;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  expiryTimer: unknown;
}

/** A token handed to a waiting task, with the promise the task waits on. */
export interface IssuedToken {
  readonly token: string;
  readonly result: Promise<unknown>;
}

/**
 * Issues and settles `.waitForTaskToken` tokens. A token is good for exactly one result: once the
 * task received output or failure, timed out, or its execution ended, further calls get
 * TaskTimedOut, as on AWS. Closed tokens are remembered (as `null`) so they are told apart from
 * tokens that never existed.
 */
export class TaskTokenRegistry {
  readonly #tokens = new Map<string, PendingTask | null>();
  /**
   * The tokens still waiting, by execution: asking for one execution's (the load bench does it for
   * every running request, many times a second) or closing them when it ends must not walk every
   * token ever issued, which made the local runtime's CPU grow with the number of requests served.
   */
  readonly #waitingByExecution = new Map<string, Set<string>>();

  /**
   * Creates a fresh, unguessable token for one attempt of a waiting state.
   *
   * @param expireAfterMs when set, the token is closed after this long; pass the state's own
   *   timeout so a result sent after the library has timed the task out is refused, not swallowed.
   */
  issue(executionArn: string, stateName: string, expireAfterMs?: number): IssuedToken {
    const token = randomBytes(32).toString('base64url');
    let resolve!: (output: unknown) => void;
    let reject!: (error: Error) => void;
    const result = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const task: PendingTask = { executionArn, stateName, resolve, reject, expiryTimer: undefined };
    if (expireAfterMs !== undefined) {
      task.expiryTimer = setTimeout(() => this.#close(token), expireAfterMs);
    }
    this.#tokens.set(token, task);
    let waiting = this.#waitingByExecution.get(executionArn);
    if (!waiting) this.#waitingByExecution.set(executionArn, (waiting = new Set()));
    waiting.add(token);
    return { token, result };
  }

  /** Completes the task with `output` (already parsed JSON). */
  succeed(token: string, output: unknown): void {
    const task = this.#pending(token);
    this.#close(token);
    task.resolve(output);
  }

  /** Fails the task; `error` becomes the name Retry/Catch match, `cause` the Catch `Cause`. */
  fail(token: string, error: string, cause: string): void {
    const task = this.#pending(token);
    this.#close(token);
    task.reject(new TaskFailedError(error, cause));
  }

  /** Fails the task with an error the caller built (e.g. the invoked function's own error). */
  failWith(token: string, error: Error): void {
    const task = this.#tokens.get(token);
    if (!task) return;
    this.#close(token);
    task.reject(error);
  }

  /** Confirms the task is still waiting (heartbeats have no other effect locally). */
  heartbeat(token: string): void {
    this.#pending(token);
  }

  /**
   * Closes every token of an execution that has ended. With `reason`, waiting tasks are rejected
   * with it so the library's pending task timers are cleared instead of lingering for months.
   */
  closeExecution(executionArn: string, reason?: Error): void {
    for (const token of [...(this.#waitingByExecution.get(executionArn) ?? [])]) {
      const task = this.#tokens.get(token);
      this.#close(token);
      if (task && reason) task.reject(reason);
    }
  }

  /** Tokens still waiting for a result, for diagnostics and tests. */
  pendingTokens(executionArn: string): { token: string; stateName: string }[] {
    return [...(this.#waitingByExecution.get(executionArn) ?? [])].map((token) => ({
      token,
      stateName: this.#tokens.get(token)?.stateName ?? '',
    }));
  }

  #pending(token: string): PendingTask {
    if (!TOKEN_PATTERN.test(token)) throw new InvalidTokenError('Invalid Token');
    const task = this.#tokens.get(token);
    if (task === undefined) throw new TaskDoesNotExistError('Task does not exist');
    if (task === null) throw new TaskTimedOutError("Task Timed Out: 'Provided task does not exist anymore'");
    return task;
  }

  #close(token: string): void {
    const task = this.#tokens.get(token);
    if (task?.expiryTimer !== undefined) clearTimeout(task.expiryTimer as Parameters<typeof clearTimeout>[0]);
    if (task) {
      const waiting = this.#waitingByExecution.get(task.executionArn);
      waiting?.delete(token);
      if (waiting?.size === 0) this.#waitingByExecution.delete(task.executionArn);
    }
    this.#tokens.set(token, null);
  }
}
