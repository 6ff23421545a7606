import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { InboxStore } from '../../domain/intake-mail/inbox-store.js';
import type { InboundMessage } from '../../domain/inbox/inbound-message.js';
import type { RawMailSource } from '../../domain/intake-mail/receive-mail.js';
import type { Mailer } from '../../domain/mail/mailer.js';
import type { RequestStore } from '../../domain/request/request-store.js';
import type { SubmitRequestDeps } from '../../domain/request/submit-request.js';
import type { TaskCallbacks } from '../../domain/request/workflow-starter.js';
import type { RestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import type { PostalLetterStore } from '../../domain/post/postal-letter.js';
import type { BinaryObjectStore, ObjectStore } from '../../domain/storage/object-store.js';
import type { CustomerLookup } from '../../domain/verification/verification-deps.js';
import type { SignInDeps } from './sign-in/sign-in-routes.js';
import type { FormFields } from './form-fields.js';
import type { ConsoleContext } from './pages/console-context.js';

/**
 * Everything the console needs, built once per container by the handler: the stores, the mailer
 * and the workflow for the actions, the sign-in for the gate. Pages are pure; routes take this.
 */
export interface StaffConsoleDeps extends SignInDeps, SubmitRequestDeps {
  readonly store: RequestStore;
  readonly inbox: InboxStore;
  /** The request-data bucket: plans and gathered copies (deleted when staff close a case). */
  readonly objects: ObjectStore & BinaryObjectStore;
  /** Letters to people without e-mail, to make as PDF and mark posted. */
  readonly postalLetters: PostalLetterStore;
  readonly mailer: Mailer;
  readonly callbacks: TaskCallbacks;
  readonly customers: CustomerLookup;
  /** The Art. 18 flag in the customer-data stores: a disputed correction sets it, lifting clears it. */
  readonly flags: RestrictionFlags;
  /** Received mail (raw MIME), to show a mail case's message and to turn triaged mail into a case. */
  readonly rawMail: RawMailSource;
  readonly parse: (raw: Buffer | string) => Promise<InboundMessage>;
  /** Today's date in Oslo. */
  readonly today: () => string;
  /** The system's own addresses: refused as a requester's on the intake page and in triage. */
  readonly isSystemAddress?: (address: string) => boolean;
}

/**
 * Who is asking, for the routes: the page context and the actor the audit trail records. It lives
 * here, beside the deps, so that the routes never import the router that imports them.
 */
export interface ConsoleRequest {
  readonly event: APIGatewayProxyEventV2;
  readonly context: ConsoleContext;
  readonly actor: string;
  /** The checked form of a POST; empty for a GET. */
  readonly form: FormFields;
  /** The file of an upload form (the mandate document); absent for every other form. */
  readonly upload?: Uint8Array;
}
