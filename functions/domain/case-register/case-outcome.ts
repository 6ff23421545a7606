import type { RightsRequest } from '../request/rights-request.js';

/**
 * How a case ended, as stable codes for the register and the dashboard (labels live in
 * `register-labels.ts`). `partly_refused` is not among them: whether an approved case was carried
 * out only in part (a correction refused, erasure records kept by law) is in the audit trail and
 * the plan, not in the request record the register is derived from.
 */
export const CASE_OUTCOMES = [
  'open',
  'carried_out',
  'refused',
  'unverified',
  'merged',
  'manifestly_unfounded',
  'excessive',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

type OutcomeFacts = Pick<RightsRequest, 'status' | 'decision' | 'closure'> & Partial<Pick<RightsRequest, 'marketingStop'>>;

/**
 * The outcome of a case from its record alone. A case is `open` until its status is `closed`,
 * even when the answer has just been sent, so the register never reports an outcome the workflow
 * has not finished. A staff closure (merged, Art. 12(5) refusal) names its own kind; otherwise the
 * staff decision decides; a closed case without a decision can only have been closed because the
 * requester's identity was never confirmed (the one workflow path that closes before a decision).
 */
export function caseOutcome(request: OutcomeFacts): CaseOutcome {
  if (request.status !== 'closed') return 'open';
  if (request.closure) return request.closure.kind;
  if (request.decision?.outcome === 'approved') return 'carried_out';
  if (request.decision?.outcome === 'rejected') return 'refused';
  // A marketing stop alone is carried out on the fast path, with no identity check and no decision.
  if (request.marketingStop) return 'carried_out';
  return 'unverified';
}
