import { requestTypeLabel } from '../request/request-type-labels.js';
import type { RightsRequest } from '../request/rights-request.js';
import { REMEDIES, SIGNATURE, type Letter } from './letter.js';

type Input = Pick<RightsRequest, 'id' | 'types' | 'language' | 'requester'>;

/** The answer when staff approved the request and it has been carried out. */
export function approvalLetter(request: Input): Letter {
  const rights = request.types.map((type) => `  • ${requestTypeLabel(type, request.language)}`).join('\n');
  if (request.language === 'en') {
    return {
      subject: `Your request has been handled – reference ${request.id}`,
      text: [
        `Dear ${request.requester.name},`,
        '',
        `We have handled your request (reference ${request.id}):`,
        rights,
        '',
        `If you are not satisfied with our answer, please contact us. ${REMEDIES.en}`,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  return {
    subject: `Henvendelsen din er behandlet – referanse ${request.id}`,
    text: [
      `Hei ${request.requester.name},`,
      '',
      `Vi har behandlet henvendelsen din (referanse ${request.id}):`,
      rights,
      '',
      `Er du ikke fornøyd med svaret, ta gjerne kontakt med oss. ${REMEDIES.nb}`,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}

/**
 * The answer when staff decided not to act (Art. 12(4)): the reasons, and the right to complain
 * to Datatilsynet and to go to court, within the same one-month limit.
 */
export function refusalLetter(request: Input, reason: string): Letter {
  const rights = request.types.map((type) => `  • ${requestTypeLabel(type, request.language)}`).join('\n');
  if (request.language === 'en') {
    return {
      subject: `Answer to your request – reference ${request.id}`,
      text: [
        `Dear ${request.requester.name},`,
        '',
        `We have considered your request (reference ${request.id}):`,
        rights,
        '',
        'We cannot carry out the request, for the following reason:',
        reason,
        '',
        REMEDIES.en,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  return {
    subject: `Svar på henvendelsen din – referanse ${request.id}`,
    text: [
      `Hei ${request.requester.name},`,
      '',
      `Vi har vurdert henvendelsen din (referanse ${request.id}):`,
      rights,
      '',
      'Vi kan ikke gjennomføre henvendelsen, av denne grunnen:',
      reason,
      '',
      REMEDIES.nb,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
