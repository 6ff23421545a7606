import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';

const mail = (sentAt: string) => ({ messageId: `msg-${sentAt}`, sentAt });

/**
 * A request received on `receiptDate` (at noon Oslo winter time) and due a month later, in the
 * state `overrides` give; the reference is unique per receipt date unless given.
 */
export function aCase(receiptDate: string, overrides: Partial<RightsRequest> = {}): RightsRequest {
  return aRightsRequest({
    id: `NK-${receiptDate.replaceAll('-', '')}-CASE`,
    receivedAt: `${receiptDate}T12:00:00.000+01:00`,
    receiptDate,
    createdAt: `${receiptDate}T11:00:00.000Z`,
    updatedAt: `${receiptDate}T11:00:00.000Z`,
    ...overrides,
  });
}

/** A case carried out and closed, its reply sent at `answeredAt` (an instant). */
export function aCarriedOutCase(receiptDate: string, dueDate: string, answeredAt: string, overrides: Partial<RightsRequest> = {}) {
  return aCase(receiptDate, {
    dueDate,
    status: 'closed',
    decision: { outcome: 'approved', decidedBy: 'staff:ola', decidedAt: answeredAt },
    mailsSent: { acknowledgement: mail(`${receiptDate}T11:00:01.000Z`), reply: mail(answeredAt) },
    updatedAt: answeredAt,
    ...overrides,
  });
}

export { mail };
