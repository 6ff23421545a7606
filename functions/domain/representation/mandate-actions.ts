import { createHash } from 'node:crypto';
import type { Logger } from '../../platform/logger.js';
import { osloCalendarDate } from '../deadline/index.js';
import { InvalidTransitionError, RequestNotFoundError } from '../request/request-errors.js';
import type { RequestStore } from '../request/request-store.js';
import { isOpenStatus } from '../lifecycle/request-lifecycle.js';
import { REQUEST_TYPES, type RequestType } from '../request/request-vocabulary.js';
import type { Mandate } from '../request/representative.js';
import type { RightsRequest } from '../request/rights-request.js';
import { OBJECT_KEYS, type BinaryObjectStore, type ObjectStore } from '../storage/object-store.js';
import { checkMandateDocument } from './mandate-document.js';

/** Audit events of the mandate (labelled in the console's audit-event-labels.ts). */
export const MANDATE_ATTACHED_EVENT = 'mandate.attached';
export const MANDATE_ACCEPTED_EVENT = 'mandate.accepted';
export const MANDATE_REFUSED_EVENT = 'mandate.refused';

export interface MandateDeps {
  readonly store: RequestStore;
  /** The encrypted request-data bucket, where the document is kept with the case. */
  readonly objects: BinaryObjectStore & Pick<ObjectStore, 'delete'>;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** A mandate action that staff can correct on the page (Norwegian message, the field it concerns). */
export class MandateActionError extends Error {
  override readonly name = 'MandateActionError';
  constructor(
    message: string,
    readonly field?: 'document' | 'scope' | 'valid_until' | 'note',
  ) {
    super(message);
  }
}

/** The shortest note accepted: it must say what was checked, not just «ok». */
export const MIN_MANDATE_NOTE_LENGTH = 10;

async function openRepresentedRequest(store: RequestStore, requestId: string, action: string): Promise<RightsRequest> {
  const request = await store.get(requestId);
  if (!request) throw new RequestNotFoundError(requestId);
  if (!request.representative) throw new MandateActionError('Saken er ikke fremmet av en representant, så den trenger ingen fullmakt.');
  // Once decided, the request is carried out or refused under what was recorded then.
  if (!isOpenStatus(request.status) || request.decision) throw new InvalidTransitionError(requestId, request.status, action);
  return request;
}

/**
 * Keeps the representative's mandate document with the case (encrypted bucket, under the case's
 * prefix, so it is deleted with the case's data) and records it as waiting for staff's check. A
 * new document replaces the earlier one and must be checked again. The object is written before
 * the record, so a crash leaves at most an unreferenced copy that the next attempt overwrites.
 *
 * @throws {MandateDocumentError} for an empty, too large or unsupported file
 */
export async function attachMandate(
  deps: MandateDeps,
  input: { readonly requestId: string; readonly actor: string; readonly bytes: Uint8Array },
): Promise<RightsRequest> {
  const document = checkMandateDocument(input.bytes);
  const request = await openRepresentedRequest(deps.store, input.requestId, 'attach mandate');
  const key = OBJECT_KEYS.mandate(request.id, document.extension);
  await deps.objects.putBytes(key, input.bytes, document.contentType);
  const earlier = request.mandate?.document?.key;
  const at = deps.now().toISOString();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const mandate: Mandate = {
    status: 'attached',
    document: { key, contentType: document.contentType, bytes: input.bytes.length, sha256, attachedBy: input.actor, attachedAt: at },
  };
  const updated = await deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: { mandate, updatedAt: at },
    audit: { requestId: request.id, at, event: MANDATE_ATTACHED_EVENT, actor: input.actor, detail: { contentType: document.contentType, bytes: input.bytes.length, sha256 } },
  });
  if (earlier && earlier !== key) await deps.objects.delete([earlier]);
  deps.logger.info('mandate.attached', { requestId: request.id, contentType: document.contentType });
  return updated;
}

export interface MandateDecisionInput {
  readonly requestId: string;
  readonly actor: string;
  readonly outcome: 'accepted' | 'refused';
  /** Accepted: the rights the mandate covers. */
  readonly scope?: readonly string[];
  /** Accepted: the last day the mandate is valid (`YYYY-MM-DD`). */
  readonly validUntil?: string;
  /** What staff checked (for a parent: the parental responsibility), or why it is refused. */
  readonly note: string;
}

/**
 * Records staff's check of the attached mandate: accepted with its scope, last valid day and what
 * was checked, or refused with why. The staff member is recorded as who checked it. Accepting
 * does not by itself carry anything out: the request still waits for staff's approval, which the
 * mandate now allows when it covers every right asked for.
 */
export async function decideMandate(deps: MandateDeps, input: MandateDecisionInput): Promise<RightsRequest> {
  const note = input.note.trim();
  if (note.length < MIN_MANDATE_NOTE_LENGTH) {
    throw new MandateActionError(
      input.outcome === 'accepted'
        ? 'Skriv hva du har kontrollert (for eksempel foreldreansvar ut fra fødselsattest, vergemål fra Statsforvalteren, advokatens fullmakt).'
        : 'Skriv hvorfor fullmakten ikke godtas. Grunnen står i saken.',
      'note',
    );
  }
  const request = await openRepresentedRequest(deps.store, input.requestId, `mandate ${input.outcome}`);
  if (!request.mandate?.document) throw new MandateActionError('Last opp fullmakten før den kontrolleres.', 'document');
  const today = osloCalendarDate(deps.now());
  let accepted: Pick<Mandate, 'scope' | 'validUntil'> = {};
  if (input.outcome === 'accepted') {
    const scope = (input.scope ?? []).filter((type): type is RequestType => (REQUEST_TYPES as readonly string[]).includes(type));
    if (scope.length === 0 || scope.length !== (input.scope ?? []).length) throw new MandateActionError('Kryss av for hvilke rettigheter fullmakten gjelder.', 'scope');
    const validUntil = input.validUntil?.trim() ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || Number.isNaN(Date.parse(`${validUntil}T00:00:00Z`))) {
      throw new MandateActionError('Skriv inn siste gyldige dag for fullmakten (ÅÅÅÅ-MM-DD).', 'valid_until');
    }
    if (validUntil < today) throw new MandateActionError('Fullmakten er allerede utløpt. Be om en ny fullmakt.', 'valid_until');
    accepted = { scope: [...new Set(scope)], validUntil };
  }
  const at = deps.now().toISOString();
  const mandate: Mandate = { ...request.mandate, status: input.outcome, ...accepted, note, checkedBy: input.actor, checkedAt: at };
  if (input.outcome === 'refused') {
    delete mandate.scope;
    delete mandate.validUntil;
  }
  const updated = await deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: { mandate, updatedAt: at },
    audit: {
      requestId: request.id,
      at,
      event: input.outcome === 'accepted' ? MANDATE_ACCEPTED_EVENT : MANDATE_REFUSED_EVENT,
      actor: input.actor,
      reason: note,
      detail: { relation: request.representative!.relation, ...accepted },
    },
  });
  deps.logger.info(`mandate.${input.outcome}`, { requestId: request.id });
  return updated;
}
