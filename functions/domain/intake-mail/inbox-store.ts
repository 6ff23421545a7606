import type { AuditEntry } from '../request/rights-request.js';
import type { InboxLogEntry, QuarantineEntry, TriageEntry, TriageResolution, TriageResolutionRecord } from './inbox-entries.js';

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
  /**
   * The triage entry of one mail, open or resolved (then with its `resolution`); `undefined` when
   * the mail did not go to triage. Read by key, for the console's actions on one entry.
   */
  getTriage(inboxId: string): Promise<TriageEntry | undefined>;
  /** The quarantine entry of one mail; `undefined` when the mail was not quarantined. */
  getQuarantine(inboxId: string): Promise<QuarantineEntry | undefined>;
  /**
   * Resolves a triage entry, once, all or nothing: the entry leaves the triage list (it stays
   * readable through {@link getTriage}), the decision is recorded on the mail's log line, so the
   * log still accounts for every mail, and — for a case — the mail's Message-ID claim points at
   * the case, so a reply to the mail is attached to it as a follow-up. `caseAudit` is added to
   * the case's trail in the same write, so the case says where it came from exactly when the
   * mail says where it went.
   *
   * @throws TriageEntryNotFoundError when the mail has no triage entry
   * @throws TriageAlreadyResolvedError when it was resolved before (a double click, a colleague)
   */
  resolveTriage(
    inboxId: string,
    resolution: TriageResolution,
    actor: string,
    at: string,
    caseAudit?: AuditEntry,
  ): Promise<TriageResolutionRecord>;
}
