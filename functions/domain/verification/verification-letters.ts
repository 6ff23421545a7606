import { REMEDIES, SIGNATURE, type Letter, greetingLine, provenName } from '../letters/letter.js';
import type { Language } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import {
  CLOSE_AFTER_DAYS,
  CODE_VALID_MINUTES,
  MAX_ATTEMPTS_PER_CODE,
  REMINDER_AFTER_DAYS,
} from './verification-policy.js';

/**
 * The letters of identity verification. Each depends only on the reference, the language and
 * (for code mails) the code, the link and the name registered with the receiving address, so a
 * mail to an address nobody proved carries nothing a stranger typed.
 *
 * @module
 */

type Input = Pick<RightsRequest, 'id' | 'language'> & { readonly requester: Pick<RightsRequest['requester'], 'name'> };

export interface CodeLetterInput {
  /** The one-time code in clear: it exists only in this mail. */
  readonly code: string;
  /** The verify page of the request, from {@link verifyPageLink}. */
  readonly link: string;
  /**
   * The name registered with the address the code goes to; none for an address the requester
   * typed (it has not proved itself, so nothing they typed is echoed to it).
   */
  readonly name?: string;
}

/**
 * The page where the code is entered: `<base>/verify/<id>?lang=<language>`, or relative when no
 * public base URL is configured (local mode without one).
 *
 * @example verifyPageLink('https://personvern.example.no', 'NK-20261123-7KQ4M2PX', 'en')
 * // 'https://personvern.example.no/verify/NK-20261123-7KQ4M2PX?lang=en'
 */
export function verifyPageLink(publicBaseUrl: string | undefined, requestId: string, language: Language): string {
  const base = (publicBaseUrl ?? '').replace(/\/+$/, '');
  return `${base}/verify/${encodeURIComponent(requestId)}?lang=${language}`;
}

/**
 * Where the code went, worded so it is true for a customer (their registered address) and a
 * non-customer (the address they gave) alike. The mails and the verify page both say it.
 */
export const WHERE_CODE_WAS_SENT: Readonly<Record<Language, string>> = {
  nb: 'Vi har sendt en engangskode til e-postadressen vi har registrert på deg. Er du ikke registrert hos oss, har vi sendt den til adressen du oppga.',
  nn: 'Vi har sendt ein eingongskode til e-postadressa vi har registrert på deg. Er du ikkje registrert hos oss, har vi sendt han til adressa du oppgav.',
  en: 'We have sent a one-time code to the e-mail address we have registered for you. If you are not registered with us, we have sent it to the address you gave.',
};

const NOT_YOU: Readonly<Record<Language, string>> = {
  nb: 'Har du ikke bedt om dette, kan du se bort fra denne e-posten. Gi aldri koden til andre.',
  nn: 'Har du ikkje bede om dette, kan du sjå bort frå denne e-posten. Gje aldri koden til andre.',
  en: 'If you did not ask for this, you can ignore this e-mail. Never give the code to anyone.',
};

/** The way to be verified by staff instead, for anyone who cannot use a code. */
export const OTHER_WAY_TO_VERIFY: Readonly<Record<Language, string>> = {
  nb: 'Får du ikke brukt koden, kan du ringe oss på 934 20 183, så finner vi en annen måte å bekrefte hvem du er på.',
  nn: 'Får du ikkje brukt koden, kan du ringje oss på 934 20 183, så finn vi ein annan måte å stadfeste kven du er på.',
  en: 'If you cannot use the code, call us on +47 934 20 183 and we will find another way to confirm who you are.',
};

