import type { ContactChannel } from '../../customer-data/customer-records.js';
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
      'Vi har registrert at du ikke ønsker markedsføring fra oss, og reservert deg mot markedsføring på e-post, SMS, ' +
      'telefon og adressert post. Viktig informasjon om kundeforholdet ditt, som fakturaer og endringer i abonnementet, er ikke ' +
      'markedsføring. Den kan du ikke reservere deg mot uten samtidig å avslutte kundeforholdet, men du kan velge ' +
      'hvilken kanal vi bruker for den. Ta kontakt med oss om du vil endre kanal.',
    en:
      'We have recorded that you do not want marketing from us and reserved you against marketing by e-mail, SMS, ' +
      'phone and addressed post. Important information about your customer relationship, such as invoices and changes to your ' +
      'subscription, is not marketing. You cannot opt out of it without ending the customer relationship, but you can ' +
      'choose the channel we use for it. Contact us if you want to change the channel.',
  },
  legalBasis: 'GDPR art. 21 (2)–(3); markedsføringsloven § 15; personvernerklæringen (reservasjon mot kanaler)',
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
    refusals: [{ ...SERVICE_INFORMATION_NOTE, reason: { ...SERVICE_INFORMATION_NOTE.reason } }],
  };
}
