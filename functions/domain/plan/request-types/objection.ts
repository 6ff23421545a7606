import type { ContactChannel } from '../../customer-data/customer-records.js';
import { gdpr } from '../../letter-format/legal-citations.js';
import { grantedConsentKinds } from '../consent-state.js';
import type { PlanContext, PlanPart } from '../plan-part.js';

/**
 * The channels the privacy policy uses for marketing (newsletters and other e-mail, SMS, phone
 * calls, addressed post), all reserved against on a marketing stop.
 */
export const MARKETING_CHANNELS: readonly ContactChannel[] = ['email', 'sms', 'phone', 'post'];

/**
 * Service information is not direct marketing and continues; the privacy policy says it cannot be
 * reserved against without ending the customer relationship, only routed to another channel. The
 * requester is told so every time (simpler and safer than guessing from the free text whether they
 * meant all contact).
 */
export const SERVICE_INFORMATION_NOTE = {
  requestType: 'objection',
  reason: {
    nb:
      'Vi stanser ikke viktig informasjon om kundeforholdet ditt, som fakturaer og endringer i abonnementet. Slik ' +
      'informasjon er ikke markedsføring, og du kan ikke reservere deg mot den uten samtidig å avslutte ' +
      'kundeforholdet. Du kan derimot velge hvilken kanal vi bruker for den. Ta kontakt med oss hvis du vil endre kanal.',
    en:
      'We do not stop important information about your customer relationship, such as invoices and changes to your ' +
      'subscription. Such information is not marketing, and you cannot opt out of it without ending the customer ' +
      'relationship. You can, however, choose the channel we use for it. Contact us if you want to change the channel.',
    nn:
      'Vi stoppar ikkje viktig informasjon om kundeforholdet ditt, som fakturaer og endringar i abonnementet. Slik ' +
      'informasjon er ikkje marknadsføring, og du kan ikkje reservere deg mot han utan samtidig å avslutte ' +
      'kundeforholdet. Du kan derimot velje kva kanal vi bruker for han. Ta kontakt med oss dersom du vil endre kanal.',
  },
  // Service information is part of performing the contract, and the right to object in Art. 21(2) covers direct marketing only.
  legalBasis: gdpr({ number: 6, paragraph: 1, point: 'b' }, { number: 21, paragraph: 2 }),
} as const;

/**
 * Objection to direct marketing (Art. 21(2)–(3)): no balancing and no exceptions. Every marketing
 * consent granted now is turned off, and the person is reserved against marketing in every
 * electronic channel, which also keeps them from being re-added by a later import (requirement
 * 11.2).
 */
export function planObjection(context: PlanContext): PlanPart {
  return {
    consentChanges: grantedConsentKinds(context.gathered.subscriptions.consents).map((kind) => ({
      kind,
      granted: false as const,
    })),
    channelReservations: MARKETING_CHANNELS.map((channel) => ({ channel, reserved: true as const })),
    refusals: [{ ...SERVICE_INFORMATION_NOTE, reason: { ...SERVICE_INFORMATION_NOTE.reason }, legalBasis: { ...SERVICE_INFORMATION_NOTE.legalBasis } }],
  };
}
