import type * as z from 'zod/mini';
import {
  GatheredAccessLogSchema,
  GatheredBillingSchema,
  GatheredSubscriptionsSchema,
  type GatheredData,
} from '../gather/gathered-data.js';
import type { RightsRequest } from '../request/rights-request.js';
import { OBJECT_KEYS, type ObjectStore } from '../storage/object-store.js';

/** A gathered bundle the export needs is not in the request-data bucket. */
export class GatheredBundleMissingError extends Error {
  override readonly name = 'GatheredBundleMissingError';
  constructor(
    readonly requestId: string,
    readonly source: string,
  ) {
    super(`gathered ${source} data of request ${requestId} are missing`);
  }
}

type Source = 'subscriptions' | 'billing' | 'access-log';

async function readBundle<S extends z.ZodMiniType>(objects: ObjectStore, request: RightsRequest, source: Source, schema: S): Promise<z.infer<S>> {
  const key = request.gathered?.[source] ?? OBJECT_KEYS.gathered(request.id, source);
  const stored = await objects.getJson(key);
  if (stored === undefined) throw new GatheredBundleMissingError(request.id, source);
  return schema.parse(stored);
}

/** The three bundles the gather steps wrote for the request, validated. */
export async function readGatheredData(objects: ObjectStore, request: RightsRequest): Promise<GatheredData> {
  const [subscriptions, billing, accessLog] = await Promise.all([
    readBundle(objects, request, 'subscriptions', GatheredSubscriptionsSchema),
    readBundle(objects, request, 'billing', GatheredBillingSchema),
    readBundle(objects, request, 'access-log', GatheredAccessLogSchema),
  ]);
  return { subscriptions, billing, accessLog };
}
