import type { Recipient, RecordCategory } from './action-plan.js';
import { inCategoryOrder } from './record-refs.js';

/** One entry of the recipient register (Art. 19, requirement 9.1): who receives which categories. */
export interface RegisteredRecipient {
  readonly id: Recipient['id'];
  readonly name: string;
  readonly categories: readonly RecordCategory[];
  /** The profile fields it holds when it holds only part of the profile; all of them when absent. */
  readonly profileFields?: readonly ('name' | 'email' | 'phone' | 'address')[];
}

/**
 * To whom Nærkontoret discloses which categories of customer data. Unloc runs the door-access
 * system: it holds the user (profile) and logs every door event. The invoicing/accounting provider
 * issues invoices to the customer's name and address and books the payments. The e-mail platform
 * sends newsletters and holds the marketing consents and channel reservations, and the e-mail
 * address it sends to: so a corrected or erased address reaches it too (Art. 19). Their names,
 * roles and countries come from the recipient directory (`recipient-directory.ts`).
 */
export const RECIPIENT_REGISTER: readonly RegisteredRecipient[] = [
  { id: 'unloc', name: 'Unloc (adgangssystem / access system)', categories: ['profile', 'door_event'] },
  { id: 'invoicing', name: 'Regnskaps- og fakturaleverandør', categories: ['profile', 'invoice', 'payment'] },
  { id: 'email_platform', name: 'E-postplattform (nyhetsbrev)', categories: ['profile', 'consent', 'reservation'], profileFields: ['email'] },
];

/**
 * The recipients to tell about a rectification, erasure or restriction (Art. 19): each one that
 * received at least one of the affected categories, with the categories it must act on. Callers
 * pass only categories in which the data subject actually has affected records, so a recipient is
 * told only about what was disclosed to it.
 */
export function recipientsToNotify(reason: Recipient['reason'], affected: Iterable<RecordCategory>): Recipient[] {
  const affectedSet = new Set(affected);
  return RECIPIENT_REGISTER.flatMap((recipient) => {
    const categories = inCategoryOrder(recipient.categories.filter((category) => affectedSet.has(category)));
    return categories.length ? [{ id: recipient.id, name: recipient.name, categories, reason }] : [];
  });
}
