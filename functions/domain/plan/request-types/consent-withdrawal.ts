import { grantedConsentKinds } from '../consent-state.js';
import type { PlanContext, PlanPart } from '../plan-part.js';

/**
 * Consent withdrawal (Art. 7(3)): every consent granted now is withdrawn. Withdrawal is not erasure
 * (requirement 12.3): the consent records stay, now saying "not granted".
 */
export function planConsentWithdrawal(context: PlanContext): PlanPart {
  return {
    consentChanges: grantedConsentKinds(context.gathered.subscriptions.consents).map((kind) => ({
      kind,
      granted: false as const,
    })),
  };
}
