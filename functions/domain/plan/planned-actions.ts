import type { ActionPlan, RecordCategory } from './action-plan.js';
import type { Decision, RightsRequest } from '../request/rights-request.js';

/**
 * Stable ids of the plan's actions, the keys of `request.carriedOut`. An id is recorded once its
 * action is resolved (done, or refused with a reason in the audit trail), so a re-driven request
 * repeats none of them.
 */
export const ACTION_IDS = {
  export: 'export',
  rectify: (customerId: string, field: string) => `rectify:${customerId}:${field}`,
  consent: (kind: string) => `consent:${kind}`,
  reserve: (channel: string) => `reserve:${channel}`,
  restrict: 'restrict',
  /** Art. 21(1) objection upheld: the purpose stops for the subject. */
  stopPurpose: (purpose: string) => `stop-purpose:${purpose}`,
  /** The buyer's name and address written onto kept invoices before the profile is erased. */
  buyer: 'buyer:invoice',
  erase: (category: RecordCategory, method: string) => `erase:${category}:${method}`,
  retain: (category: RecordCategory, until: string) => `retain:${category}:${until}`,
  /** Art. 19 notice to a recipient (by the notify-recipients step). */
  notify: (recipientId: string) => `notify:${recipientId}`,
} as const;

/**
 * The order erasures run in: dependent records before what they refer to (payments before their
 * invoices) and the profile last, so every earlier step can still resolve the customer.
 */
export const ERASURE_ORDER: readonly RecordCategory[] = [
  'payment',
  'invoice',
  'door_event',
  'service_note',
  'subscription',
  'consent',
  'reservation',
  'profile',
];

/** The plan's erasures in {@link ERASURE_ORDER}. */
export const orderedErasures = (plan: ActionPlan): ActionPlan['erasures'] =>
  [...plan.erasures].sort((a, b) => ERASURE_ORDER.indexOf(a.category) - ERASURE_ORDER.indexOf(b.category));

/**
 * Whether carrying out the plan must first write the buyer onto kept invoices: it erases a profile
 * while it keeps invoices, which must still show the buyer's name and address
 * (bokføringsforskriften § 5-1-1) after the profile is gone.
 */
export const keepsBuyerOnInvoices = (plan: ActionPlan): boolean =>
  plan.erasures.some((erasure) => erasure.category === 'profile' && erasure.recordIds.length > 0) &&
  plan.kept.some((kept) => kept.category === 'invoice' && kept.recordIds.length > 0);

/** Whether the plan makes an export package: only when there is customer data to put in it. */
export const plansExport = (plan: ActionPlan): boolean => plan.export !== undefined && plan.customerIds.length > 0;

/** Kept groups with an end date, merged per category and date: each is one scheduling action. */
export function retentionGroups(plan: ActionPlan): { category: RecordCategory; until: string; recordIds: string[] }[] {
  const groups = new Map<string, { category: RecordCategory; until: string; recordIds: string[] }>();
  for (const kept of plan.kept) {
    if (!kept.until) continue;
    const id = ACTION_IDS.retain(kept.category, kept.until);
    const group = groups.get(id) ?? { category: kept.category, until: kept.until, recordIds: [] };
    group.recordIds.push(...kept.recordIds);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** Every action id the carry-out step resolves for this plan and decision, in execution order. */
export function plannedActionIds(plan: ActionPlan, decision: Pick<Decision, 'corrections'> | undefined): string[] {
  if (plan.customerIds.length === 0) return [];
  return [
    ...(plansExport(plan) ? [ACTION_IDS.export] : []),
    ...[...new Set((decision?.corrections ?? []).map((c) => ACTION_IDS.rectify(c.customerId, c.field)))],
    ...plan.consentChanges.map((change) => ACTION_IDS.consent(change.kind)),
    ...plan.channelReservations.map((reservation) => ACTION_IDS.reserve(reservation.channel)),
    ...(plan.restrict ? [ACTION_IDS.restrict] : []),
    ...(plan.processingObjection ? [ACTION_IDS.stopPurpose(plan.processingObjection.purpose)] : []),
    ...(keepsBuyerOnInvoices(plan) ? [ACTION_IDS.buyer] : []),
    ...orderedErasures(plan).map((erasure) => ACTION_IDS.erase(erasure.category, erasure.method)),
    ...retentionGroups(plan).map((group) => ACTION_IDS.retain(group.category, group.until)),
  ];
}

/** The planned action ids not yet recorded as resolved on the request. */
export function pendingActionIds(request: Pick<RightsRequest, 'carriedOut' | 'decision'>, plan: ActionPlan): string[] {
  const resolved = request.carriedOut ?? {};
  return plannedActionIds(plan, request.decision).filter((id) => !resolved[id]);
}
