import { osloCalendarDate } from '../deadline/index.js';
import type { OutgoingMail } from '../mail/mailer.js';
import type { RightsRequest } from '../request/rights-request.js';
import { postalTo } from './postal-letter.js';

/** Where a letter about the request goes, as the mailer takes it. */
export type LetterDestination = Pick<OutgoingMail, 'to' | 'postal'>;

/**
 * The address of every letter the workflow writes to the person who asked: by e-mail when they
 * have an address, by post otherwise (the letter is then made as a PDF and posted by staff). A
 * request made on someone's behalf is answered to the representative, as the mandate says; only
 * identity codes go to the data subject's registered contact (they are not sent through here).
 */
export function letterDestination(
  request: Pick<RightsRequest, 'id' | 'requester' | 'language'> & Partial<Pick<RightsRequest, 'representative'>>,
  now: Date,
  { reportKey }: { readonly reportKey?: string } = {},
): LetterDestination {
  const party = request.representative ?? request.requester;
  if (party.email) return { to: party.email };
  if (!party.postalAddress) throw new Error(`request ${request.id} has no address to answer`);
  return {
    to: postalTo(request.id),
    postal: {
      recipient: { name: party.name, address: party.postalAddress },
      date: osloCalendarDate(now),
      language: request.language,
      ...(reportKey ? { reportKey } : {}),
    },
  };
}

/** The answer to this request goes by post (no e-mail address for whoever receives it). */
export const answeredByPost = (request: Pick<RightsRequest, 'id' | 'requester' | 'language'> & Partial<Pick<RightsRequest, 'representative'>>): boolean =>
  letterDestination(request, new Date(0)).postal !== undefined;
