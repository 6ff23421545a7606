import * as z from 'zod/mini';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { TRANSITIONS, canTransition } from '../lifecycle/request-lifecycle.js';
import { ConcurrentChangeError } from '../request/request-errors.js';
import type { AuditEntry } from '../request/rights-request.js';
import type { StoreDeps } from '../request/request-store.js';

/** A mail SES could not deliver for good, or that its recipient reported as spam. */
export interface DeliveryProblem {
  readonly kind: 'bounce' | 'complaint';
  /** SES's message id, the one the sender recorded in `mailsSent`. */
  readonly messageId: string;
  /** The request the mail belongs to, from the `request` tag every send carries. */
  readonly requestId?: string;
  /** The `purpose` tag (e.g. `reply`), used when the message id is not in `mailsSent`. */
  readonly purposeTag?: string;
  /** `Permanent`, `Transient` or `Undetermined` for a bounce. */
  readonly bounceType?: string;
  /** The addresses that bounced or complained. */
  readonly addresses: readonly string[];
}

const tagValue = z.optional(z.array(z.string()));

/**
 * An SES event as a configuration set's SNS destination publishes it (the `eventType` form).
 * Only what the flagging needs is read; everything else is let through untouched.
 */
const SesEventSchema = z.looseObject({
    eventType: z.string(),
    mail: z.looseObject({
      messageId: z.string().check(z.minLength(1)),
      tags: z.optional(z.looseObject({ request: tagValue, purpose: tagValue })),
    }),
    bounce: z.optional(z.looseObject({ bounceType: z.string(), bouncedRecipients: z.array(z.looseObject({ emailAddress: z.string() })) })),
    complaint: z.optional(z.looseObject({ complainedRecipients: z.array(z.looseObject({ emailAddress: z.string() })) })),
  });

/** Raised for an SNS message that is not an SES bounce or complaint event. */
export class UnreadableMailEventError extends Error {
  override readonly name = 'UnreadableMailEventError';
}

/**
 * Reads one SES event published to SNS (the message text). Other event types (a delivery, say)
 * give `undefined`: the configuration set publishes only bounces and complaints, but a changed
 * destination must not flag cases.
 *
 * @throws UnreadableMailEventError when the text is not an SES event (the message never says why:
 *   it could name recipients)
 */
export function readSesEvent(message: string): DeliveryProblem | undefined {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    throw new UnreadableMailEventError('the SNS message is not JSON');
  }
  const parsed = SesEventSchema.safeParse(json);
  if (!parsed.success) throw new UnreadableMailEventError('the SNS message is not an SES event');
  const event = parsed.data;
  const tags = event.mail.tags;
  const common = { messageId: event.mail.messageId, requestId: tags?.request?.[0], purposeTag: tags?.purpose?.[0] };
  if (event.eventType === 'Bounce' && event.bounce) {
    return {
      ...common,
      kind: 'bounce',
      bounceType: event.bounce.bounceType,
      addresses: event.bounce.bouncedRecipients.map((recipient) => recipient.emailAddress.toLowerCase()),
    };
  }
  if (event.eventType === 'Complaint' && event.complaint) {
    return {
      ...common,
      kind: 'complaint',
      addresses: event.complaint.complainedRecipients.map((recipient) => recipient.emailAddress.toLowerCase()),
    };
  }
  return undefined;
}

/** What {@link recordDeliveryProblem} did. */
export type DeliveryProblemOutcome =
  | 'flagged'
  | 'recorded'
  | 'already_recorded'
  | 'transient_ignored'
  | 'no_request';

/** The audit event of an undeliverable mail; the case page and the tests read it by this name. */
export const UNDELIVERABLE_EVENT = TRANSITIONS.delivery_failed.audit;

const STAFF_REASON: Readonly<Record<DeliveryProblem['kind'], string>> = {
  bounce: 'E-posten kom ikke fram: mottakerens e-posttjener avviste den for godt. Kontakt personen på annen måte.',
  complaint: 'Mottakeren meldte e-posten som søppelpost. Sjekk om adressen er personens egen før noe mer sendes dit.',
};

/**
 * Flags a request for staff when a mail of it bounced for good or was reported as spam: a reply
 * that never arrived is not an answered request, and a code that never arrived stops the
 * verification. The request goes to `needs_attention` (reopened if it was closed) with one audit
 * entry that records which mail (purpose, message id) and the undeliverable addresses, in the
 * request's own record; the log gets ids and counts only.
 *
 * Idempotent on the message id: SNS may deliver an event twice. Transient bounces (a full
 * mailbox) are left to SES's own retries.
 */
export async function recordDeliveryProblem(deps: StoreDeps, problem: DeliveryProblem): Promise<DeliveryProblemOutcome> {
  if (problem.kind === 'bounce' && problem.bounceType !== 'Permanent') {
    deps.logger.info('mail.bounce_transient', { requestId: problem.requestId, bounceType: problem.bounceType });
    return 'transient_ignored';
  }
  // A bounce of the receipt arrives while the workflow is still writing the request: read it
  // again and retry rather than fail the event.
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(deps, problem);
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Attempts at writing the flag before the event is left to Lambda's retries. */
const MAX_ATTEMPTS = 5;

async function recordOnce(deps: StoreDeps, problem: DeliveryProblem): Promise<DeliveryProblemOutcome> {
  const request = problem.requestId === undefined ? undefined : await deps.store.get(problem.requestId);
  if (request === undefined) {
    // Staff mail (the deadline digest) carries no request; a staff mailbox bouncing is an ops matter.
    deps.logger.warn('mail.problem_without_request', { kind: problem.kind, recipients: problem.addresses.length });
    return 'no_request';
  }
  const trail = await deps.store.auditTrail(request.id);
  if (trail.some((entry) => entry.event === UNDELIVERABLE_EVENT && entry.detail?.messageId === problem.messageId)) {
    return 'already_recorded';
  }
  const purpose =
    Object.entries(request.mailsSent).find(([, sent]) => sent.messageId === problem.messageId)?.[0] ?? problem.purposeTag ?? 'unknown';
  const at = deps.now().toISOString();
  const entry: AuditEntry = {
    requestId: request.id,
    at,
    event: UNDELIVERABLE_EVENT,
    actor: 'system:ses',
    reason: STAFF_REASON[problem.kind],
    detail: {
      kind: problem.kind,
      purpose,
      messageId: problem.messageId,
      ...(problem.bounceType === undefined ? {} : { bounceType: problem.bounceType }),
      undeliverableAddresses: [...problem.addresses],
    },
  };
  const fields = { requestId: request.id, kind: problem.kind, purpose, recipients: problem.addresses.length };
  // Already with staff: the problem is recorded without a status change.
  if (!canTransition(request.status, 'delivery_failed')) {
    await deps.store.appendAudit(request.id, entry);
    deps.logger.warn('mail.undeliverable', fields);
    return 'recorded';
  }
  await transitionRequest(deps.store, request, 'delivery_failed', entry);
  deps.logger.warn('mail.undeliverable', { ...fields, fromStatus: request.status });
  return 'flagged';
}
