import type { RequestStore } from '../../domain/request/request-store.js';
import type { BinaryObjectStore, ObjectStore } from '../../domain/storage/object-store.js';
import type { ConsoleDeps, ReceivedMailDeps } from '../../web/console/console-deps.js';

/**
 * What one case's page needs, built once per container by the handler: it only reads — the case
 * and its history, the plan, the gathered copies and the mandate document, and the received mail
 * of a mail case. The actions on the case are another function (console-case-actions).
 */
export interface ConsoleCaseDeps extends ConsoleDeps, ReceivedMailDeps {
  readonly store: RequestStore;
  /** The request-data bucket: plans, gathered copies and mandate documents. */
  readonly objects: ObjectStore & BinaryObjectStore;
  readonly now: () => Date;
  /** Today's date in Oslo. */
  readonly today: () => string;
}
