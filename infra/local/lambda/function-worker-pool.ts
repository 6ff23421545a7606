import { availableParallelism } from 'node:os';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { addCallCounts } from './http-call-counter.js';
import type { FunctionInvoker } from './local-functions.js';

/** What a worker is asked: to invoke a function, or for the HTTP calls its functions made. */
export type WorkerMessage =
  | { readonly kind: 'invoke'; readonly id: number; readonly folder: string; readonly event: unknown }
  | { readonly kind: 'count-calls'; readonly id: number };

/** A worker's answer: the handler's result, or what it threw (name and message, as Lambda reports). */
export type WorkerOutcome =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: { readonly name: string; readonly message: string; readonly stack?: string } };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * How many invocations a worker runs at once by default; more wait in the pool. Lambda gives each
 * invocation an environment of its own, so its timeout counts only its own work: a worker running
 * hundreds at once would let each take longer than its function's timeout (the verify page
 * answered 500 for one in five requests at 1,000 requests), and the time they spend interleaved
 * is CPU the queue does not cost.
 */
export const DEFAULT_IN_FLIGHT_PER_WORKER = 32;

/** How many environments the pool runs by default: one per core the machine offers. */
export const defaultWorkerCount = (): number => Math.max(1, availableParallelism());

/**
 * Runs function invocations in worker threads, each an execution environment of its own as
 * Lambda gives every function (its own module instances, SDK clients and socket pools), so the
 * local runtime uses every core: the gateway, the Step Functions interpreter and the emulators
 * stay on the main thread, the handlers' work (SDK calls, zod, rendering) spreads over the workers.
 * Each invocation goes to the worker with the fewest in flight; when every worker runs
 * `inFlightPerWorker`, it waits its turn in the pool (first come, first served). A worker that dies fails its
 * invocations (the workflow's Retry and the callers see an error, as when a Lambda environment
 * crashes) and is replaced on the next invocation. Threads die with the process, so a SIGKILL of
 * the runtime leaves nothing behind.
 */
export class FunctionWorkerPool implements FunctionInvoker {
  private readonly workers: (PoolWorker | undefined)[];
  private nextId = 0;
  private stopped = false;
  /** Invocations waiting for a worker to have room, first come first served. */
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number = defaultWorkerCount(),
    private readonly inFlightPerWorker: number = DEFAULT_IN_FLIGHT_PER_WORKER,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a worker pool needs at least one worker, got ${size}`);
    if (!Number.isInteger(inFlightPerWorker) || inFlightPerWorker < 1) throw new Error(`a worker must run at least one invocation at once, got ${inFlightPerWorker}`);
    this.workers = Array.from({ length: size }, () => undefined);
  }

  async invoke(folder: string, event: unknown): Promise<unknown> {
    let queued = this.waiting.length > 0;
    for (;;) {
      if (this.stopped) throw new Error('the local function pool is stopped');
      const target = this.leastBusy();
      if (!queued && target.pending.size < this.inFlightPerWorker) return this.ask(target, { kind: 'invoke', folder, event });
      // Woken with room: go now; otherwise (someone took it) wait at the front again.
      await new Promise<void>((resolve) => (queued ? this.waiting.push(resolve) : this.waiting.unshift(resolve)));
      queued = false;
    }
  }

  /** Invocations waiting for room in a worker (for diagnostics and tests). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Lets the longest-waiting invocation try again, now that one ended. */
  private admitNext(): void {
    this.waiting.shift()?.();
  }

  /** HTTP calls (to the emulators, by `host:port`) the functions made in every running worker. */
  async httpCallCounts(): Promise<Record<string, number>> {
    const running = this.workers.filter((entry): entry is PoolWorker => entry !== undefined);
    const counts = await Promise.all(running.map((entry) => this.ask(entry, { kind: 'count-calls' }) as Promise<Record<string, number>>));
    return addCallCounts(...counts);
  }

  private ask(target: PoolWorker, message: DistributiveOmit<WorkerMessage, 'id'>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ ...message, id } as WorkerMessage);
    });
  }

  /** Ends every worker; invocations still in flight fail. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Waiting invocations wake to find the pool stopped, and fail.
    for (const wake of this.waiting.splice(0)) wake();
    const running = this.workers.filter((entry): entry is PoolWorker => entry !== undefined);
    this.workers.fill(undefined);
    await Promise.all(running.map((entry) => entry.worker.terminate()));
  }

  private leastBusy(): PoolWorker {
    let best: PoolWorker | undefined;
    for (let slot = 0; slot < this.size; slot++) {
      const entry = this.workers[slot] ?? (this.workers[slot] = this.spawn(slot));
      if (!best || entry.pending.size < best.pending.size) best = entry;
    }
    return best!;
  }

  private spawn(slot: number): PoolWorker {
    // The environment is shared, as the stack sets some variables (the gateway's URL) after the
    // pool exists; handlers read them when they first load, as in-process.
    const worker = new Worker(new URL('./function-worker-entry.mjs', import.meta.url), { env: SHARE_ENV });
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on('message', (outcome: WorkerOutcome) => {
      const pending = entry.pending.get(outcome.id);
      if (!pending) return;
      entry.pending.delete(outcome.id);
      if ('error' in outcome) pending.reject(rebuiltError(outcome.error));
      else pending.resolve(outcome.result);
      this.admitNext();
    });
    const fail = (error: Error): void => {
      if (this.workers[slot] === entry) this.workers[slot] = undefined;
      for (const pending of entry.pending.values()) {
        pending.reject(error);
        this.admitNext();
      }
      entry.pending.clear();
    };
    worker.on('error', (error) => {
      // Said on stderr without the error's text, which may quote an event (personal data).
      if (!this.stopped) process.stderr.write(`A local function worker failed (${error.name}); its invocations fail and a new one starts.\n`);
      fail(error);
    });
    worker.on('exit', (code) => fail(new Error(`a local function worker exited (code ${code})`)));
    return entry;
  }
}

/** The error a handler threw, rebuilt on this side with its name and message (what Lambda keeps). */
function rebuiltError(thrown: { name: string; message: string; stack?: string }): Error {
  const error = new Error(thrown.message);
  error.name = thrown.name;
  if (thrown.stack) error.stack = thrown.stack;
  return error;
}
