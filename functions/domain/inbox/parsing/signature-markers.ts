/**
 * What marks the end of a sender's own words in Norwegian (bokmål and nynorsk), Swedish, Danish and
 * English mail: closings, "sent from my phone" footers, and the confidentiality disclaimers company
 * signatures carry (which often say "slett"/"delete" and must not read as a request).
 */

/** Closings, lower-case, without trailing punctuation. */
const CLOSINGS = [
  'mvh', 'm.v.h', 'vh', 'med vennlig hilsen', 'vennlig hilsen', 'vennligst hilsen', 'med vennleg helsing',
  'med venleg helsing', 'venleg helsing', 'vennleg helsing', 'helsing', 'beste helsing', 'hilsen',
  'hilsener', 'beste hilsen', 'beste hilsener', 'mange hilsener', 'med hilsen', 'hilsen fra', 'takk og hilsen',
  'takk på forhånd', 'på forhånd takk', 'med venlig hilsen', 'venlig hilsen', 'venligst hilsen',
  'de bedste hilsner', 'bedste hilsner', 'bedste hilsen', 'kærlig hilsen', 'hilsner',
  'med vänliga hälsningar', 'med vänlig hälsning', 'vänliga hälsningar', 'vänlig hälsning', 'hälsningar',
  'hälsning', 'bästa hälsningar', 'varma hälsningar', 'tack på förhand', 'tack och hälsningar',
  'best regards', 'kind regards', 'warm regards', 'regards', 'best wishes', 'all the best', 'best',
  'yours sincerely', 'yours faithfully', 'sincerely', 'faithfully', 'cheers', 'many thanks', 'thanks',
  'thank you', 'takk', 'tusen takk', 'tack', 'tak', 'mange tak',
];
const CLOSING = new RegExp(
  String.raw`^(?:${CLOSINGS.map((closing) => closing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\s,.!:;-]*(.*)$`,
  'iu',
);
/** A name after a closing on the same line: "Kari", "Per Arne Lunde", "HP", "V.", "Kari Nordmann (Oslo)". */
const NAME = /^(?:[\p{Lu}][\p{L}.'’-]*|[\p{Lu}]\.|\([^)]*\)|&|og|and|och|fra|from|från)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|[\p{Lu}]\.|\([^)]*\)|&|og|and|och|fra|from|från))*$/u;

/**
 * True for a line that is only a closing, optionally with a name: "Mvh", "Med vennlig hilsen,",
 * "Hilsen Kari", "Best regards, Marco Bianchi". "Hilsen fra Kari, jeg vil slette kontoen" is not one.
 */
export function isClosingLine(line: string): boolean {
  const match = CLOSING.exec(line.trim());
  if (!match) return false;
  const rest = match[1]!.trim();
  return rest === '' || (rest.split(/\s+/).length <= 4 && NAME.test(rest)) || /^\p{Ll}{2,15}$/u.test(rest);
}

/** "Sent from my iPhone", "Sendt fra min iPhone", "Skickat från min iPhone", "Hent Outlook for Android". */
const MOBILE_FOOTER =
  /^(?:(?:sent|sendt|send|skickat|skickad|sendt)\s+(?:fra|frå|från|from|via)\s+(?:min|mi|mitt|my|your|iphone|ipad|samsung|outlook|mail|e-post|android|huawei|yahoo|gmail|galaxy|telefonen)\b.{0,60}|(?:get|hent|skaff deg|få|skaffa)\s+outlook\s+(?:for|til|för)\s+\S+)$/i;

/** A short line that is a phone or app footer, not something the sender wrote. */
export const isMobileFooter = (line: string): boolean => line.trim().length <= 90 && MOBILE_FOOTER.test(line.trim());

/** RFC 3676 signature delimiter "-- " (clients that trim trailing spaces leave "--"). */
export const isSignatureDelimiter = (line: string): boolean => /^--\s?$/.test(line);

/** Words confidentiality and environment disclaimers use in the five languages. */
const DISCLAIMER_MARKERS =
  /\b(?:konfidensiell|konfidensielt|fortrolig|fortroleg|taushetsbelagt|teieplikt|ved en feil|ved ein feil|ved en fejl|rett mottaker|rette mottakar|tiltenkte mottaker|rette modtager|konfidentiell|konfidentiellt|av misstag|avsedd mottagare|rätt mottagare|confidential|privileged|intended recipient|in error|by mistake|disclaimer|think before you print|tenk miljø|tänk på miljön|tænk på miljøet)\b/gi;

/** How many distinct disclaimer phrases a paragraph uses. */
export function disclaimerMarkers(paragraph: string): number {
  return new Set(paragraph.toLowerCase().match(DISCLAIMER_MARKERS) ?? []).size;
}

/** A paragraph that is contact details: phone numbers, addresses, web or mail addresses, titles. */
const CONTACT = /(?:\+?\d[\d ]{6,}\d|@|www\.|https?:\/\/|\b(?:tlf|tel|mob|mobil|telefon|phone|org\.?\s?nr)\b)/i;
/** Contact details rather than a sentence: such lines after a closing belong to the signature. */
export const isContactLine = (line: string): boolean => CONTACT.test(line);

/** "PS:", "P.S.", "PS!": the sender writes on after signing, and that is their own text. */
export const isPostscript = (line: string): boolean => /^\s*p\.?\s?s\.?(?:[:!.,\s]|$)/i.test(line);
