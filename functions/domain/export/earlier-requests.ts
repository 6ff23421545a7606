import * as z from 'zod/mini';
import { caseOutcome, CASE_OUTCOMES, type CaseOutcome } from '../case-register/case-outcome.js';
import type { Localised } from '../letters/art15-information.js';
import type { Language } from '../request/request-vocabulary.js';
import { ChannelSchema, InstantSchema, RequestTypeSchema, type AuditEntry, type RightsRequest } from '../request/rights-request.js';
import type { RequestStore } from '../request/request-store.js';
import { auditTrailForCopy, correspondenceOf, type AuditTrailItem, type CorrespondenceItem } from './correspondence.js';

/** An earlier rights request of the same person, with how it ended (Art. 15(3): we hold it). */
export const EarlierRequestSchema = z.object({
  reference: z.string(),
  receivedAt: InstantSchema,
  channel: ChannelSchema,
  types: z.array(RequestTypeSchema),
  outcome: z.enum(CASE_OUTCOMES),
  /** The outcome in the package's language. */
  outcomeText: z.string(),
  /** When it was closed; absent while it is open. */
  closedAt: z.optional(InstantSchema),
});
export type EarlierRequest = z.infer<typeof EarlierRequestSchema>;

const OUTCOME_TEXT: Readonly<Record<CaseOutcome, Localised>> = {
  open: { nb: 'Under behandling', nn: 'Under behandling', en: 'Being handled' },
  carried_out: { nb: 'Gjennomført', nn: 'Gjennomført', en: 'Carried out' },
  refused: { nb: 'Avslått med begrunnelse', nn: 'Avslått med grunngiving', en: 'Refused, with reasons' },
  unverified: { nb: 'Avsluttet fordi identiteten ikke ble bekreftet', nn: 'Avslutta fordi identiteten ikkje vart stadfesta', en: 'Closed because identity was not confirmed' },
  merged: { nb: 'Slått sammen med en annen sak', nn: 'Slått saman med ei anna sak', en: 'Merged with another case' },
  manifestly_unfounded: { nb: 'Avvist som åpenbart grunnløs', nn: 'Avvist som openbert grunnlaus', en: 'Refused as manifestly unfounded' },
  excessive: { nb: 'Avvist som overdreven', nn: 'Avvist som overdriven', en: 'Refused as excessive' },
};

/** What the copy holds from the person's request history: earlier cases, all mails, this case's trail. */
export interface SubjectHistory {
  readonly earlierRequests: readonly EarlierRequest[];
  readonly correspondence: readonly CorrespondenceItem[];
  readonly auditTrail: readonly AuditTrailItem[];
}

/**
 * Who the person is proven to be, for finding their earlier cases: the customers they were
 * verified as and the addresses registered for them; or, when they proved only an address, that
 * address. A typed, unproven address never finds anything.
 */
export interface ProvenIdentity {
  readonly customerIds: readonly string[];
  readonly emails: readonly string[];
}

const closedAt = (request: RightsRequest, trail: readonly AuditEntry[]): string | undefined =>
  request.status === 'closed' ? ([...trail].reverse().find((entry) => entry.toStatus === 'closed')?.at ?? request.updatedAt) : undefined;

/**
 * Reads the person's request history: their earlier requests (by proven customer id or e-mail,
 * through the subject lookup keys), the mails of this and every earlier case, and this case's
 * audit trail. Requests received after this one are not "earlier" and are left out.
 */
export async function readSubjectHistory(
  store: Pick<RequestStore, 'requestIdsBySubject' | 'get' | 'auditTrail'>,
  request: RightsRequest,
  identity: ProvenIdentity,
  language: Language,
): Promise<SubjectHistory> {
  const ids = (await store.requestIdsBySubject({ emails: identity.emails, customerIds: identity.customerIds })).filter((id) => id !== request.id);
  const earlier: { request: RightsRequest; trail: AuditEntry[] }[] = [];
  for (const id of ids) {
    const found = await store.get(id);
    if (!found || Date.parse(found.receivedAt) > Date.parse(request.receivedAt)) continue;
    earlier.push({ request: found, trail: await store.auditTrail(id) });
  }
  earlier.sort((a, b) => Date.parse(a.request.receivedAt) - Date.parse(b.request.receivedAt));
  const trail = await store.auditTrail(request.id);
  return {
    earlierRequests: earlier.map(({ request: previous, trail: previousTrail }) => {
      const outcome = caseOutcome(previous);
      const closed = closedAt(previous, previousTrail);
      return {
        reference: previous.id,
        receivedAt: previous.receivedAt,
        channel: previous.channel,
        types: [...previous.types],
        outcome,
        outcomeText: OUTCOME_TEXT[outcome][language],
        ...(closed ? { closedAt: closed } : {}),
      };
    }),
    correspondence: [
      ...earlier.flatMap(({ request: previous, trail: previousTrail }) => correspondenceOf(previous.id, previousTrail, language)),
      ...correspondenceOf(request.id, trail, language),
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    auditTrail: auditTrailForCopy(trail),
  };
}
