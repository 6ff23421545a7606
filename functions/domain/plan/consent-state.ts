import type { Consent, ConsentKind } from '../customer-data/customer-records.js';
import { ConsentKindSchema } from '../customer-data/customer-records.js';

/**
 * The consent kinds granted now by any of the given consents: per customer and kind the latest
 * change decides (a store may keep the history of a consent, not only its current state).
 */
export function grantedConsentKinds(consents: readonly Consent[]): ConsentKind[] {
  const latest = new Map<string, Consent>();
  for (const consent of consents) {
    const key = `${consent.customerId}/${consent.kind}`;
    const current = latest.get(key);
    if (!current || Date.parse(consent.changedAt) >= Date.parse(current.changedAt)) latest.set(key, consent);
  }
  const granted = new Set([...latest.values()].filter((consent) => consent.granted).map((consent) => consent.kind));
  return ConsentKindSchema.options.filter((kind) => granted.has(kind));
}
