import type { Mailer } from '../../domain/mail/mailer.js';
import type { RequestStore } from '../../domain/request/request-store.js';
import type { TaskCallbacks } from '../../domain/request/workflow-starter.js';
import type { RestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import type { BinaryObjectStore, ObjectStore } from '../../domain/storage/object-store.js';
import type { CustomerLookup } from '../../domain/verification/verification-deps.js';
import type { ConsoleDeps } from '../../web/console/console-deps.js';

/**
 * What the actions on one case need, built once per container by the handler: the request store,
 * the plan and gathered copies (deleted when staff close a case) and mandate documents, the mailer
 * and the waiting workflow steps, the customer lookup of a manual verification and the Art. 18 flags.
 */
export interface ConsoleCaseActionsDeps extends ConsoleDeps {
  readonly store: RequestStore;
  /** The request-data bucket: plans, gathered copies and mandate documents. */
  readonly objects: ObjectStore & BinaryObjectStore;
  readonly mailer: Mailer;
  readonly callbacks: TaskCallbacks;
  readonly customers: CustomerLookup;
  /** The Art. 18 flag in the customer-data stores: a disputed correction sets it, lifting clears it. */
  readonly flags: RestrictionFlags;
  readonly now: () => Date;
  /** Today's date in Oslo. */
  readonly today: () => string;
}
