import { compileCues } from './cue.js';

const RECEIVED_OR_SAW =
  'fikk|fekk|fått|mottatt|mottok|motteke|modtaget|modtog|received|receive|got|fick|tilsendt|sendt|sent|ser|sjå|see|seen|saw|se|vises|synlig|visible|shows|showed';
const OTHER_PERSON =
  'annen|annan|anden|annens|annans|andens|another|andre|andres|andra|other|others kunde*|kundes|kunds|kunder*|person*|medlem*|member*|customer*|brukere*|users|user*|medlemmer';

/**
 * A possible personal-data breach (Art. 33: 72 hours): someone got or can see another person's data,
 * data went to the wrong person, or a leak. Flagged even when negated ("jeg håper ikke det er en
 * lekkasje"): staff would rather look once too often.
 */
export const BREACH_CUES = compileCues([
  { phrase: `${OTHER_PERSON} & ${RECEIVED_OR_SAW}`, weight: 1 },
  { phrase: `someone|somebody else's|elses & ${RECEIVED_OR_SAW}`, weight: 1 },
  { phrase: 'adressert|addressed|stilet|adresserad|adresseret|meant til|to|for .. annen|annan|anden|another|someone|noen|nokon', weight: 1 },
  { phrase: `feil|wrong|fel|forkert|forkerte person|mottaker|mottakar|recipient|mottagare|modtager & ${RECEIVED_OR_SAW}|gikk|went|kom|came|gått`, weight: 1 },
  { phrase: 'data|personal leak|leaks|breach|lekkasje|brudd', weight: 1 },
  {
    phrase: `hans|hennes|hendes|hennar|his|her|their|deira adresse*|adressa|kundenummer*|navn|namn|name|address|telefonnummer*|personnummer*|faktura*|invoice|data|opplysning*|bookinger* / adressen|adressa|kundenummeret|navnet|namnet|telefonnummeret|personnummeret|fakturaen|opplysningene|bookingene hans|hennes|hendes|hennar & ${RECEIVED_OR_SAW}`,
    weight: 1,
  },
  { phrase: 'synlig*|synleg|synligt|visible|tilgjengelig*|leselig|readable & anyone|everyone|alle|andre|others|forbipasserende|passing|walking|öppet|åpent / hvem som helst', weight: 1 },
  { phrase: 'datalekkasje|datalekkasjen|personvernbrudd|sikkerhetsbrudd|databrudd|datainnbrudd|dataläcka|datalæk|lækage|avveie|hacket|hacked|leaked|lekket|læk', weight: 1 },
  { phrase: 'noen|nokon|someone|somebody|någon|nogen andre|else|annan|anden & tilgang|tilgjenge|access|adgang|åtkomst', weight: 1 },
]);
