import type * as z from 'zod/mini';
import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import { transitionChange } from '../lifecycle/apply-transition.js';
import { TRANSITIONS, isAnswered, isBeforeGathering } from '../lifecycle/request-lifecycle.js';
import type { RightsRequest } from '../request/rights-request.js';
import { OBJECT_KEYS } from '../storage/object-store.js';
import { loadRequest } from '../request/request-store.js';
import type { GatherDeps } from './gather-deps.js';
import type { GatherResult } from './gathered-data.js';
import { subjectCustomerIds } from './subject-customer-ids.js';

export type GatherSource = 'subscriptions' | 'billing' | 'access-log';


/**
 * How often a step re-reads the request and tries again when another writer (usually one of the
 * other two gather steps, which run in parallel) changed it first. Past this the
 * `ConcurrentChangeError` goes to the workflow, whose Retry treats it as transient.
 */
export const MAX_RECORD_ATTEMPTS = 5;

/** One gather step: where its bundle comes from and how it is read, validated and counted. */
export interface GatherSpec<S extends z.ZodMiniType<{ customerIds: string[] }>> {
  readonly source: GatherSource;
  readonly schema: S;
  /** Reads everything the store holds for these customers (never called with none). */
  readonly read: (customerIds: readonly string[], gatheredAt: string) => Promise<z.input<S>>;
  /** The bundle for a requester the store may not be read for. */
  readonly empty: (gatheredAt: string) => z.input<S>;
  readonly count: (bundle: z.infer<S>) => number;
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  [...new Set(a)].sort().join('\n') === [...new Set(b)].sort().join('\n');

/**
 * Records the bundle's key on the request (`gathered.<source>`) with a `data.gathered` audit entry,
 * moving a request that has not started gathering to `gathering` in the same change. The three
 * gather steps each read-modify-write the `gathered` map, so a lost race (`ConcurrentChangeError`)
 * re-reads the request and merges again.
 */
async function recordGathered(
  deps: GatherDeps,
  first: RightsRequest,
  source: GatherSource,
  key: string,
  records: number,
): Promise<void> {
  let request = first;
  for (let attempt = 1; ; attempt += 1) {
    const at = deps.now().toISOString();
    const gathered = { ...request.gathered, [source]: key };
    const input = { actor: 'system:gather', at, detail: { source, records } };
    try {
      // The first copy moves the request on to `gathering`; later ones only record the copy.
      await deps.store.apply(request.id, {
        expectedVersion: request.version,
        ...(isBeforeGathering(request.status)
          ? transitionChange(request, 'gathering_started', input, { set: { gathered } })
          : { set: { gathered, updatedAt: at }, audit: { requestId: request.id, event: TRANSITIONS.gathering_started.audit, ...input } }),
      });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_RECORD_ATTEMPTS) throw error;
      deps.logger.debug('gather.record_retry', { requestId: request.id, source, attempt });
      // The store hands back the request as the other writer left it, when it learnt it with the refusal.
      request = error.current ?? (await loadRequest(deps.store, request.id));
    }
  }
}

/**
 * The body shared by the three gather steps: reads everything the store holds about the verified
 * data subject, writes it to the request-data bucket and records its key on the request. Returns
 * the key and a record count only: personal data never enter the execution payload.
 *
 * Idempotent on the request's recorded state: when the bundle is already recorded for the same
 * customers, it is counted and returned as it is, so a re-driven workflow does not change the data
 * a plan (maybe already approved) was built from.
 */
export async function runGatherStep<S extends z.ZodMiniType<{ customerIds: string[] }>>(
  deps: GatherDeps,
  requestId: string,
  spec: GatherSpec<S>,
): Promise<GatherResult> {
  const request = await loadRequest(deps.store, requestId);
  // Once the request is answered or ended, nothing may be read about the requester any more.
  if (isAnswered(request.status)) {
    throw new InvalidTransitionError(requestId, request.status, `gather ${spec.source}`);
  }
  const key = OBJECT_KEYS.gathered(requestId, spec.source);
  const customerIds = subjectCustomerIds(request);

  if (request.gathered?.[spec.source] === key) {
    const stored = await deps.objects.getJson(key);
    const parsed = stored === undefined ? undefined : spec.schema.safeParse(stored);
    if (parsed?.success && sameIds(parsed.data.customerIds, customerIds)) {
      return { key, records: spec.count(parsed.data) };
    }
  }

  const gatheredAt = deps.now().toISOString();
  const raw = customerIds.length > 0 ? await spec.read(customerIds, gatheredAt) : spec.empty(gatheredAt);
  const bundle = spec.schema.parse(raw);
  const records = spec.count(bundle);
  await deps.objects.putJson(key, bundle);
  await recordGathered(deps, request, spec.source, key, records);
  deps.logger.info('data.gathered', { requestId, source: spec.source, records });
  return { key, records };
}
