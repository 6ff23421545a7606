import { RequestNotFoundError } from '../request/request-errors.js';
import type { RequestStore } from '../request/request-store.js';
import type { RightsRequest } from '../request/rights-request.js';

export async function loadRequest(store: RequestStore, id: string): Promise<RightsRequest> {
  const request = await store.get(id);
  if (!request) throw new RequestNotFoundError(id);
  return request;
}
