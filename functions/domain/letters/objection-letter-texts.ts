import type { Language } from '../request/request-vocabulary.js';
import { gdpr } from '../letter-format/legal-citations.js';

/**
 * What letters say about an objection to processing based on legitimate interest (Art. 21(1)):
 * the purpose it concerns, how it was decided and why, per language.
 */
export const OBJECTION_PURPOSE: Readonly<Record<Language, string>> = {
  nb:
    'at vi bruker opplysningene dine til analyse og utvikling: statistikk over besøk på lokasjonene våre, over hvor ofte og hvor lenge ' +
    'kunder abonnerer, og gruppering av kunder etter slike forhold',
  nn:
    'at vi bruker opplysningane dine til analyse og utvikling: statistikk over besøk på lokasjonane våre, over kor ofte og kor lenge ' +
    'kundar abonnerer, og gruppering av kundar etter slike forhold',
  en:
    'our use of your data for analysis and development: statistics on visits to our locations, on how often and how long customers ' +
    'subscribe, and grouping customers by such factors',
};

export const OBJECTION_HEADING: Readonly<Record<Language, string>> = {
  nb: 'Protesten din mot analyse og utvikling',
  nn: 'Protesten din mot analyse og utvikling',
  en: 'Your objection to analysis and development',
};

/** The objection was upheld: the purpose stops for the person. */
export function objectionUpheldLines(language: Language, reason: string): string[] {
  if (language === 'en') {
    return [
      `We have assessed your objection under Article 21(1) of the General Data Protection Regulation to ${OBJECTION_PURPOSE.en}. We uphold your objection: we no longer use your data for this purpose.`,
      '',
      'Our reasons:',
      reason,
    ];
  }
  if (language === 'nn') {
    return [
      `Vi har vurdert protesten din etter ${gdpr({ number: 21, paragraph: 1 }).nn} mot ${OBJECTION_PURPOSE.nn}. Vi tek protesten til følgje: Vi bruker ikkje lenger opplysningane dine til dette føremålet.`,
      '',
      'Grunngivinga vår:',
      reason,
    ];
  }
  return [
    `Vi har vurdert protesten din etter personvernforordningen artikkel 21 nr. 1 mot ${OBJECTION_PURPOSE.nb}. Vi tar protesten til følge: Vi bruker ikke lenger opplysningene dine til dette formålet.`,
    '',
    'Begrunnelsen vår:',
    reason,
  ];
}

/**
 * The objection was overridden by compelling legitimate grounds: the reasons (the balancing), and
 * that the restriction which held while we assessed is lifted now (Art. 18(3)).
 */
export function objectionOverriddenLines(language: Language, reason: string): string[] {
  if (language === 'en') {
    return [
      `We have assessed your objection under Article 21(1) of the General Data Protection Regulation to ${OBJECTION_PURPOSE.en}. We have concluded that we have compelling legitimate grounds for this processing which override your interests, rights and freedoms. We therefore do not uphold your objection.`,
      '',
      'Our balancing of the interests:',
      reason,
      '',
      'While we assessed your objection, we did not use your data for this purpose (Article 18(1)(d) of the General Data Protection Regulation). That restriction is lifted now.',
    ];
  }
  if (language === 'nn') {
    return [
      `Vi har vurdert protesten din etter ${gdpr({ number: 21, paragraph: 1 }).nn} mot ${OBJECTION_PURPOSE.nn}. Vi har kome til at vi har tvingande berettiga grunnar for behandlinga som går framfor interessene, rettane og fridomane dine. Vi tek difor ikkje protesten til følgje.`,
      '',
      'Slik har vi vege interessene mot kvarandre:',
      reason,
      '',
      `Medan vi vurderte protesten, brukte vi ikkje opplysningane dine til dette føremålet (${gdpr({ number: 18, paragraph: 1, point: 'd' }).nn}). Den avgrensinga blir oppheva no.`,
    ];
  }
  return [
    `Vi har vurdert protesten din etter personvernforordningen artikkel 21 nr. 1 mot ${OBJECTION_PURPOSE.nb}. Vi har kommet til at vi har tvingende berettigede grunner for behandlingen som går foran dine interesser, rettigheter og friheter. Vi tar derfor ikke protesten til følge.`,
    '',
    'Slik har vi veid interessene mot hverandre:',
    reason,
    '',
    'Mens vi vurderte protesten, brukte vi ikke opplysningene dine til dette formålet (personvernforordningen artikkel 18 nr. 1 bokstav d). Den begrensningen oppheves nå.',
  ];
}

/** A split request's reply: the marketing part took effect when received, confirmed separately. */
export const MARKETING_ALREADY_STOPPED: Readonly<Record<Language, (date: string) => string>> = {
  nb: (date) =>
    `Markedsføringen til deg stanset vi ${date}, da vi mottok henvendelsen, på e-post, SMS, telefon og adressert post. Det fikk du en egen bekreftelse på.`,
  nn: (date) =>
    `Marknadsføringa til deg stoppa vi ${date}, då vi fekk førespurnaden, på e-post, SMS, telefon og adressert post. Det fekk du ei eiga stadfesting på.`,
  en: (date) =>
    `We stopped marketing to you on ${date}, when we received your request, by e-mail, text message, phone and addressed post. We sent you a separate confirmation of that.`,
};
