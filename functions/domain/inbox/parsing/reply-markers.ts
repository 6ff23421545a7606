/**
 * Where earlier messages begin in a reply, as the common mail clients write it in Norwegian
 * (bokmål and nynorsk), Swedish, Danish, English and German. Kept apart from the splitting logic
 * so a new client's wording is one line here.
 */

/** Verbs an attribution line ends with: "… skrev Kari <kari@…>:", "On … Kari wrote:". */
const ATTRIBUTION_VERB = /\b(?:wrote|writes|skrev|skreiv|skriver|schrieb|a écrit|escribió)\b/i;
/** A clock time ("kl. 10:14", "10.14") or an address, and a date with its year: what tells an attribution from a sentence. */
const ATTRIBUTION_DETAIL = /\d{1,2}[:.]\d{2}|@|<[^>]*>/;
const ATTRIBUTION_DATE = /\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/;
const ENGLISH_ATTRIBUTION = /^on\b.*\b\d{4}\b.*\bwrote:?$/i;

/**
 * An attribution line introducing a quoted message: Gmail "ons. 12. nov. 2026 kl. 10:14 skrev Kari
 * Nordmann <kari@example.no>:", Apple "On 12 Nov 2026, at 10:14, Kari <kari@…> wrote:", Swedish
 * "Den ons 12 nov. 2026 kl 10:14 skrev …:", nynorsk "… skreiv …:". Every client writes the year and a
 * time or an address; a sentence such as "Jeg skrev til dere 3. november kl. 10:15:" lacks one of
 * them and is not an attribution.
 */
export function isAttribution(line: string): boolean {
  const text = line.trim();
  if (text.length < 8 || text.length > 300) return false;
  if (ENGLISH_ATTRIBUTION.test(text)) return true;
  return text.endsWith(':') && ATTRIBUTION_VERB.test(text) && ATTRIBUTION_DETAIL.test(text) && ATTRIBUTION_DATE.test(text);
}

/** "-----Original Message-----", "-------- Videresendt melding --------", "Begin forwarded message:". */
const SEPARATOR = new RegExp(
  [
    String.raw`^-{2,}\s*(?:original message|opprinnelig melding|opprinneleg melding|originalmeddelande|ursprungligt meddelande|oprindelig meddelelse|oprindelig besked|ursprüngliche nachricht|forwarded message|videresendt melding|vidaresendt melding|vidarebefordrat meddelande|videresendt meddelelse|videresendt besked|weitergeleitete nachricht)\s*-{2,}$`,
    String.raw`^(?:begin forwarded message|start på videresendt melding|början på vidarebefordrat meddelande|start på videresendt besked):$`,
  ].join('|'),
  'i',
);

/** A separator line after which a client pastes the earlier message unmarked. */
export const isHistorySeparator = (line: string): boolean => SEPARATOR.test(line.trim());

/** The first line of an Outlook header block ("Fra: …", "From: …", "Från: …"), bold or not. */
const OUTLOOK_FROM = /^\*?(?:from|fra|frå|från|von|de)\s*:\*?\s*\S/i;
/** A following line of the same block: "Sendt:", "Sent:", "Skickat:", "Dato:", "Date:". */
const OUTLOOK_SENT = /^\*?(?:sent|sendt|skickat|gesendt|envoyé|date|dato|datum)\s*:/i;

/** True when `lines[index]` starts an Outlook "Fra: … Sendt: …" block (the sent line within four lines). */
export function isOutlookHeaderBlock(lines: readonly string[], index: number): boolean {
  if (!OUTLOOK_FROM.test(lines[index]!.trim())) return false;
  for (let next = index + 1; next <= index + 4 && next < lines.length; next++) {
    if (OUTLOOK_SENT.test(lines[next]!.trim())) return true;
  }
  return false;
}

/** The rule line Outlook draws above its header block. */
export const isRuleLine = (line: string): boolean => /^\s*(?:_{8,}|-{8,}|={8,})\s*$/.test(line);

/** A line quoted with `>` (any depth). */
export const isQuotedLine = (line: string): boolean => /^\s*>/.test(line);
