import { nextDailyRunAt } from '../../functions/domain/deadline-watch/daily-run-time.js';

/**
 * Runs `job` every day at the Oslo hour AWS runs it (07:00), re-armed after each run so the time
 * follows daylight saving rather than drifting by an hour. The timer never keeps the process alive.
 */
export function scheduleDailyJob(
  job: () => Promise<unknown>,
  onError: (error: unknown) => void = () => undefined,
  now: () => Date = () => new Date(),
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = (): void => {
    if (stopped) return;
    const delay = Math.max(0, nextDailyRunAt(now()).getTime() - now().getTime());
    timer = setTimeout(() => {
      void job()
        .catch(onError)
        .finally(arm);
    }, delay);
    timer.unref();
  };
  arm();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
