import type { FieldError } from '../request/request-submission.js';
import type { RequestStore } from '../request/request-store.js';
import { submitRequest, type SubmitRequestDeps } from '../request/submit-request.js';
import { validateManualIntake } from './manual-intake-form.js';

/** The same dependencies as the web form's: a manual request is stored and started the same way. */
export interface RegisterManualRequestDeps extends SubmitRequestDeps {
  /** The system's own addresses (configured sender, digest, MAIL FROM domain), refused as a requester's. */
  readonly isSystemAddress?: (address: string) => boolean;
}

export interface RegisterManualRequestInput {
  /**
   * The intake page's fields as posted: `channel`, `received_date`, `received_time`,
   * `intake_note`, and the public form's `name`, `email`, `phone`, `types`, `details`, `language`.
   */
  readonly form: Readonly<Record<string, unknown>>;
  /** `staff:<username>`: recorded as who registered the request. */
  readonly actor: string;
  /** The page's double-submit key: sending the same form twice registers one request. */
  readonly idempotencyKey?: string;
}

export type RegisterManualRequestResult =
  | { readonly ok: true; readonly id: string; readonly dueDate: string; readonly created: boolean }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Audit event of the staff note (the same event as a note added on the case page). */
export const NOTE_ADDED_EVENT = 'note.added';
/** Marks the note written at registration, so a retried registration writes it once. */
const INTAKE_NOTE_SOURCE = 'manual_intake';

/**
 * Registers a request that came by phone or post, as staff took it down (Art. 12(2): every
 * channel counts). It is received at the ORIGINAL time staff give, so the due date runs from the
 * call or the letter's arrival and not from the typing (Art. 12(3)); it goes through the public
 * form's validation and `submitRequest`, so it is stored and its workflow started exactly like a
 * web request. Staff's note on how it arrived follows the first audit entry as `note.added`.
 *
 * Returns field errors (Norwegian, under the page's field names) without writing anything when
 * the form is not valid.
 *
 * @throws IdempotencyKeyReusedError when the page's key was already used for a different form
 */
export async function registerManualRequest(
  deps: RegisterManualRequestDeps,
  input: RegisterManualRequestInput,
): Promise<RegisterManualRequestResult> {
  const validation = validateManualIntake(input.form, deps.now(), { isSystemAddress: deps.isSystemAddress });
  if (!validation.ok) return validation;
  const { channel, receivedAt, note, submission } = validation.value;

  const result = await submitRequest(deps, {
    submission,
    channel,
    receivedAt: deps.formatInstant(receivedAt),
    idempotencyKey: input.idempotencyKey,
    actor: input.actor,
  });
  // A repeated form finds its request; the note is written unless an earlier attempt did.
  if (result.created || !(await hasIntakeNote(deps.store, result.id))) {
    await deps.store.appendAudit(result.id, {
      requestId: result.id,
      at: deps.now().toISOString(),
      event: NOTE_ADDED_EVENT,
      actor: input.actor,
      reason: note,
      detail: { source: INTAKE_NOTE_SOURCE, channel },
    });
  }
  deps.logger.info('intake.manual_registered', { requestId: result.id, channel, created: result.created });
  return { ok: true, id: result.id, dueDate: result.dueDate, created: result.created };
}

async function hasIntakeNote(store: RequestStore, requestId: string): Promise<boolean> {
  const trail = await store.auditTrail(requestId);
  return trail.some((entry) => entry.event === NOTE_ADDED_EVENT && entry.detail?.source === INTAKE_NOTE_SOURCE);
}
