import type { RequestStore } from '../../domain/request/request-store.js';
import type { ConsoleDeps } from '../../web/console/console-deps.js';

/** The queue, the dashboard and the register read requests; sign-in and sign-out need only the console's own deps. */
export interface ConsoleQueueDeps extends ConsoleDeps {
  readonly store: RequestStore;
  /** Today's date in Oslo. */
  readonly today: () => string;
}
