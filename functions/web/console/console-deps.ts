import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { InboundMessage } from '../../domain/inbox/inbound-message.js';
import type { RawMailSource } from '../../domain/intake-mail/receive-mail.js';
import type { SignInDeps } from './sign-in/sign-in-routes.js';
import type { FormFields } from './form-fields.js';
import type { ConsoleContext } from './pages/console-context.js';

/**
 * What every console function needs before it serves a page: the sign-in (the gate's token
 * verifier, the revoked sessions, the console's origin for the CSRF check) and a logger. Each
 * console function's own deps extend this with the stores its area of work uses.
 */
export type ConsoleDeps = SignInDeps;

/** Received mail, read again from the raw message: the case page of a mail case and triage show it. */
export interface ReceivedMailDeps {
  /** Received mail (raw MIME) from the inbox bucket; nothing when the inbox is off. */
  readonly rawMail: RawMailSource;
  readonly parse: (raw: Buffer | string) => Promise<InboundMessage>;
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
