import type { RequestStore } from './request-store.js';
import type { Status } from './request-vocabulary.js';
import type { RightsRequest } from './rights-request.js';

/**
 * The open requests, read by key: their ids from the open-requests index (never a scan), then
 * the items in batches. `keep` decides from the status the index carries which need reading.
 */
export async function readOpenRequests(
  store: Pick<RequestStore, 'listOpen' | 'getMany'>,
  keep: (status: Status) => boolean = () => true,
): Promise<RightsRequest[]> {
  const ids: string[] = [];
  for await (const open of store.listOpen()) if (keep(open.status)) ids.push(open.id);
  return store.getMany(ids);
}
