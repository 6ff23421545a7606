import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS } from '../../plan/planned-actions.js';

/**
 * Objection to direct marketing (Art. 21(2)–(3)): the subject is reserved against each planned
 * channel at once, which also keeps a later import from adding them back (requirement 11.2).
 */
export async function carryOutChannelReservations(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  for (const reservation of plan.channelReservations) {
    const actionId = ACTION_IDS.reserve(reservation.channel);
    if (context.isResolved(actionId)) continue;
    const at = context.now();
    let changed = 0;
    for (const customerId of plan.customerIds) {
      const current = (await deps.customers.reservations(customerId)).find((r) => r.channel === reservation.channel);
      if (current?.reserved) continue;
      await deps.customers.setReservation(customerId, reservation.channel, true, at);
      changed += 1;
    }
    await context.resolve(actionId, 'done', { channel: reservation.channel, customers: changed, effectiveAt: at });
  }
}
