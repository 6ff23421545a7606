import type { ActionPlan } from '../plan/action-plan.js';
import { ConcurrentChangeError } from '../request/request-errors.js';
import type { RequestChange } from '../request/request-store.js';
import type { RightsRequest } from '../request/rights-request.js';
import { loadRequest } from '../request/request-store.js';
import type { CarryOutDeps } from './carry-out-deps.js';

/** How often recording an action's outcome re-reads the request after losing a race. */
const MAX_RECORD_ATTEMPTS = 5;

export const CARRY_OUT_ACTOR = 'system:carry-out';

export type ActionOutcome = 'done' | 'refused';

/** Audit detail: identifiers, field names and counts only, never a record's values. */
export type ActionDetail = Readonly<Record<string, string | number | boolean>>;

/**
 * The state one carry-out run shares between its actions: the plan, the request as last written
 * and a way to record an action as resolved (`carriedOut[actionId]` plus an `action.done` or
 * `action.refused` audit entry, in one conditional write).
 */
export class CarryOutContext {
  #request: RightsRequest;
  /** Actions resolved during this run, in order. */
  readonly resolvedNow: { readonly actionId: string; readonly outcome: ActionOutcome }[] = [];

  constructor(
    readonly deps: CarryOutDeps,
    request: RightsRequest,
    readonly plan: ActionPlan,
  ) {
    this.#request = request;
  }

  get request(): RightsRequest {
    return this.#request;
  }

  get requestId(): string {
    return this.#request.id;
  }

  /** The instant actions of this run are recorded at. */
  now(): string {
    return this.deps.now().toISOString();
  }

  isResolved(actionId: string): boolean {
    return Boolean(this.#request.carriedOut?.[actionId]);
  }

  /**
   * Records the action's outcome. When another writer changed the request first, re-reads it and
   * tries again; if that writer already resolved the same action, records nothing more.
   */
  async resolve(
    actionId: string,
    outcome: ActionOutcome,
    detail: ActionDetail,
    set: Omit<RequestChange['set'], 'carriedOut' | 'updatedAt'> = {},
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.isResolved(actionId)) return;
      const at = this.now();
      try {
        this.#request = await this.deps.store.apply(this.requestId, {
          expectedVersion: this.#request.version,
          set: { ...set, carriedOut: { ...this.#request.carriedOut, [actionId]: at }, updatedAt: at },
          audit: {
            requestId: this.requestId,
            at,
            event: outcome === 'done' ? 'action.done' : 'action.refused',
            actor: CARRY_OUT_ACTOR,
            detail: { action: actionId, ...detail },
          },
        });
        this.resolvedNow.push({ actionId, outcome });
        this.deps.logger.info(outcome === 'done' ? 'action.done' : 'action.refused', {
          requestId: this.requestId,
          action: actionId.split(':')[0],
        });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_RECORD_ATTEMPTS) throw error;
        this.#request = await loadRequest(this.deps.store, this.requestId);
      }
    }
  }

  /** Applies a change that is not an action (the status), keeping the request current. */
  async apply(change: Omit<RequestChange, 'expectedVersion'>): Promise<void> {
    this.#request = await this.deps.store.apply(this.requestId, { ...change, expectedVersion: this.#request.version });
  }
}
