import { ConcurrentChangeError } from '../request/request-errors.js';
import type { RequestChange } from '../request/request-store.js';
import type { RightsRequest } from '../request/rights-request.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';

/** A request change without its version, which {@link changeRequest} supplies from each read. */
export type Change = Omit<RequestChange, 'expectedVersion'>;

/** Re-reads before giving up; past this the `ConcurrentChangeError` goes to the caller (transient). */
export const MAX_CHANGE_ATTEMPTS = 5;

/**
 * Applies the change `build` makes from the current request, re-reading and building again when
 * another writer changed the request first. Verification steps race with the page, staff and the
 * workflow; building from a fresh read keeps every decision on the state it is applied to.
 * `build` returns `undefined` when, on a fresh read, there is nothing left to do.
 */
export async function changeRequest(
  deps: StoreDeps,
  first: RightsRequest,
  build: (request: RightsRequest, at: string) => Change | undefined | Promise<Change | undefined>,
): Promise<RightsRequest> {
  let request = first;
  for (let attempt = 1; ; attempt += 1) {
    const change = await build(request, deps.now().toISOString());
    if (!change) return request;
    try {
      return await deps.store.apply(request.id, { ...change, expectedVersion: request.version });
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_CHANGE_ATTEMPTS) throw error;
      request = await loadRequest(deps.store, request.id);
    }
  }
}
