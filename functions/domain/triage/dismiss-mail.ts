import type { Logger } from '../../platform/logger.js';
import { DISMISS_REASON_MAX_LENGTH, type TriageResolutionRecord } from '../intake-mail/inbox-entries.js';
import type { InboxStore } from '../intake-mail/inbox-store.js';
import type { FieldError } from '../request/request-submission.js';
import { TriageAlreadyResolvedError } from './triage-errors.js';

export interface DismissMailDeps {
  readonly inbox: InboxStore;
  readonly now: () => Date;
  readonly logger: Logger;
}

export interface DismissMailInput {
  readonly inboxId: string;
  /** Why the mail is not a rights request (or is handled elsewhere), as posted in `reason`. */
  readonly reason: unknown;
  /** `staff:<username>`: recorded as who dismissed the mail. */
  readonly actor: string;
}

export type DismissMailResult =
  | { readonly ok: true; readonly resolution: TriageResolutionRecord }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export const REASON_FIELD = 'reason';
export const DISMISS_REASON_MIN_LENGTH = 3;

/**
 * Dismisses a triaged mail that is not a rights request (an invoice question, spam, a breach
 * report handled by the breach routine), with staff's reason. The mail leaves the triage list and
 * its log line keeps the decision, so every received mail stays accounted for (Art. 5(2)).
 * The same person dismissing twice (a double click) gets the first dismissal back.
 *
 * @throws TriageEntryNotFoundError when the mail has no triage entry
 * @throws TriageAlreadyResolvedError when it was made into a case, or dismissed by someone else
 */
export async function dismissMail(deps: DismissMailDeps, input: DismissMailInput): Promise<DismissMailResult> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length < DISMISS_REASON_MIN_LENGTH || reason.length > DISMISS_REASON_MAX_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          field: REASON_FIELD,
          message: `Skriv hvorfor e-posten avvises (${DISMISS_REASON_MIN_LENGTH}–${DISMISS_REASON_MAX_LENGTH} tegn). Begrunnelsen lagres i innboksloggen.`,
        },
      ],
    };
  }
  try {
    const resolution = await deps.inbox.resolveTriage(input.inboxId, { outcome: 'dismissed', reason }, input.actor, deps.now().toISOString());
    deps.logger.info('triage.dismissed', { inboxId: input.inboxId });
    return { ok: true, resolution };
  } catch (error) {
    if (error instanceof TriageAlreadyResolvedError && error.resolution.outcome === 'dismissed' && error.resolution.by === input.actor) {
      return { ok: true, resolution: error.resolution };
    }
    throw error;
  }
}
