import { afterEach, describe, expect, it } from 'vitest';
import { FunctionWorkerPool } from '../../../infra/local/lambda/function-worker-pool.js';
import { LocalFunctions } from '../../../infra/local/lambda/local-functions.js';

let pool: FunctionWorkerPool | undefined;
afterEach(async () => {
  await pool?.stop();
  pool = undefined;
});

/** What an invocation threw, or a failure when it did not throw. */
async function thrownBy(invocation: Promise<unknown>): Promise<Error> {
  try {
    await invocation;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the invocation did not fail');
}

describe('the local runtime’s worker pool', () => {
  it('reports a function’s error with the name and message it has on the main thread (what the workflow’s Retry and Catch match)', async () => {
    // Without the stack's environment the handler's configuration check fails at load, in both places.
    const env = { ...process.env };
    delete process.env.REQUESTS_TABLE_NAME;
    delete process.env.REQUEST_DATA_BUCKET;
    try {
      pool = new FunctionWorkerPool(2);
      const inWorker = await thrownBy(pool.invoke('purge-exports', {}));
      const inProcess = await thrownBy(new LocalFunctions().invoke('purge-exports', {}));
      expect(inWorker).toBeInstanceOf(Error);
      expect(inWorker.name).toBe('ConfigurationError');
      expect(inWorker.name).toBe(inProcess.name);
      expect(inWorker.message).toBe(inProcess.message);
      expect(inWorker.message).toMatch(/REQUESTS_TABLE_NAME/);
    } finally {
      process.env = env;
    }
  }, 60_000);

  it('answers many invocations at once, each with its own outcome, and refuses new ones once stopped', async () => {
    pool = new FunctionWorkerPool(2);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) => pool!.invoke(index % 2 === 0 ? 'purge-exports' : 'no-such-function', {})),
    );
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    const reasons = outcomes.map((outcome) => ((outcome as PromiseRejectedResult).reason as Error).message);
    expect(reasons.filter((reason) => /REQUESTS_TABLE_NAME|REQUEST_DATA_BUCKET/.test(reason))).toHaveLength(3);
    expect(reasons.filter((reason) => /no-such-function/.test(reason))).toHaveLength(3);
    await pool.stop();
    await expect(pool.invoke('purge-exports', {})).rejects.toThrow(/stopped/);
  }, 60_000);

  it('runs at most so many invocations in a worker at once; the others wait their turn and then run', async () => {
    pool = new FunctionWorkerPool(1, 1);
    const invocations = Array.from({ length: 6 }, (_, index) => pool!.invoke(index % 2 === 0 ? 'purge-exports' : 'no-such-function', {}));
    expect(pool.queued).toBe(5);

    const outcomes = await Promise.allSettled(invocations);

    expect(pool.queued).toBe(0);
    const reasons = outcomes.map((outcome) => ((outcome as PromiseRejectedResult).reason as Error).message);
    expect(reasons.map((reason) => (/no-such-function/.test(reason) ? 'unknown' : 'config'))).toEqual(['config', 'unknown', 'config', 'unknown', 'config', 'unknown']);
  }, 60_000);

  it('fails invocations still waiting when it stops', async () => {
    pool = new FunctionWorkerPool(1, 1);
    const first = pool.invoke('purge-exports', {});
    const waiting = pool.invoke('purge-exports', {});
    first.catch(() => undefined);
    // Handled before the stop rejects it, so the rejection is never an unhandled one.
    const refused = expect(waiting).rejects.toThrow(/stopped/);
    await pool.stop();
    await refused;
  }, 60_000);

  it('needs at least one worker, each running at least one invocation at once', () => {
    expect(() => new FunctionWorkerPool(0)).toThrow(/at least one worker/);
    expect(() => new FunctionWorkerPool(1, 0)).toThrow(/at least one invocation/);
  });
});
