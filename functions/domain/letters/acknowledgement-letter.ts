import { requestTypeLabel } from '../request/request-type-labels.js';
import type { RightsRequest } from '../request/rights-request.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { SIGNATURE, type Letter, greetingLine, provenName } from './letter.js';

type Input = Pick<RightsRequest, 'id' | 'types' | 'dueDate' | 'language' | 'requester'>;

/**
 * The receipt sent as soon as a request is registered: the reference to quote, what was asked,
 * and the latest date of our answer (Art. 12(3)).
 */
export function acknowledgementLetter(request: Input): Letter {
  const due = formatCalendarDate(request.dueDate, request.language);
  const rights = request.types.map((type) => `  • ${requestTypeLabel(type, request.language)}`).join('\n');
  if (request.language === 'en') {
    return {
      subject: `We have received your request – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `We have received your request about your personal data. Your reference is ${request.id}; please quote it if you contact us about this request.`,
        '',
        'You asked for:',
        rights,
        '',
        `We will answer without undue delay and no later than ${due}. If the request is complex we may extend this by up to two months; if so, we will tell you why before that date.`,
        '',
        'To protect your data, we may ask you to confirm your identity with a code sent to the contact details we have registered for you. Exercising your rights is free of charge.',
        '',
        'If you did not make this request, please let us know by replying to this e-mail.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Vi har fått førespurnaden din – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Vi har fått førespurnaden din om personopplysningane dine. Referansen din er ${request.id}. Oppgje han dersom du kontaktar oss om denne saka.`,
        '',
        'Du har bede om:',
        rights,
        '',
        `Vi svarar utan ugrunna opphald og seinast ${due}. Er saka innfløkt, kan fristen forlengjast med inntil to månader. I så fall får du vite kvifor før denne datoen.`,
        '',
        'For å verne opplysningane dine kan vi be deg stadfeste identiteten din med ein kode som blir sendt til kontaktinformasjonen vi har registrert på deg. Det er gratis å bruke rettane dine.',
        '',
        'Dersom det ikkje var du som sende denne førespurnaden, ber vi deg svare på denne e-posten.',
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Vi har mottatt henvendelsen din – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Vi har mottatt henvendelsen din om personopplysningene dine. Referansen din er ${request.id}. Oppgi den hvis du kontakter oss om denne saken.`,
      '',
      'Du har bedt om:',
      rights,
      '',
      `Vi svarer uten ugrunnet opphold og senest ${due}. Er saken komplisert, kan fristen forlenges med inntil to måneder. I så fall får du beskjed om hvorfor før denne datoen.`,
      '',
      'For å beskytte opplysningene dine kan vi be deg bekrefte identiteten din med en kode som sendes til kontaktinformasjonen vi har registrert på deg. Det er gratis å bruke rettighetene dine.',
      '',
      'Hvis det ikke var du som sendte denne henvendelsen, ber vi deg svare på denne e-posten.',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
