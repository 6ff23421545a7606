import { CASE_CONFIDENCE_THRESHOLD, type Recognition } from '../inbox/inbound-message.js';
import type { TriageReason } from './inbox-entries.js';

export type Route = { readonly to: 'case' } | { readonly to: 'triage'; readonly reason: TriageReason };

/**
 * Where a recognised mail goes. A case only when recognition is sure it is the sender's own
 * rights request; everything else is listed for staff, never answered automatically:
 * - a possible personal-data breach first of all (Art. 33: 72 hours), whatever else it says;
 * - a request about someone else in the writer's own interest (an employer, an authority, another
 *   customer): no data subject's request at all, staff decide whether the law allows a disclosure;
 * - a request on behalf of someone else (Art. 15 covers the data subject's own data: the mandate
 *   must be checked before anything is disclosed);
 * - rights asked for with too little confidence → `uncertain`;
 * - no rights asked for → `not_a_request` when recognition is sure, else `uncertain`.
 */
export function routeRecognition(recognition: Recognition): Route {
  if (recognition.possibleBreach) return { to: 'triage', reason: 'possible_breach' };
  if (recognition.thirdParty) return { to: 'triage', reason: 'third_party' };
  if (recognition.onBehalfOfOther) return { to: 'triage', reason: 'on_behalf_of_other' };
  const sure = recognition.confidence >= CASE_CONFIDENCE_THRESHOLD;
  if (recognition.types.length > 0) return sure ? { to: 'case' } : { to: 'triage', reason: 'uncertain' };
  return { to: 'triage', reason: sure ? 'not_a_request' : 'uncertain' };
}
