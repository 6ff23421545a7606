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
 * The person's own post goes to the address registered for the verified customer once there is
 * one, before that (and for a requester who is no customer) to the address they gave.
 */
export function letterDestination(
  request: Pick<RightsRequest, 'id' | 'requester' | 'language'> & Partial<Pick<RightsRequest, 'verification' | 'representative'>>,
  now: Date,
  { reportKey }: { readonly reportKey?: string } = {},
): LetterDestination {
  const party = request.representative ?? request.requester;
  if (party.email) return { to: party.email };
  // Once a customer is proven, the registered address, never the typed one (see `answerTo`); a
  // representative is answered where they asked to be, the registered address being the data subject's.
  const registered = request.representative ? undefined : request.verification?.answerTo;
  const recipient = registered ?? (party.postalAddress ? { name: party.name, address: party.postalAddress } : undefined);
  if (!recipient) throw new Error(`request ${request.id} has no address to answer`);
  return {
    to: postalTo(request.id),
    postal: {
      recipient,
      date: osloCalendarDate(now),
      language: request.language,
      ...(reportKey ? { reportKey } : {}),
    },
  };
}

/** The answer to this request goes by post (no e-mail address for whoever receives it). */
export const answeredByPost = (request: Pick<RightsRequest, 'id' | 'requester' | 'language'> & Partial<Pick<RightsRequest, 'representative'>>): boolean =>
  letterDestination(request, new Date(0)).postal !== undefined;
