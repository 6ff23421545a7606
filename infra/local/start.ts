import { checkPrerequisites, MissingPrerequisiteError } from './prerequisites.js';
import { startBanner } from './start-banner.js';
import { DEFAULT_DATA_DIR, readRunningStack, removeEndpoints, writeEndpoints } from './local-settings.js';

/**
 * `npm start`: runs the whole system on this machine and stops everything it started on Ctrl-C.
 * Data stays in `.local-data/` between runs; unfinished requests are re-driven at start.
 */
async function main(): Promise<void> {
  // Local mode runs on the machine's Node (20+); Lambda runs the newest runtime, so the SDK's
  // notice about future Node versions is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    checkPrerequisites();
  } catch (error) {
    if (error instanceof MissingPrerequisiteError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const dataDir = process.env.DSR_DATA_DIR ?? DEFAULT_DATA_DIR;
  const port = Number(process.env.PORT ?? 3000);
  const sesPort = Number(process.env.SES_PORT ?? 8005);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const running = readRunningStack(dataDir);
  if (running) {
    process.stderr.write(`Local mode is already running (pid ${running.pid}) at ${running.urls.app}; stop it first.\n`);
    process.exit(1);
  }
  // Imported after the checks: the stack module loads the emulators.
  const { startLocalStack } = await import('./local-stack.js');
  const { defaultWorkerCount } = await import('./lambda/function-worker-pool.js');
  // Functions run in worker threads, one per core (LOCAL_FUNCTION_WORKERS=0 keeps them on the main thread).
  const functionWorkers = Number(process.env.LOCAL_FUNCTION_WORKERS ?? defaultWorkerCount());
  if (!Number.isInteger(functionWorkers) || functionWorkers < 0) {
    throw new Error(`LOCAL_FUNCTION_WORKERS must be a whole number, got "${process.env.LOCAL_FUNCTION_WORKERS}"`);
  }
  process.stdout.write('Starting OBOS Nærkontor rights-request pipeline in local mode…\n');
  const stack = await startLocalStack({
    dataDir,
    port,
    sesPort,
    // An outbox kept outside this process (a crash test's); `npm start` runs its own.
    sesEndpoint: process.env.SES_ENDPOINT || undefined,
    seedDemo: true,
    deadlineWatch: true,
    functionWorkers,
    onJobError: (job) => process.stderr.write(`The scheduled job ${job} failed; see its log line above.\n`),
    logLevel: (process.env.LOG_LEVEL as 'warn' | undefined) ?? 'warn',
  });
  writeEndpoints(dataDir, stack.environment, stack.urls);
  process.stdout.write(startBanner(stack, dataDir));
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping…\n');
    removeEndpoints(dataDir);
    await stack.stop();
    process.stdout.write('Stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Local mode failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
