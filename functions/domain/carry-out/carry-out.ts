import { transitionChange } from '../lifecycle/apply-transition.js';
import { TRANSITIONS, canTransition, isAnswered } from '../lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import { carryOutBuyerOnKeptInvoices } from './actions/buyer-action.js';
import { carryOutConsentChanges } from './actions/consent-withdrawal-action.js';
import { carryOutErasures } from './actions/erasure-action.js';
import { carryOutExport } from './actions/export-action.js';
import { carryOutChannelReservations } from './actions/objection-action.js';
import { carryOutProcessingObjection } from './actions/processing-objection-action.js';
import { carryOutRectification } from './actions/rectification-action.js';
import { carryOutRestriction } from './actions/restriction-action.js';
import { carryOutRetention } from './actions/retention-action.js';
import { CARRY_OUT_ACTOR, CarryOutContext } from './carry-out-context.js';
import type { CarryOutDeps } from './carry-out-deps.js';
import { loadPlan } from '../plan/load-plan.js';
import { pendingActionIds, plannedActionIds } from '../plan/planned-actions.js';

/** What the step returns into the execution: counts only, never data. */
export interface CarryOutSummary {
  readonly planned: number;
  /** Resolved in this run (a re-driven run resolves only what an earlier one did not). */
  readonly done: number;
  readonly refused: number;
}


/**
 * The order the plan's sections are carried out in: the export first (the copy shows what was held
 * before anything changed), then corrections, consents, channels and restriction, then the buyer
 * onto kept invoices (while the profile still holds it), then erasure,
 * and last the deletion dates of what the erasure kept.
 */
const SECTIONS = [
  carryOutExport,
  carryOutRectification,
  carryOutConsentChanges,
  carryOutChannelReservations,
  carryOutRestriction,
  carryOutProcessingObjection,
  carryOutBuyerOnKeptInvoices,
  carryOutErasures,
  carryOutRetention,
] as const;

/**
 * Workflow step after approval: carries out exactly the approved plan (`planKey`) and the
 * corrections of the decision. Moves the request to `carrying_out`, then resolves each action
 * once: `carriedOut[actionId]` and an `action.done`/`action.refused` audit entry (no personal
 * data) are written together after the action took effect, so a re-driven request repeats none.
 *
 * @throws {InvalidTransitionError} unless the recorded decision is an approval
 * @throws {PlanNotFoundError | PlanSubjectMismatchError} when the plan is missing or not this subject's
 * @throws {ErasureNotProvenError} when erased records are still found afterwards
 */
export async function carryOut(deps: CarryOutDeps, requestId: string): Promise<CarryOutSummary> {
  const request = await loadRequest(deps.store, requestId);
  // An approved request is answered by the reply (then closed): a re-driven execution passes through
  // those without acting; any other answered status (refused, unverified) never carries out.
  const carriedOutBefore = request.status === TRANSITIONS.reply_sent.to || request.status === TRANSITIONS.workflow_closed.to;
  if (request.decision?.outcome !== 'approved' || (isAnswered(request.status) && !carriedOutBefore)) {
    throw new InvalidTransitionError(requestId, request.status, 'carry out');
  }
  const plan = await loadPlan(deps.objects, request);
  const planned = plannedActionIds(plan, request.decision).length;
  if (carriedOutBefore) return { planned, done: 0, refused: 0 };

  const context = new CarryOutContext(deps, request, plan);
  if (canTransition(request.status, 'carry_out_started')) {
    await context.apply(transitionChange(request, 'carry_out_started', { actor: CARRY_OUT_ACTOR, at: deps.now().toISOString() }));
  }
  for (const section of SECTIONS) await section(context);

  const pending = pendingActionIds(context.request, plan);
  if (pending.length > 0) deps.logger.warn('carry_out.pending', { requestId, pending: pending.length });
  const refused = context.resolvedNow.filter((action) => action.outcome === 'refused').length;
  deps.logger.info('carry_out.finished', { requestId, planned, done: context.resolvedNow.length - refused, refused });
  return { planned, done: context.resolvedNow.length - refused, refused };
}
