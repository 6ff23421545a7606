import type { Cue } from '../cue.js';
import { DATA_NOUNS } from './data-words.js';

const MARKETING = 'sms*|reklame|reklam|tilbud|tilbod|kampanj*|markedsføring|marknadsföring|direktmarknadsföring|markedsføringa|marketing|offers|erbjudanden|promotions|advertising|telefonsalg|salgssamtaler|calls';
const PURPOSE = 'markedsføring|reklame|marketing|statistikk*|statistik|analyse*|analys*|analytics|profilering|profiling|direktmarknadsföring|marknadsföring|occupancy|segment*|kundesegment*';

/**
 * Art. 21 and markedsføringsloven § 15: stop marketing (per channel, req. 11.1) or a
 * legitimate-interest use such as statistics. Refusing calls and texts counts here; unsubscribing
 * from the newsletter is consent withdrawal.
 */
export const OBJECTION_CUES: readonly Cue[] = [
  { phrase: `protest* & bruk*|brukes|behandl*|${PURPOSE}|${DATA_NOUNS}|dørlogg*|adgangslogg*|passering*|utpassering*|use|used|processing`, weight: 1 },
  { phrase: 'object|objects|objecting|objection|indsigelse|invändning|motsätter|motsetter|innsigelse|innvending', weight: 1 },
  { phrase: 'reserver*|reservér* meg|mig|me', weight: 1 },
  { phrase: 'reservasjon*|reservation mot|against|imot', weight: 1 },
  { phrase: 'ikke|ikkje|inte|aldri ring|ringe|ringje meg|mig', weight: 1 },
  { phrase: 'ikke|ikkje ring', weight: 1 },
  { phrase: 'ring|ringe|ringer|ringj ikke|ikkje|inte .. meg|mig', weight: 1 },
  { phrase: 'ring meg|mig ikke|inte|ikkje', weight: 1 },
  { phrase: "don't|dont|never call|phone|text me", weight: 1 },
  { phrase: 'do not call|phone|text me', weight: 1 },
  { phrase: 'stop|stopp|slutt|slutte|sluta calling|texting|phoning|ringe|ringa|ringje', weight: 1 },
  { phrase: `stop|stopp|slutt|slutte|sluta å|med|att|sending ... ringe|ringa|ringje|${MARKETING}`, weight: 1 },
  { phrase: `ikke|ikkje|inte|not|don't|dont|never send|sende|skicka|text|email|mail ... ${MARKETING}`, weight: 1 },
  // "Stopp alle SMS-er med reklame": the stop word and the marketing it stops, a few words apart.
  { phrase: `stop|stopp|slutt|sluta .. sms*|reklame|reklam|markedsføring|marketing|tilbud|tilbod|offers|promotions`, weight: 1 },
  { phrase: `send|sende|skicka|skick .. ikke|ikkje|inte|inga|no .. ${MARKETING}`, weight: 1 },
  { phrase: `ikke|ikkje|inte|not|no|don't ... ha|motta|få|modtage|receive|want|have|mottaka ... ${MARKETING}`, weight: 1 },
  { phrase: `don't|dont|not use|bruk|bruke|använd .. ${DATA_NOUNS}|number|nummer|nummeret|e-post*|email|address ... for|til|för ... ${PURPOSE}`, weight: 1 },
  { phrase: `ikke|ikkje|inte|not bruk*|bruke|use|använd* ... ${DATA_NOUNS} ... til|for|för ... ${PURPOSE}`, weight: 1 },
  { phrase: 'art|artikkel|artikel|article|artiklene 21', weight: 1 },
  { phrase: `ikke|ikkje|inte|not|don't|dont|ej ... bruk*|bruker|use|uses|using|använd*|bruge*|bruger ... til|for|för|in|i ${PURPOSE}`, weight: 1 },
  { phrase: `stop|stopp|slutt|slutte|sluta|stoppa|stands send|sende|sending|skicka|skickar|texting|mailing ... ${MARKETING}`, weight: 1 },
  { phrase: 'ønsker|vil|vill|want|wish|ønskjer|önskar ikke|ikkje|inte|not ... ringt|ringet|ringd|oppringt|called|phoned|kontaktet|contacted|kontakta', weight: 1 },
  { phrase: 'ringeliste*|ringelist*|ringlista*|telefonliste*|salgsliste* / call list / calling list', weight: 1 },
  {
    phrase: `vil|ønsker|ønskjer|want|vill ikke|ikkje|inte|not at|that|att dere|de|you|ni|I ... bruk*|bruker|use|uses|using|använder|bruger & av|of|om|about meg|mig|me / mine|mina|my|mitt|mi ${DATA_NOUNS}|opptak*|bilde*|bilder|video*|videoopptak*|photo*|picture*|recording*|dørlogg*|nummer|number|besøk*|besök*|besøg*|visits / besøk*|besök*|besøg*|visits|${DATA_NOUNS} mine|mina|mitt|mi`,
    weight: 1,
  },
  { phrase: 'jeg|eg|i|jag protesterer|protesterar|protest|protester', weight: 0.6 },
  // A refusal after a sentence naming the use: "Dere bruker dørloggen til statistikk. Det vil jeg ikke."
  {
    phrase:
      "det|that|dette|this vil|ønsker|godtar|aksepterer|accept|want jeg|eg|i ikke|ikkje|not / slutt|stopp|stop|sluta med|with det|dette|it|that|this / stop it|that|this / i don't|dont want|accept that|this",
    weight: 0.6,
  },
  { phrase: `bruk*|brukes|bruker|use|using|used|använder|bruger ... ${DATA_NOUNS}|dørlogg*|adgangslogg*|nummer*|number ... til|for|för ... ${PURPOSE}`, weight: 0.4 },
  { phrase: 'direktemarkedsføring|direktmarknadsföring|telefonsalg|telemarketing / direct marketing / sales calls', weight: 0.4 },
];
