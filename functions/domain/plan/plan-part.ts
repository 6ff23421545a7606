import type { CalendarDate } from '../deadline/index.js';
import type { GatheredData } from '../gather/gathered-data.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { ActionPlan, PlanAdjustment, Recipient } from './action-plan.js';
import { inCategoryOrder } from './record-refs.js';

/** What each request type's planner sees: the request, the data held and today's Oslo date. */
export interface PlanContext {
  readonly request: RightsRequest;
  readonly gathered: GatheredData;
  readonly today: CalendarDate;
  /** The verified data subject's customer ids; never empty (a requester without data is planned centrally). */
  readonly customerIds: readonly string[];
  /** Staff corrections of an erasure plan, oldest first; none on the first build. */
  readonly adjustments?: readonly PlanAdjustment[];
}

/** The actions of an {@link ActionPlan}: what one request type contributes. */
export type PlanActions = Pick<
  ActionPlan,
  | 'export'
  | 'corrections'
  | 'rectificationNeedsStaffInput'
  | 'erasures'
  | 'kept'
  | 'consentChanges'
  | 'channelReservations'
  | 'restrict'
  | 'processingObjection'
  | 'restriction'
  | 'recipientsToNotify'
  | 'refusals'
>;

/** One request type's contribution; what it leaves out it does not touch. */
export type PlanPart = Partial<PlanActions>;

export const NO_ACTIONS: PlanActions = {
  corrections: [],
  rectificationNeedsStaffInput: false,
  erasures: [],
  kept: [],
  consentChanges: [],
  channelReservations: [],
  restrict: false,
  recipientsToNotify: [],
  refusals: [],
};

function mergeExport(a: ActionPlan['export'], b: ActionPlan['export']): ActionPlan['export'] {
  if (!a || !b) return a ?? b;
  // Access and portability together: one package holding everything, with the machine-readable part.
  const counts = new Map([...a.categories, ...b.categories].map((entry) => [entry.category, entry.records]));
  return {
    portable: a.portable || b.portable,
    categories: inCategoryOrder(counts.keys()).map((category) => ({ category, records: counts.get(category) ?? 0 })),
  };
}

function mergeRecipients(a: readonly Recipient[], b: readonly Recipient[]): Recipient[] {
  const merged = new Map<string, Recipient>();
  for (const recipient of [...a, ...b]) {
    const key = `${recipient.id}|${recipient.reason}`;
    const existing = merged.get(key);
    merged.set(
      key,
      existing
        ? { ...existing, categories: inCategoryOrder([...existing.categories, ...recipient.categories]) }
        : { ...recipient, categories: [...recipient.categories] },
    );
  }
  return [...merged.values()];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** Combines the parts of several request types asked for in one request into one set of actions. */
export function mergePlanParts(parts: readonly PlanPart[]): PlanActions {
  return parts.reduce<PlanActions>(
    (plan, part) => ({
      export: mergeExport(plan.export, part.export),
      corrections: [...plan.corrections, ...(part.corrections ?? [])],
      rectificationNeedsStaffInput: plan.rectificationNeedsStaffInput || (part.rectificationNeedsStaffInput ?? false),
      erasures: [...plan.erasures, ...(part.erasures ?? [])],
      kept: [...plan.kept, ...(part.kept ?? [])],
      consentChanges: uniqueBy([...plan.consentChanges, ...(part.consentChanges ?? [])], (change) => change.kind),
      channelReservations: uniqueBy(
        [...plan.channelReservations, ...(part.channelReservations ?? [])],
        (reservation) => reservation.channel,
      ),
      restrict: plan.restrict || (part.restrict ?? false),
      ...(plan.processingObjection || part.processingObjection
        ? { processingObjection: plan.processingObjection ?? part.processingObjection }
        : {}),
      ...((plan.restriction ?? part.restriction) ? { restriction: plan.restriction ?? part.restriction } : {}),
      recipientsToNotify: mergeRecipients(plan.recipientsToNotify, part.recipientsToNotify ?? []),
      refusals: [...plan.refusals, ...(part.refusals ?? [])],
    }),
    NO_ACTIONS,
  );
}
