import { compileCues } from './cue.js';

/**
 * The queues a mail that asks for no right belongs in. Transparent word lists in the five languages;
 * a topic needs a score of 1 and the highest wins (complaint before billing before booking on a tie:
 * an angry mail about an invoice is first a complaint).
 */
export const TOPIC_CUES = {
  complaint: compileCues([
    { phrase: 'klage*|klager|complain*|complaint|reklamasjon|klagomål|klagar', weight: 1 },
    { phrase: 'misfornøyd|misnøgd|utilfreds|missnöjd|dissatisfied|unhappy|skuffet|skuffa|skuffende|disappointed|besviken|frustrert|frustrated|irritert|oppgitt', weight: 1 },
    { phrase: 'uakseptabel*|unacceptable|oacceptabelt|uacceptabelt|elendig|forferdelig|terrible|awful|horrible|dårlig|dårleg|katastrofe', weight: 1 },
    { phrase: 'not|ikke|ikkje|inte acceptable|akseptabelt|greit / ikke|ikkje|not i orden / ikke|not godt|good nok|enough', weight: 1 },
    { phrase: 'holder ikke mål', weight: 1 },
    { phrase: 'bråk|bråket|støy|støyen|larm|noise|noisy|bråkete|støyende|høylytt|høyt|loud|loudly|musikk|music', weight: 0.8 },
    { phrase: 'umulig|impossible|omöjligt|umuligt å|to|att|at jobbe|arbeide|work|arbeta|arbejde|konsentrere|concentrate', weight: 0.7 },
    { phrase: 'kaldt|iskaldt|cold|freezing|kald|grader', weight: 0.6 },
    { phrase: 'skitten*|skittent|skitne|dirty|unclean|søppel*|søppelet|rubbish|trash / ikke vasket / not cleaned', weight: 0.7 },
    { phrase: 'virker|fungerer|funker|fungerar|works|work ikke|inte|not / not working', weight: 0.7 },
    { phrase: 'ødelagt|broken|dropped|nede / cut off', weight: 0.7 },
    { phrase: 'udrikkelig|bitter|lunken|undrinkable', weight: 0.7 },
    { phrase: 'igjen|again|atter|igen / tredje|fjerde|third|fourth gang|time / nok en gang', weight: 0.4 },
    { phrase: 'gjør|gjer|gör|gør|do noe|noko|något|noget|something', weight: 0.5 },
    { phrase: 'for det vi|jeg betaler / for what we|i pay', weight: 0.7 },
  ]),
  billing: compileCues([
    { phrase: 'faktura*|fakturer*|invoice*|invoicing|räkning*|regning*', weight: 1 },
    { phrase: 'refund*|refusjon*|refusion|återbetalning|tilbakebetal*|kreditnota*|credit', weight: 1 },
    { phrase: 'purring*|purre*|inkasso*|gebyr* / reminder fee', weight: 1 },
    { phrase: 'avtalegiro|efaktura|e-faktura|kid|nettbank*|autogiro|betalingsservice', weight: 1 },
    { phrase: 'betal*|payment*|paid|pay|betalt|betaling*', weight: 0.5 },
    { phrase: 'kvittering*|receipt*|kvitto', weight: 0.5 },
    { phrase: 'charged|belastet|belasta|trukket|debitert', weight: 0.6 },
    { phrase: 'beløp*|amount|belopp|beløb', weight: 0.6 },
    { phrase: 'kr|kroner|kronor|nok|sek|dkk|eur', weight: 0.3 },
    { phrase: 'pris*|price*|koster|kostet|kostar|cost|costs|priset|växelkurs', weight: 0.4 },
    { phrase: 'mva|vat|moms', weight: 0.5 },
  ]),
  booking: compileCues([
    { phrase: 'book|booke|booker|booket|boka|bokar|bestille|bestilling', weight: 1 },
    // The noun alone is weaker: "bookinghistorikken min" in a portability request is data, not a booking.
    { phrase: 'booking|bookingen|bookingene|bookinger|bookingar|bookings|bokning|bokningen', weight: 0.6 },
    { phrase: 'reservere|reserve|reservera|book .. rom|rommet|møterom*|plass|desk|room', weight: 1 },
    { phrase: 'avbestill*|avbooke|cancel*|avlys*|afbestil*|avboka', weight: 1 },
    { phrase: 'slett*|slette|fjern*|delete|remove|flytte|move|endre|change .. booking*|bookingen|bokning*|reservasjon|reservasjonen|reservation', weight: 1 },
    { phrase: 'møterom*|mødelokale*|møtelokale*|konferanserom*|konferensrum*|mötesrum*|meeting', weight: 0.7 },
    { phrase: 'rom|rommet|room|lokale', weight: 0.4 },
    { phrase: 'dagplass*|fastplass*|kontorplass*|kontorplads*|arbeidsplass*|desk|desks|plasser', weight: 0.5 },
    { phrase: 'ledig|available|ledigt|opptatt|occupied|fullt|fullbooket', weight: 0.4 },
    { phrase: 'trenger|treng|behöver|behøver|need|ønsker|ønskjer .. møterom*|mødelokale*|konferanserom*|konferensrum*|rom|room|dagplass*|fastplass*|kontorplass*|plass|desk', weight: 0.5 },
  ]),
} as const;

/** The queues with word lists; `other` is what is left. */
export type Topic = keyof typeof TOPIC_CUES;