const validity = (language: Language): string =>
  ({
    nb: `Koden gjelder i ${CODE_VALID_MINUTES} minutter, og du kan prøve ${MAX_ATTEMPTS_PER_CODE} ganger. Har den gått ut, kan du be om en ny på samme side.`,
    nn: `Koden gjeld i ${CODE_VALID_MINUTES} minutt, og du kan prøve ${MAX_ATTEMPTS_PER_CODE} gonger. Har han gått ut, kan du be om ein ny på same sida.`,
    en: `The code is valid for ${CODE_VALID_MINUTES} minutes, and you can try ${MAX_ATTEMPTS_PER_CODE} times. If it has expired, you can ask for a new one on the same page.`,
  })[language];

/** The mail with a one-time code (purpose `verification-code`), sent first and on every resend. */
export function verificationCodeLetter(request: Input, { code, link, name }: CodeLetterInput): Letter {
  if (request.language === 'en') {
    return {
      subject: `Your one-time code – reference ${request.id}`,
      text: [
        greetingLine('en', name),
        '',
        `To protect your personal data, we need to confirm that it was you who sent the data protection request with reference ${request.id}.`,
        '',
        `Your one-time code is: ${code}`,
        '',
        `Enter the code on this page: ${link}`,
        validity('en'),
        '',
        WHERE_CODE_WAS_SENT.en,
        '',
        NOT_YOU.en,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Eingongskode for førespurnaden din – referanse ${request.id}`,
      text: [
        greetingLine('nn', name),
        '',
        `For å verne personopplysningane dine må vi stadfeste at det er du som har sendt personvernførespurnaden med referanse ${request.id}.`,
        '',
        `Eingongskoden din er: ${code}`,
        '',
        `Skriv inn koden på denne sida: ${link}`,
        validity('nn'),
        '',
        WHERE_CODE_WAS_SENT.nn,
        '',
        NOT_YOU.nn,
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Engangskode for henvendelsen din – referanse ${request.id}`,
    text: [
      greetingLine('nb', name),
      '',
      `For å beskytte personopplysningene dine må vi bekrefte at det er du som har sendt personvernhenvendelsen med referanse ${request.id}.`,
      '',
      `Engangskoden din er: ${code}`,
      '',
      `Skriv inn koden på denne siden: ${link}`,
      validity('nb'),
      '',
      WHERE_CODE_WAS_SENT.nb,
      '',
      NOT_YOU.nb,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}

/**
 * The reminder after {@link REMINDER_AFTER_DAYS} days without verification (purpose
 * `verification-reminder`), with a fresh code and the date the request will be closed without one.
 */
export function verificationReminderLetter(request: Input, { code, link, name }: CodeLetterInput): Letter {
  const daysLeft = CLOSE_AFTER_DAYS - REMINDER_AFTER_DAYS;
  if (request.language === 'en') {
    return {
      subject: `Reminder: please confirm your request – reference ${request.id}`,
      text: [
        greetingLine('en', name),
        '',
        `We have not yet been able to confirm that it was you who sent the data protection request with reference ${request.id}, so we have not started on it.`,
        '',
        `Here is a new one-time code: ${code}`,
        '',
        `Enter the code on this page: ${link}`,
        `${validity('en')} Earlier codes no longer work.`,
        '',
        `If we have not received the confirmation within ${daysLeft} days, we will close the request. You can send a new request at any time. ${OTHER_WAY_TO_VERIFY.en}`,
        '',
        WHERE_CODE_WAS_SENT.en,
        '',
        NOT_YOU.en,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    return {
      subject: `Påminning: stadfest førespurnaden din – referanse ${request.id}`,
      text: [
        greetingLine('nn', name),
        '',
        `Vi har enno ikkje fått stadfesta at det er du som har sendt personvernførespurnaden med referanse ${request.id}, og har difor ikkje byrja på han.`,
        '',
        `Her er ein ny eingongskode: ${code}`,
        '',
        `Skriv inn koden på denne sida: ${link}`,
        `${validity('nn')} Tidlegare kodar gjeld ikkje lenger.`,
        '',
        `Får vi ikkje stadfestinga innan ${daysLeft} dagar, avsluttar vi førespurnaden. Du kan sende ein ny førespurnad når som helst. ${OTHER_WAY_TO_VERIFY.nn}`,
        '',
        WHERE_CODE_WAS_SENT.nn,
        '',
        NOT_YOU.nn,
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  return {
    subject: `Påminnelse: bekreft henvendelsen din – referanse ${request.id}`,
    text: [
      greetingLine('nb', name),
      '',
      `Vi har ennå ikke fått bekreftet at det er du som har sendt personvernhenvendelsen med referanse ${request.id}, og har derfor ikke begynt på den.`,
      '',
      `Her er en ny engangskode: ${code}`,
      '',
      `Skriv inn koden på denne siden: ${link}`,
      `${validity('nb')} Tidligere koder gjelder ikke lenger.`,
      '',
      `Får vi ikke bekreftelsen innen ${daysLeft} dager, avslutter vi henvendelsen. Du kan sende en ny henvendelse når som helst. ${OTHER_WAY_TO_VERIFY.nb}`,
      '',
      WHERE_CODE_WAS_SENT.nb,
      '',
      NOT_YOU.nb,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}

/**
 * The letter closing a request whose requester never confirmed their identity (purpose
 * `unverified-closure`). Nothing was disclosed or changed; they may ask again at any time, and
 * Art. 12(4) requires telling them of the complaint to Datatilsynet and the courts.
 */
export function unverifiedClosureLetter(request: Input, publicBaseUrl?: string): Letter {
  const base = publicBaseUrl?.replace(/\/+$/, '');
  if (request.language === 'en') {
    const where = base ? `using the form at ${base}/?lang=en` : 'using the form on our website';
    return {
      subject: `Your request has been closed – reference ${request.id}`,
      text: [
        greetingLine('en', provenName(request)),
        '',
        `We have not been able to confirm that it was you who sent the data protection request with reference ${request.id}. To keep personal data from reaching the wrong person, we have therefore closed the request without disclosing, changing or deleting anything.`,
        '',
        `You can send a new request at any time, ${where} or by e-mail to naerkontor@obos.no, and we will send you a new one-time code. ${OTHER_WAY_TO_VERIFY.en}`,
        '',
        REMEDIES.en,
        '',
        SIGNATURE.en,
      ].join('\n'),
    };
  }
  if (request.language === 'nn') {
    const where = base ? `i skjemaet på ${base}/?lang=nn` : 'i skjemaet på nettsidene våre';
    return {
      subject: `Førespurnaden din er avslutta – referanse ${request.id}`,
      text: [
        greetingLine('nn', provenName(request)),
        '',
        `Vi har ikkje fått stadfesta at det er du som har sendt personvernførespurnaden med referanse ${request.id}. For at personopplysningar ikkje skal kome på avvegar, har vi difor avslutta førespurnaden utan å gje ut, endre eller slette noko.`,
        '',
        `Du kan sende ein ny førespurnad når som helst, ${where} eller på e-post til naerkontor@obos.no, så sender vi deg ein ny eingongskode. ${OTHER_WAY_TO_VERIFY.nn}`,
        '',
        REMEDIES.nn,
        '',
        SIGNATURE.nn,
      ].join('\n'),
    };
  }
  const where = base ? `i skjemaet på ${base}/` : 'i skjemaet på nettsidene våre';
  return {
    subject: `Henvendelsen din er avsluttet – referanse ${request.id}`,
    text: [
      greetingLine('nb', provenName(request)),
      '',
      `Vi har ikke fått bekreftet at det er du som har sendt personvernhenvendelsen med referanse ${request.id}. For at personopplysninger ikke skal komme på avveie, har vi derfor avsluttet henvendelsen uten å utlevere, endre eller slette noe.`,
      '',
      `Du kan sende en ny henvendelse når som helst, ${where} eller på e-post til naerkontor@obos.no, så sender vi deg en ny engangskode. ${OTHER_WAY_TO_VERIFY.nb}`,
      '',
      REMEDIES.nb,
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
