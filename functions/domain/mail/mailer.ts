/** One outgoing mail, rendered in the requester's language. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** What the mail is for (`acknowledgement`, `reply`), used in tags and the audit trail. */
  readonly purpose: string;
  readonly requestId: string;
}

/** Sends mail; the SES v2 adapter implements it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
}
