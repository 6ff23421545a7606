import {
  TriageResolutionRecordSchema,
  type InboxLogEntry,
  type QuarantineEntry,
  type TriageEntry,
  type TriageResolution,
  type TriageResolutionRecord,
} from '../../../functions/domain/intake-mail/inbox-entries.js';
import type {
  AutoAnswerPolicy,
  ClaimResult,
  InboxStore,
  OutcomeRecord,
} from '../../../functions/domain/intake-mail/inbox-store.js';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import { TriageAlreadyResolvedError, TriageEntryNotFoundError } from '../../../functions/domain/triage/triage-errors.js';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const utc = (instant: string): string => new Date(instant).toISOString();

/**
 * In-memory {@link InboxStore} with the DynamoDB adapter's semantics, for unit tests: a claim is
 * first once per Message-ID key (and again for the same inbox id), an outcome is written once per
 * inbox id (all or nothing), lists come in the adapter's key order (urgent triage first, then by
 * UTC receipt time). A resolved triage entry leaves `triage` for `resolvedTriage`, once.
 */
export class InMemoryInboxStore implements InboxStore {
  readonly claims = new Map<string, { inboxId: string; caseId?: string; outcome?: string }>();
  readonly log = new Map<string, InboxLogEntry>();
  readonly triage: TriageEntry[] = [];
  /** Triage entries staff resolved, with their resolution, by inbox id. */
  readonly resolvedTriage = new Map<string, TriageEntry>();
  readonly quarantine: QuarantineEntry[] = [];
  /** Audit entries the intake added to cases (follow-ups, authenticity), by case id. */
  readonly caseAudit = new Map<string, AuditEntry[]>();
  readonly autoAnswers = new Map<string, { inboxId: string; at: number }[]>();

  async claimMessage(claim: { messageKey: string; inboxId: string; receivedAt: string }): Promise<ClaimResult> {
    const holder = this.claims.get(claim.messageKey);
    if (!holder) {
      this.claims.set(claim.messageKey, { inboxId: claim.inboxId });
      return { first: true };
    }
    if (holder.inboxId === claim.inboxId) return { first: true };
    return { first: false, heldBy: { inboxId: holder.inboxId, caseId: holder.caseId } };
  }

  async casesForMessages(messageKeys: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const found = new Map<string, string>();
    for (const key of messageKeys) {
      const caseId = this.claims.get(key)?.caseId;
      if (caseId) found.set(key, caseId);
    }
    return found;
  }

  async takeAutoAnswer(senderKey: string, inboxId: string, at: Date, policy: AutoAnswerPolicy): Promise<boolean> {
    const answers = this.autoAnswers.get(senderKey) ?? [];
    if (answers.some((answer) => answer.inboxId === inboxId)) return true;
    const recent = answers.filter((answer) => answer.at > at.getTime() - policy.windowMs);
    if (recent.length >= policy.max) return false;
    this.autoAnswers.set(senderKey, [...recent, { inboxId, at: at.getTime() }]);
    return true;
  }

  async recordOutcome(record: OutcomeRecord): Promise<{ recorded: boolean }> {
    const { log } = record;
    if (this.log.has(log.inboxId)) return { recorded: false };
    if (log.messageKey && ['case', 'follow_up', 'triage'].includes(log.outcome)) {
      const claim = this.claims.get(log.messageKey);
      if (claim?.inboxId !== log.inboxId) throw new Error('outcome written by a mail that does not hold the claim');
      claim.outcome = log.outcome;
      if (log.caseId) claim.caseId = log.caseId;
    }
    this.log.set(log.inboxId, copy(log));
    if (record.triage) this.triage.push(copy(record.triage));
    if (record.quarantine) this.quarantine.push(copy(record.quarantine));
    for (const entry of record.caseAudit ?? []) {
      this.caseAudit.set(entry.requestId, [...(this.caseAudit.get(entry.requestId) ?? []), copy(entry)]);
    }
    return { recorded: true };
  }

  async *listTriage(): AsyncIterable<TriageEntry> {
    const key = (entry: TriageEntry) => `${entry.urgent ? 0 : 1}#${utc(entry.receivedAt)}#${entry.inboxId}`;
    yield* [...this.triage].sort((a, b) => key(a).localeCompare(key(b)));
  }

  async *listQuarantine(): AsyncIterable<QuarantineEntry> {
    const key = (entry: QuarantineEntry) => `${utc(entry.receivedAt)}#${entry.inboxId}`;
    yield* [...this.quarantine].sort((a, b) => key(a).localeCompare(key(b)));
  }

  async *listLog(receiptDate: string): AsyncIterable<InboxLogEntry> {
    const key = (entry: InboxLogEntry) => `${utc(entry.receivedAt)}#${entry.inboxId}`;
    yield* [...this.log.values()].filter((entry) => osloCalendarDate(entry.receivedAt) === receiptDate).sort((a, b) => key(a).localeCompare(key(b)));
  }

  async getTriage(inboxId: string): Promise<TriageEntry | undefined> {
    const entry = this.resolvedTriage.get(inboxId) ?? this.triage.find((candidate) => candidate.inboxId === inboxId);
    return entry && copy(entry);
  }

  async getQuarantine(inboxId: string): Promise<QuarantineEntry | undefined> {
    const entry = this.quarantine.find((candidate) => candidate.inboxId === inboxId);
    return entry && copy(entry);
  }

  async resolveTriage(
    inboxId: string,
    resolution: TriageResolution,
    actor: string,
    at: string,
    caseAudit?: AuditEntry,
  ): Promise<TriageResolutionRecord> {
    const resolved = this.resolvedTriage.get(inboxId)?.resolution;
    if (resolved) throw new TriageAlreadyResolvedError(inboxId, resolved);
    const index = this.triage.findIndex((candidate) => candidate.inboxId === inboxId);
    if (index < 0) throw new TriageEntryNotFoundError(inboxId);
    const record = TriageResolutionRecordSchema.parse({ ...resolution, by: actor, at });
    const [entry] = this.triage.splice(index, 1);
    this.resolvedTriage.set(inboxId, { ...entry!, resolution: copy(record) });
    const log = this.log.get(inboxId);
    if (log) {
      this.log.set(inboxId, { ...log, resolution: copy(record) });
      const claim = log.messageKey ? this.claims.get(log.messageKey) : undefined;
      if (record.outcome === 'case' && claim?.inboxId === inboxId) claim.caseId = record.caseId;
    }
    if (caseAudit) this.caseAudit.set(caseAudit.requestId, [...(this.caseAudit.get(caseAudit.requestId) ?? []), copy(caseAudit)]);
    return copy(record);
  }

  /** Every log entry, whatever its date. */
  entries(): InboxLogEntry[] {
    return [...this.log.values()];
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
