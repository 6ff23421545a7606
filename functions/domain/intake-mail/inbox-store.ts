import type { AuditEntry } from '../request/rights-request.js';
import type { InboxLogEntry, QuarantineEntry, TriageEntry } from './inbox-entries.js';

/** The first mail seen with a Message-ID, as recorded when it claimed the id. */
export interface MessageHolder {
  readonly inboxId: string;
  /** The case that mail made or was attached to, once its outcome is recorded. */
  readonly caseId?: string;
}

export type ClaimResult =
  /** This mail holds the Message-ID: it is the first, or this is a retry of the same delivery. */
  | { readonly first: true }
  /** Another delivery already holds it: this mail is a duplicate. */
  | { readonly first: false; readonly heldBy: MessageHolder };

/** At most `max` automatic answers per sender within `windowMs`. */
export interface AutoAnswerPolicy {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * The single outcome of one received mail, written all or nothing: the log line, the triage or
 * quarantine entry it produced, the audit entries it adds to a case (follow-up, authenticity),
 * and the outcome on the Message-ID's claim.
 */
export interface OutcomeRecord {
  readonly log: InboxLogEntry;
  readonly triage?: TriageEntry;
  readonly quarantine?: QuarantineEntry;
  readonly caseAudit?: readonly AuditEntry[];
}

/**
 * Where the e-mail intake keeps what it received. The DynamoDB adapter keeps it in the requests
 * table under its own keys, listed by fixed partitions (never a scan); tests use a fake.
 */
export interface InboxStore {
  /**
   * Claims a Message-ID (by its key) for the mail `inboxId`, conditionally: the same id received
   * twice makes one case. A retry of the same delivery finds its own claim and is `first` again.
   */
  claimMessage(claim: { readonly messageKey: string; readonly inboxId: string; readonly receivedAt: string }): Promise<ClaimResult>;
  /** For each key of an earlier mail that led to a case (made or followed up): that case's id. */
  casesForMessages(messageKeys: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * Takes one automatic answer for the sender if fewer than `policy.max` were taken within the
   * window before `at`; false when the limit is reached. Idempotent per `inboxId`: a retry of the
   * same mail gets the answer it got the first time without taking another.
   */
  takeAutoAnswer(senderKey: string, inboxId: string, at: Date, policy: AutoAnswerPolicy): Promise<boolean>;
  /** Writes an outcome once; `recorded: false` when this mail's outcome was already written. */
  recordOutcome(record: OutcomeRecord): Promise<{ readonly recorded: boolean }>;
  /** Triage entries: possible breaches first, then the rest; each group oldest first. */
  listTriage(): AsyncIterable<TriageEntry>;
  /** Quarantined mails, oldest first. */
  listQuarantine(): AsyncIterable<QuarantineEntry>;
  /** Every mail received on an Oslo calendar date, in order of receipt, with its outcome. */
  listLog(receiptDate: string): AsyncIterable<InboxLogEntry>;
}
