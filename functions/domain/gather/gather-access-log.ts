import type { GatherAccessLogDeps } from './gather-deps.js';
import { runGatherStep } from './gather-step.js';
import { GatheredAccessLogSchema, type GatherResult, type GatheredAccessLog } from './gathered-data.js';
import { readAllPages } from './read-all-pages.js';

/**
 * Workflow step: every door event the access system (Unloc) logged for the verified requester
 * (every page), written to `requests/<id>/gathered/access-log.json`. Returns the key and a count only.
 */
export function gatherAccessLog(deps: GatherAccessLogDeps, requestId: string): Promise<GatherResult> {
  return runGatherStep(deps, requestId, {
    source: 'access-log',
    schema: GatheredAccessLogSchema,
    empty: (gatheredAt): GatheredAccessLog => ({ source: 'access-log', customerIds: [], events: [], gatheredAt }),
    read: async (customerIds, gatheredAt) => {
      const bundle: GatheredAccessLog = { source: 'access-log', customerIds: [...customerIds], events: [], gatheredAt };
      for (const customerId of customerIds) {
        bundle.events.push(...(await readAllPages((cursor) => deps.accessLog.events(customerId, cursor))));
      }
      return bundle;
    },
    count: (bundle) => bundle.events.length,
  });
}
