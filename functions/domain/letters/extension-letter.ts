import type { RightsRequest } from '../request/rights-request.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { gdpr } from '../letter-format/legal-citations.js';
import { SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';

type Input = Pick<RightsRequest, 'id' | 'language' | 'requester' | 'dueDate'>;

/**
 * The notice Art. 12(3) requires before the first month ends when we need more time: the reason
 * and the new latest date. Sent before the extension is recorded, so none exists without it.
 */
export function extensionLetter(request: Input, reason: string, newDueDate: string): Letter {
  const before = formatCalendarDate(request.dueDate, request.language);
  const after = formatCalendarDate(newDueDate, request.language);
  if (request.language === 'en') {
    return {
      subject: `We need more time for your request – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `We are working on your request (reference ${request.id}), but we cannot complete it by ${before} as first promised.`,
        '',
        'The reason is:',
        reason,
        '',
        `Article 12(3) of the General Data Protection Regulation lets us extend the time limit by up to two months when this is necessary. We will answer no later than ${after}, and sooner if we can.`,
        '',
        'If you disagree, you can complain to the Norwegian Data Protection Authority, Datatilsynet (www.datatilsynet.no).',
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Vi treng meir tid til førespurnaden din – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Vi arbeider med førespurnaden din (referanse ${request.id}), men vi rekk ikkje å bli ferdige innan ${before} slik vi først lova.`,
        '',
        'Grunnen er:',
        reason,
        '',
        `Etter ${gdpr({ number: 12, paragraph: 3 }).nn} kan vi forlengje fristen med inntil to månader når det er nødvendig. Vi svarar seinast ${after}, og før dersom vi kan.`,
        '',
        'Er du usamd, kan du klage til Datatilsynet (www.datatilsynet.no).',
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Vi trenger mer tid på henvendelsen din – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Vi arbeider med henvendelsen din (referanse ${request.id}), men vi rekker ikke å bli ferdige innen ${before} som vi først lovet.`,
      '',
      'Grunnen er:',
      reason,
      '',
      `Personvernforordningen artikkel 12 nr. 3 gir oss lov til å forlenge fristen med inntil to måneder når det er nødvendig. Vi svarer senest ${after}, og før hvis vi kan.`,
      '',
      'Er du uenig, kan du klage til Datatilsynet (www.datatilsynet.no).',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
