import { errorName } from '../../platform/logger.js';
import type { InboundMessage, Recognition } from '../inbox/inbound-message.js';
import { submissionFromMail } from '../intake-mail/email-submission.js';
import type { TriageEntry } from '../intake-mail/inbox-entries.js';
import { authenticityDetail } from '../intake-mail/sender-authentication.js';
import type { InboxStore } from '../intake-mail/inbox-store.js';
import type { RawMailSource } from '../intake-mail/receive-mail.js';
import type { FieldError, RequestSubmission } from '../request/request-submission.js';
import { submitRequest, type SubmitRequestDeps } from '../request/submit-request.js';
import type { AuditEntry } from '../request/rights-request.js';
import type { WorkflowStarter } from '../request/workflow-starter.js';
import { validateTriageCase } from './triage-case-form.js';
import { TriageAlreadyResolvedError, TriageEntryNotFoundError, TriageMailMissingError } from './triage-errors.js';

/** The web form's dependencies plus the inbox and the raw mail (a subset of the e-mail intake's). */
export interface TurnMailIntoCaseDeps extends SubmitRequestDeps {
  readonly inbox: InboxStore;
  readonly rawMail: RawMailSource;
  /** Parses raw MIME, as the intake did when the mail arrived. */
  readonly parse: (raw: Buffer | string) => Promise<InboundMessage>;
  /** The system's own addresses, refused as the requester's (staff may not make a loop either). */
  readonly isSystemAddress?: (address: string) => boolean;
}

export interface TurnMailIntoCaseInput {
  readonly inboxId: string;
  /**
   * The triage form's fields as posted: `types` (one or more rights) and, to correct what the
   * mail shows, `name`, `email`, `phone`, `language`. The details are always the mail's own text.
   */
  readonly form: Readonly<Record<string, unknown>>;
  /** `staff:<username>`: recorded as who made the case. */
  readonly actor: string;
}

export type TurnMailIntoCaseResult =
  /** `created: false` when the mail had already become this case (a double click, a retry). */
  | { readonly ok: true; readonly id: string; readonly dueDate: string; readonly created: boolean }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Audit event on the case: it was made by staff from a triaged mail. */
export const MAIL_TRIAGED_EVENT = 'mail.triaged';

/** The case is stored first; its workflow (and acknowledgement) starts once the mail is resolved. */
const NOT_YET: WorkflowStarter = { start: async () => undefined };

/**
 * Turns a mail staff judged to be a rights request into a case: channel `email`, received at the
 * mail's ORIGINAL receipt time (Art. 12(3): the month has been running since), with the rights
 * staff chose, the sender as requester (corrected where staff corrected it) and the sender's own
 * text as details, taken as the automatic path takes it. Then the triage entry is resolved with
 * the case — in the same write as the case's `mail.triaged` audit entry — and the workflow starts.
 *
 * One mail makes one case: the case is created under an idempotency key derived from the inbox
 * id, and the entry is resolved once. A double click, or a retry after a failure anywhere, finds
 * the same case and finishes what is missing.
 *
 * @throws TriageEntryNotFoundError when the mail has no triage entry
 * @throws TriageAlreadyResolvedError when the mail was dismissed, or made into another case meanwhile
 * @throws TriageMailMissingError when the raw mail is gone
 * @throws IdempotencyKeyReusedError when a failed earlier attempt stored the case with other corrections
 */
export async function turnMailIntoCase(deps: TurnMailIntoCaseDeps, input: TurnMailIntoCaseInput): Promise<TurnMailIntoCaseResult> {
  const entry = await deps.inbox.getTriage(input.inboxId);
  if (!entry) throw new TriageEntryNotFoundError(input.inboxId);
  if (entry.resolution?.outcome === 'case') return existingCase(deps, entry.resolution.caseId);
  if (entry.resolution) throw new TriageAlreadyResolvedError(input.inboxId, entry.resolution);

  const validation = validateTriageCase(entry, input.form, { isSystemAddress: deps.isSystemAddress });
  if (!validation.ok) return validation;
  const submission = { ...validation.value, details: await mailDetails(deps, entry, validation.value) };

  const created = await submitRequest(
    { ...deps, workflow: NOT_YET },
    { submission, channel: 'email', receivedAt: entry.receivedAt, idempotencyKey: `triage:${entry.inboxId}`, actor: input.actor },
  );
  const at = deps.now().toISOString();
  const audit: AuditEntry = {
    requestId: created.id,
    at,
    event: MAIL_TRIAGED_EVENT,
    actor: input.actor,
    detail: {
      inboxId: entry.inboxId,
      rawKey: entry.rawKey,
      triageReason: entry.reason,
      ...authenticityDetail(entry.authentication),
      addressCorrected: (submission.representative ?? submission).email !== entry.from?.address.trim().toLowerCase(),
    },
  };
  try {
    await deps.inbox.resolveTriage(entry.inboxId, { outcome: 'case', caseId: created.id }, input.actor, at, audit);
  } catch (error) {
    const sameCase = error instanceof TriageAlreadyResolvedError && error.resolution.outcome === 'case' && error.resolution.caseId === created.id;
    if (!sameCase) {
      // Resolved otherwise between our read and write (a colleague dismissed it): the stored case
      // is left unstarted for staff to see in the queue.
      deps.logger.warn('triage.case_not_resolved', { inboxId: entry.inboxId, requestId: created.id, error: errorName(error) });
      throw error;
    }
  }
  await startQuietly(deps, created.id);
  deps.logger.info('triage.case_created', { inboxId: entry.inboxId, requestId: created.id, created: created.created });
  return { ok: true, id: created.id, dueDate: created.dueDate, created: created.created };
}

/**
 * The sender's own text, cut as the automatic path cuts it. `submissionFromMail` also derives a
 * requester and rights; here those are staff's, so it is given them and only its details are used.
 */
async function mailDetails(deps: TurnMailIntoCaseDeps, entry: TriageEntry, chosen: RequestSubmission): Promise<string | undefined> {
  const raw = await deps.rawMail.read(entry.rawKey);
  if (raw === undefined) throw new TriageMailMissingError(entry.inboxId);
  const message = await deps.parse(raw);
  const recognition: Recognition = {
    types: chosen.types,
    language: chosen.language,
    confidence: entry.recognition?.confidence ?? 0,
    category: 'rights_request',
    onBehalfOfOther: entry.recognition?.onBehalfOfOther ?? false,
    thirdParty: entry.recognition?.thirdParty ?? false,
    possibleBreach: entry.recognition?.possibleBreach ?? false,
  };
  const sender = chosen.representative ?? chosen;
  return submissionFromMail({ ...message, from: { address: sender.email ?? '', name: sender.name } }, recognition)?.details;
}

/** The case the mail already became; its workflow is started if an earlier attempt stopped short. */
async function existingCase(deps: TurnMailIntoCaseDeps, caseId: string): Promise<TurnMailIntoCaseResult> {
  const request = await deps.store.get(caseId);
  if (!request) throw new Error('triage resolution points at a missing case');
  if (request.status === 'received') await startQuietly(deps, caseId);
  return { ok: true, id: caseId, dueDate: request.dueDate, created: false };
}

/** As for the web form: the case is stored, so a failed start is logged and left to the re-drive. */
async function startQuietly(deps: TurnMailIntoCaseDeps, requestId: string): Promise<void> {
  try {
    await deps.workflow.start(requestId);
  } catch (error) {
    deps.logger.error('workflow.start_failed', { requestId, error: errorName(error) });
  }
}
