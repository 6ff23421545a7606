import { requestTypeLabel } from '../request/request-type-labels.js';
import type { RightsRequest } from '../request/rights-request.js';
import { REMEDIES, SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';
import { objectionOverriddenLines } from './objection-letter-texts.js';

type Input = Pick<RightsRequest, 'id' | 'types' | 'language' | 'requester'>;

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
        greetingLine('en', provenName(request)),
        '',
        `We have considered your request (reference ${request.id}):`,
        rights,
        '',
        ...(request.types.includes('processing_objection')
          ? objectionOverriddenLines('en', reason)
          : ['We cannot carry out the request, for the following reason:', reason]),
        '',
        REMEDIES.en,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Svar på førespurnaden din – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Vi har vurdert førespurnaden din (referanse ${request.id}):`,
        rights,
        '',
        ...(request.types.includes('processing_objection')
          ? objectionOverriddenLines('nn', reason)
          : ['Vi kan ikkje gjennomføre førespurnaden, av denne grunnen:', reason]),
        '',
        REMEDIES.nn,
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Svar på henvendelsen din – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Vi har vurdert henvendelsen din (referanse ${request.id}):`,
      rights,
      '',
      ...(request.types.includes('processing_objection')
        ? objectionOverriddenLines('nb', reason)
        : ['Vi kan ikke gjennomføre henvendelsen, av denne grunnen:', reason]),
      '',
      REMEDIES.nb,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
