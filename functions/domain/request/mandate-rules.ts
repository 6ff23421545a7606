import type { RightsRequest } from './rights-request.js';
import { otherThanMarketingStop, type RequestType } from './request-vocabulary.js';

/**
 * Where a request made on someone's behalf stands with its mandate:
 * - `not_needed`: the data subject asked themselves;
 * - `missing`: no document attached yet («Fullmakt mangler»);
 * - `attached`: a document waits for staff to check it;
 * - `refused`: staff found it does not give the representative the right to ask;
 * - `expired`: accepted, but its last valid day has passed;
 * - `out_of_scope`: accepted, but not for every right asked for;
 * - `accepted`: the request may be carried out and answered to the representative.
 */
export type MandateState = 'not_needed' | 'missing' | 'attached' | 'refused' | 'expired' | 'out_of_scope' | 'accepted';

/**
 * The rights a mandate must cover: all the request asks for except a marketing stop, which takes
 * effect at once for anyone who asks (stopping marketing discloses nothing and harms no one).
 */
export const rightsNeedingMandate = (types: readonly RequestType[]): RequestType[] => otherThanMarketingStop(types);

/** Where the request stands with its mandate on `today` (an Oslo calendar date, `YYYY-MM-DD`). */
export function mandateState(request: Pick<RightsRequest, 'representative' | 'mandate' | 'types'>, today: string): MandateState {
  if (!request.representative) return 'not_needed';
  const mandate = request.mandate;
  if (!mandate?.document) return 'missing';
  if (mandate.status === 'attached') return 'attached';
  if (mandate.status === 'refused') return 'refused';
  if (mandate.validUntil !== undefined && mandate.validUntil < today) return 'expired';
  const scope = new Set(mandate.scope ?? []);
  return rightsNeedingMandate(request.types).every((type) => scope.has(type)) ? 'accepted' : 'out_of_scope';
}

/** Staff-facing words for each state (the queue's and the case page's badge). */
export const MANDATE_STATE_LABELS: Readonly<Record<MandateState, string>> = {
  not_needed: 'Ingen representant',
  missing: 'Fullmakt mangler',
  attached: 'Fullmakt til kontroll',
  refused: 'Fullmakt ikke godtatt',
  expired: 'Fullmakten er utløpt',
  out_of_scope: 'Fullmakten dekker ikke alle rettighetene',
  accepted: 'Fullmakt godtatt',
};

/**
 * A request made on someone's behalf is approved (and so carried out and answered to the
 * representative) only under an accepted mandate that is still valid and covers every right
 * asked for. Staff may still refuse the request, e.g. because no mandate came.
 */
export class MandateNotAcceptedError extends Error {
  override readonly name = 'MandateNotAcceptedError';
  constructor(readonly state: MandateState) {
    super(`the representative's mandate does not allow carrying out the request (${state})`);
  }
}

/** @throws {MandateNotAcceptedError} unless the request may be carried out for its representative. */
export function assertMandateAllowsApproval(request: Pick<RightsRequest, 'representative' | 'mandate' | 'types'>, today: string): void {
  const state = mandateState(request, today);
  if (state !== 'not_needed' && state !== 'accepted') throw new MandateNotAcceptedError(state);
}
