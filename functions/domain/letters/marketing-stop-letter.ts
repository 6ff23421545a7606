import type { Language } from '../request/request-vocabulary.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { SIGNATURE, type Letter } from './letter.js';

export interface MarketingStopLetterInput {
  readonly id: string;
  readonly language: Language;
  /** The Oslo calendar date the stop took effect. */
  readonly effectiveOn: string;
  /** The request also asked for other rights, which follow the normal path. */
  readonly otherRights: boolean;
}

/**
 * The confirmation of a marketing stop (Art. 21(2)–(3), 7(3)). It goes to the registered address
 * of each matched customer, or to the given address when that matches no customer, and reads the
 * same in both cases: it names no person and says nothing that tells whether anyone is a customer.
 */
export function marketingStopLetter(input: MarketingStopLetterInput): Letter {
  const date = formatCalendarDate(input.effectiveOn, input.language);
  if (input.language === 'en') {
    return {
      subject: `Marketing stopped – reference ${input.id}`,
      text: [
        'Hello,',
        '',
        `We have been asked to stop marketing from OBOS Nærkontor to this e-mail address. This took effect on ${date}, in every channel we use for marketing: e-mail, text messages, phone calls and addressed post. Any consent to marketing we had recorded is withdrawn. You do not need to do anything more.`,
        '',
        'We may still send important information about a customer relationship, such as invoices and changes to a subscription. That is not marketing.',
        ...(input.otherRights
          ? ['', 'The request also asked for other things. We handle those separately and will be in touch about them.']
          : []),
        '',
        `Your reference is ${input.id}. If you did not ask for this, please reply to this e-mail.`,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (input.language === 'nn') {
    return {
      subject: `Marknadsføringa er stoppa – referanse ${input.id}`,
      text: [
        'Hei,',
        '',
        `Vi har fått beskjed om å stoppe marknadsføring frå OBOS Nærkontor til denne e-postadressa. Det gjeld frå ${date}, i alle kanalane vi bruker til marknadsføring: e-post, SMS, telefon og adressert post. Hadde vi registrert eit samtykke til marknadsføring, er det trekt tilbake. Du treng ikkje gjere noko meir.`,
        '',
        'Vi kan framleis sende viktig informasjon om eit kundeforhold, som fakturaer og endringar i abonnementet. Det er ikkje marknadsføring.',
        ...(input.otherRights
          ? ['', 'Førespurnaden gjaldt også andre ting. Dei handsamar vi for seg, og du høyrer frå oss om dei.']
          : []),
        '',
        `Referansen din er ${input.id}. Dersom det ikkje var du som bad om dette, ber vi deg svare på denne e-posten.`,
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Markedsføringen er stanset – referanse ${input.id}`,
    text: [
      'Hei,',
      '',
      `Vi har fått beskjed om å stanse markedsføring fra OBOS Nærkontor til denne e-postadressen. Det gjelder fra ${date}, i alle kanalene vi bruker til markedsføring: e-post, SMS, telefon og adressert post. Hadde vi registrert et samtykke til markedsføring, er det trukket tilbake. Du trenger ikke gjøre noe mer.`,
      '',
      'Vi kan fortsatt sende viktig informasjon om et kundeforhold, som fakturaer og endringer i abonnementet. Det er ikke markedsføring.',
      ...(input.otherRights
        ? ['', 'Henvendelsen gjaldt også andre ting. Dem behandler vi for seg, og du hører fra oss om dem.']
        : []),
      '',
      `Referansen din er ${input.id}. Hvis det ikke var du som ba om dette, ber vi deg svare på denne e-posten.`,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
