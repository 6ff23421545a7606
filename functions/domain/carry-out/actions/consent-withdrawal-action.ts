import type { Consent } from '../../customer-data/customer-records.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS } from '../../plan/planned-actions.js';

/** The current state of one consent kind: the latest change decides. */
const isGranted = (consents: readonly Consent[], kind: Consent['kind']): boolean =>
  consents
    .filter((consent) => consent.kind === kind)
    .sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt))[0]?.granted ?? false;

/**
 * Consent withdrawal (Art. 7(3)) and the consent part of an objection (Art. 21(2)): each planned
 * consent is set to "not granted" at once, for every customer id of the subject that has it
 * granted now. The consent record stays (withdrawal is not erasure), saying who withdrew it.
 */
export async function carryOutConsentChanges(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  for (const change of plan.consentChanges) {
    const actionId = ACTION_IDS.consent(change.kind);
    if (context.isResolved(actionId)) continue;
    const at = context.now();
    let changed = 0;
    for (const customerId of plan.customerIds) {
      if (!isGranted(await deps.customers.consents(customerId), change.kind)) continue;
      await deps.customers.setConsent(customerId, change.kind, false, at, `rights-request:${context.requestId}`);
      changed += 1;
    }
    await context.resolve(actionId, 'done', { kind: change.kind, customers: changed, effectiveAt: at });
  }
}
