/** Typed failures of the e-mail intake. Messages name identifiers only, never mail content. */

/** The event is not an SES receipt event with a Lambda action: a wiring bug, not a mail to keep. */
export class InvalidSesEventError extends Error {
  override readonly name = 'InvalidSesEventError';
  constructor(readonly issues: readonly string[]) {
    super(`invalid SES receipt event at ${issues.join(', ') || 'root'}`);
  }
}

/** The per-sender auto-answer log kept changing under us; worth retrying (Lambda does). */
export class InboxContentionError extends Error {
  override readonly name = 'InboxContentionError';
  constructor() {
    super('auto-answer log changed concurrently too often');
  }
}
