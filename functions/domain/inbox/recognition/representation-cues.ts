import { compileCues } from './cue.js';

/**
 * Written for someone else (req. 1.7: staff check the mandate, and an employer asking for an
 * employee's door log is not a data-subject request). Strong cues count on their own; family and
 * employee mentions only where the mail also asks for a right, so "møterom til våre ansatte" stays
 * a booking.
 */
export const REPRESENTATION_CUES = {
  strong: compileCues([
    { phrase: 'på|paa vegne|vegner|vägnar|vegne av|af|för|frå|fra', weight: 1 },
    { phrase: 'på hans|hennes|deres|hendes|dykkar|hans vegne|vegner|vägnar|vegne', weight: 1 },
    { phrase: 'on behalf of', weight: 1 },
    { phrase: 'on his|her|their behalf', weight: 1 },
    { phrase: 'på uppdrag|oppdrag av|fra|frå|för|for', weight: 1 },
    { phrase: 'bedt|bad|ba|bede|bett|asked meg|mig|me|us|oss om|å|att|at|to|skrive|skrive|skriva|write|sende|send|skicka', weight: 1 },
    { phrase: 'har|has|have bedt|bede|bett|asked meg|mig|me', weight: 1 },
    { phrase: 'min|mi|mitt|vår|våre|vårt|our|my|vores|vor|the klient*|client*|klienten|klientens', weight: 1 },
    { phrase: 'fullmakt*|fuldmagt*|fullmagt* / letter of authority / power of attorney', weight: 1 },
    { phrase: 'foresatt*|føresett*|verge|vergen|guardian|vårdnadshavare|værge|forældremyndighed*|foreldreansvar*', weight: 1 },
    { phrase: 'authorised|authorized us|me|them', weight: 1 },
    { phrase: 'representerer|representing|represent|företräder|repræsenterer|representerar', weight: 1 },
    { phrase: 'we|vi act|acting|acts for', weight: 1 },
    { phrase: 'our|vår|vores user|users|bruker|brukere|kunde|customer', weight: 1 },
    { phrase: 'vi|we er|are|his|her|their .. arbeidsgiver|employer|arbetsgivare|arbejdsgiver|arbeidsgjevar / as|som arbeidsgiver|employer|arbetsgivare|arbejdsgiver|arbeidsgjevar', weight: 1 },
  ]),
  whenRequested: compileCues([
    { phrase: 'vår|våre|vårt|our|vores|vor ansatt*|employee*|medarbeider*|medarbejder*|anställd*|tilsett*|medarbetare', weight: 1 },
    { phrase: 'min|mi|mitt|vår|my|our|vores|mitt sønn|søn|son|sønnen|datter|dotter|dottera|daughter|mann|ektemann|kone|kona|husband|wife|mor|far|mother|father|sambo*|bror|søster|brother|sister|pappa|mamma|foreldre|forelder', weight: 0.5 },
    { phrase: 'om|about|for|på|av|af|of ham|henne|him|her|honom|hende|hans', weight: 0.5 },
    { phrase: 'han|hun|ho|he|she|hon ønsker|vil|ber|wants|asks|ønskjer|önskar|ber|would|ba|bad|asked|har|has|had', weight: 0.5 },
    { phrase: 'profilen|kontoen|opplysningene|opplysningane|dataene|konto|profil|data|oplysninger|uppgifter hans|hennes|hendes|hennar / his|her|their account|profile|data|details', weight: 0.5 },
    { phrase: 'sønnen|sonen|datteren|dattera|dottera|kona|mannen|faren|moren|mora|far|mor|sønn|son|søn|datter|dotter min|mi|mitt', weight: 0.5 },
    { phrase: 'advokat|lawyer|solicitor|attorney|advokatfirma*|advokatfirman', weight: 0.5 },
    { phrase: 'byrå|agency|bureau|agentur', weight: 0.5 },
  ]),
} as const;
