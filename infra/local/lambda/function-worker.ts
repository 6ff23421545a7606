// First, before any function module loads (see the module).
import '../local-process-env.js';
import { parentPort } from 'node:worker_threads';
import { countHttpCalls, httpCallCounts } from './http-call-counter.js';
import { LocalFunctions } from './local-functions.js';
import type { WorkerMessage, WorkerOutcome } from './function-worker-pool.js';

/**
 * One execution environment of the local runtime's worker pool (see `function-worker-pool.ts`):
 * loads handlers on first use, as a Lambda environment does at cold start, with SDK clients
 * (and socket pools) of its own, and answers each invocation with the handler's result or the
 * thrown error's name and message (what Lambda reports).
 */
const functions = new LocalFunctions();
countHttpCalls();

parentPort!.on('message', (invocation: WorkerMessage) => {
  if (invocation.kind === 'count-calls') {
    parentPort!.postMessage({ id: invocation.id, result: httpCallCounts() } satisfies WorkerOutcome);
    return;
  }
  void functions.invoke(invocation.folder, invocation.event).then(
    (result) => parentPort!.postMessage({ id: invocation.id, result } satisfies WorkerOutcome),
    (error: unknown) =>
      parentPort!.postMessage({
        id: invocation.id,
        error:
          error instanceof Error
            ? { name: error.name || 'Error', message: error.message, stack: error.stack }
            : { name: 'Error', message: String(error) },
      } satisfies WorkerOutcome),
  );
});
