import type { TriageResolutionRecord } from '../intake-mail/inbox-entries.js';

/** Typed failures of staff triage. Messages name inbox ids only, never mail content. */

/** The mail has no triage entry (a wrong id, or a mail that became a case or was quarantined). */
export class TriageEntryNotFoundError extends Error {
  override readonly name = 'TriageEntryNotFoundError';
  constructor(readonly inboxId: string) {
    super(`no triage entry for inbox mail ${inboxId}`);
  }
}

/**
 * The entry was resolved before — by a double click or a colleague. Carries the decision that
 * stands, so the console can say what became of the mail.
 */
export class TriageAlreadyResolvedError extends Error {
  override readonly name = 'TriageAlreadyResolvedError';
  constructor(
    readonly inboxId: string,
    readonly resolution: TriageResolutionRecord,
  ) {
    super(`triage entry for inbox mail ${inboxId} is already resolved (${resolution.outcome})`);
  }
}

/** The raw mail of a triage entry is gone from the bucket, so its text cannot become the case's details. */
export class TriageMailMissingError extends Error {
  override readonly name = 'TriageMailMissingError';
  constructor(readonly inboxId: string) {
    super(`raw mail of triage entry ${inboxId} is missing`);
  }
}
