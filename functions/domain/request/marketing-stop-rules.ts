import { otherThanMarketingStop, stopsMarketing } from './request-vocabulary.js';
import type { RightsRequest } from './rights-request.js';

/**
 * Staff tried to refuse a marketing stop, or to close it as manifestly unfounded or excessive.
 * Art. 21(3) and 7(3) leave no room for either: the stop takes effect when received.
 */
export class MarketingStopNotRefusableError extends Error {
  override readonly name = 'MarketingStopNotRefusableError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} stops marketing: that part can be neither refused nor closed as unfounded or excessive`);
  }
}

/**
 * Refuses a staff refusal or Art. 12(5) closure that would touch a marketing stop. A request that
 * asks only to stop marketing can never be refused or closed that way; one that also asks for
 * other rights can, for those rights only, once the stop has taken effect (recorded on the request).
 * Shared by the staff console, the staff API and the CLI through the domain functions they call.
 *
 * @throws {MarketingStopNotRefusableError}
 */
export function assertRefusalLeavesMarketingStop(request: Pick<RightsRequest, 'id' | 'types' | 'marketingStop'>): void {
  if (!stopsMarketing(request.types)) return;
  if (otherThanMarketingStop(request.types).length === 0 || request.marketingStop === undefined) {
    throw new MarketingStopNotRefusableError(request.id);
  }
}
