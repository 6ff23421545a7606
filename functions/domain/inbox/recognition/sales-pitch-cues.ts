import { compileCues } from './cue.js';

/**
 * A vendor selling to us: privacy tools, courses and consultants name every right («innsyn, sletting
 * og samtykker på autopilot») without asking for one. What gives them away is the pitch: a demo, a
 * meeting, a platform, a price, a sales title. Two of these make a pitch, whatever rights it names.
 */
export const SALES_PITCH_CUES = compileCues([
  { phrase: 'demo|demoen|walkthrough|gjennomgang|genomgång|gennemgang|webinar*|presentasjon', weight: 1 },
  { phrase: 'gratis|free|kostnadsfri*|uforpliktende|uforpligtende|no-obligation|kostnadsfritt & demo|møte|meeting|möte|møde|prat|call|samtale|audit|trial|prøveperiode|genomgång|gennemgang', weight: 1 },
  { phrase: '10|15|20|30|45 minutter|minutes|minuter|min|minutters', weight: 0.7 },
  { phrase: 'plattform*|platform*|løsning*|solution*|lösning*|verktøy*|tool|software|programvare|saas / tjenesten vår / our service', weight: 0.6 },
  { phrase: 'automatiser*|automate*|automatisk|automatically|autopilot|effektiviser*', weight: 0.6 },
  { phrase: 'vi tilbyr|erbjuder|tilbyder|hjelper|hjälper|hjælper / we offer|help|helps / companies like yours / bedrifter som deres / flere|mange ... bruker|bruger|använder oss', weight: 0.7 },
  { phrase: 'vi|we hanterar|håndterer|handle|tar|ta ... åt|for|för er|dere|you|jer', weight: 0.7 },
  { phrase: 'tar|takes|handles|håndterer|hanterar|gör|gjør|does ... jobben|arbeidet|arbetet|work|job|alt|allt|everything|hele ... for|åt|för dere|you|er|jer', weight: 0.7 },
  { phrase: 'account executive|manager / key account / salgssjef|selger|säljare|sælger|sales|salg|försäljning|kundeansvarlig', weight: 0.6 },
  { phrase: 'fast|fixed månedspris|månadspris|månedlig|monthly|price|pris / per måned|month|månad|mnd / kr|nok|sek|dkk mnd|md|month', weight: 0.6 },
  { phrase: 'som|as tjeneste|tjänst|tjeneste|service / as a service', weight: 0.6 },
  { phrase: 'kan jeg|vi ringe|ring deg|dig / can i|we call you / kan jeg få|ta 15|20|10 / passer det / would you be open / shall i|we', weight: 0.6 },
  { phrase: 'har du|ni|i|dere tid|lyst / do you have time|a minute / would you have time', weight: 0.6 },
  { phrase: 'mange|many|flere|fler|mange virksomheter|bedrifter|companies|businesses|företag|virksomheder|organisasjoner|organisations', weight: 0.6 },
  { phrase: 'boka|book|boke en|ett|a|et|you|inn', weight: 0.6 },
  { phrase: 'kurs|kurset|heldagskurs|course|workshop|utbildning|uddannelse|seminar|seminaret|kursdag', weight: 0.7 },
  { phrase: 'meld deg|dere på / sign up / register now / anmäl dig / tilmeld dig|jer', weight: 0.7 },
  { phrase: 'pris|price|priser|koster|kostar|costs|fra|from 1|2|3|4|5|6|7|8|9|kr|nok|sek|dkk|eur', weight: 0.4 },
  { phrase: 'virksomheter|virksomheder|bedrifter|companies|businesses|företag som|like deres|jeres|yours|era|dere', weight: 0.6 },
  { phrase: 'sparer|spare|save|saves|spar|sparar ... timer|hours|timmar|tid|time|kroner|money', weight: 0.6 },
  { phrase: 'kort|quick|short|rask|kjapp prat|snak|chat|call|samtale|pratstund', weight: 0.6 },
  { phrase: 'compliance|etterlevelse|overholde*|overholder|efterlevnad|compliant|revisjon|audit', weight: 0.5 },
]);

/** A pitch needs this much, from several cues. */
export const SALES_PITCH_THRESHOLD = 2;
