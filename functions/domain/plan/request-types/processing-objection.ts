import type { PlanPart } from '../plan-part.js';

/**
 * Objection to processing based on legitimate interest (Art. 21(1)). The privacy policy bases one
 * purpose on it: «Analyse/utvikling» (statistics on visits to our locations, on how often and how
 * long customers subscribe, and grouping customers by such factors). That purpose is restricted
 * while staff weigh the person's grounds against ours (Art. 18(1)(d)); the decision then upholds
 * the objection (the purpose stops for this person) or overrides it with compelling legitimate
 * grounds, always with a written reason.
 */
export function planProcessingObjection(): PlanPart {
  return { processingObjection: { purpose: 'analytics' } };
}
