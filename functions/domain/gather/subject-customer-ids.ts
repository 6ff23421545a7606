import type { RightsRequest } from '../request/rights-request.js';

/**
 * The customer ids a request may be answered from: those of a verified requester who is a
 * customer. Anyone else (not yet verified, verified only as the owner of an address, or matching
 * no customer) gets nothing from the customer stores: their request itself is all we hold.
 * Gathering and planning both go through this one gate.
 */
export function subjectCustomerIds(
  request: Pick<RightsRequest, 'verification' | 'customerIds'>,
): readonly string[] {
  const verification = request.verification;
  if (verification?.status !== 'verified' || verification.subject !== 'customer') return [];
  return [...new Set(request.customerIds ?? [])];
}
