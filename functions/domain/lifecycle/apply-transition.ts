import { InvalidTransitionError } from '../request/request-errors.js';
import type { RequestChange, RequestStore } from '../request/request-store.js';
import type { AuditEntry, RightsRequest } from '../request/rights-request.js';
import type { Status } from '../request/request-vocabulary.js';
import { TRANSITIONS, canTransition, type LifecycleEvent } from './request-lifecycle.js';

/** Who made the change and when, and what the audit entry says besides the status change. */
export interface TransitionInput {
  /** `system:<step>` or `staff:<username>`. */
  readonly actor: string;
  readonly at: string;
  readonly reason?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The status a transition leads to and the audit entry that records it. */
export interface Transition {
  readonly status: Status;
  readonly auditEntry: AuditEntry;
}

/**
 * The lifecycle's one rule for a status change: `event` happening to `request` as the table
 * ({@link TRANSITIONS}) allows, with its audit entry. Pure; nothing is written.
 *
 * @throws {InvalidTransitionError} when the table does not allow the event in the request's status
 */
export function applyTransition(
  request: Pick<RightsRequest, 'id' | 'status'>,
  event: Exclude<LifecycleEvent, 'received'>,
  input: TransitionInput,
): Transition {
  if (!canTransition(request.status, event)) throw new InvalidTransitionError(request.id, request.status, event);
  const rule: { readonly to: Status; readonly audit: string; readonly auditWhenUnchanged?: string } = TRANSITIONS[event];
  const unchanged = request.status === rule.to;
  return {
    status: rule.to,
    auditEntry: {
      requestId: request.id,
      at: input.at,
      event: unchanged && rule.auditWhenUnchanged ? rule.auditWhenUnchanged : rule.audit,
      fromStatus: request.status,
      toStatus: rule.to,
      actor: input.actor,
      ...(input.reason !== undefined && { reason: input.reason }),
      ...(input.detail !== undefined && { detail: { ...input.detail } }),
    },
  };
}

/** What else a status change writes in the same atomic change (new fields, fields removed). */
export interface TransitionWrites {
  readonly set?: Omit<RequestChange['set'], 'status' | 'updatedAt'>;
  readonly remove?: RequestChange['remove'];
}

/**
 * The store change of a transition, without the version (for `changeRequest`, which re-reads and
 * supplies it): the new status, `updatedAt`, the other writes and the audit entry, applied together.
 *
 * @throws {InvalidTransitionError} when the table does not allow the event in the request's status
 */
export function transitionChange(
  request: Pick<RightsRequest, 'id' | 'status'>,
  event: Exclude<LifecycleEvent, 'received'>,
  input: TransitionInput,
  writes: TransitionWrites = {},
): Omit<RequestChange, 'expectedVersion'> {
  const { status, auditEntry } = applyTransition(request, event, input);
  return {
    set: { ...writes.set, status, updatedAt: input.at },
    ...(writes.remove && { remove: writes.remove }),
    audit: auditEntry,
  };
}

/**
 * Applies a transition to the stored request: status, audit entry and the other writes in one
 * atomic change, and only if the request is still at the version (so still in the status) it was
 * read in; a concurrent writer makes it fail with `ConcurrentChangeError`.
 *
 * @throws {InvalidTransitionError} when the table does not allow the event in the request's status
 */
export async function transitionRequest(
  store: Pick<RequestStore, 'apply'>,
  request: Pick<RightsRequest, 'id' | 'status' | 'version'>,
  event: Exclude<LifecycleEvent, 'received'>,
  input: TransitionInput,
  writes: TransitionWrites = {},
): Promise<RightsRequest> {
  return store.apply(request.id, { ...transitionChange(request, event, input, writes), expectedVersion: request.version });
}
