import type { PlanContext, PlanPart } from '../plan-part.js';
import { recipientsToNotify } from '../recipients.js';

/**
 * Rectification (Art. 16): the request is free text, so staff write the corrections when they
 * approve (the decision carries them). Every correctable field (name, e-mail, phone, address) lives
 * in the profile, so the recipients to tell (Art. 19) are those that received the profile.
 */
export function planRectification(context: PlanContext): PlanPart {
  const hasProfile = context.gathered.subscriptions.profiles.length > 0;
  return {
    corrections: [],
    rectificationNeedsStaffInput: true,
    recipientsToNotify: recipientsToNotify('rectification', hasProfile ? ['profile'] : []),
  };
}
