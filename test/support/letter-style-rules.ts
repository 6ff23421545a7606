import { CATEGORY_LABELS, RECIPIENT_LABELS } from '../../functions/domain/letters/art15-information.js';
import type { Language } from '../../functions/domain/request/request-vocabulary.js';

/** One text a customer (or a recipient) reads, named for a failing test's message. */
export interface RenderedText {
  readonly name: string;
  readonly language: Language;
  /** Plain text: a letter's subject and body, or a page's visible text. */
  readonly text: string;
}

/** The visible text of an HTML page: no tags, scripts or styles; entities decoded; one line per block. */
export function pageText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<\/(p|h[1-6]|li|tr|div|dt|dd|caption|th|td|section|legend|label|title)>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Each place `pattern` matches, with some text around it, named by the text it is in. */
function findings(list: readonly RenderedText[], pattern: RegExp, keep: (match: RegExpExecArray, text: string) => boolean = () => true): string[] {
  const found: string[] = [];
  for (const { name, language, text } of list) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let match = global.exec(text); match; match = global.exec(text)) {
      if (keep(match, text)) found.push(`${name} [${language}]: …${text.slice(Math.max(0, match.index - 50), match.index + match[0].length + 30)}…`);
    }
  }
  return found;
}

/** The form names the rules it lets people use, «personvernregelverket (GDPR)»: a name, not a citation. */
const notTheFormsName = (match: RegExpExecArray, text: string): boolean => !/personvernregelverket \($/.test(text.slice(0, match.index));

/** Sentences of a text: split after . ! ? and at line ends. */
const sentences = (text: string): string[] =>
  text
    .split(/\n|(?<=[.!?])\s+(?=[«"“(]?\p{Lu})/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

const only = (list: readonly RenderedText[], language: Language) => list.filter((text) => text.language === language);

const NOT_DONE_HEADINGS = ['Dette har vi ikke gjort, og hvorfor', 'Dette har vi ikkje gjort, og kvifor', 'What we have not done, and why'];

/**
 * Bokmål word forms that have no place in a nynorsk text (nynorsk writes «ikkje», «kva», «korleis»,
 * «kvifor», «dersom/viss», «kven», «eg», «frå», «no», «berre», «meir», «noko», «opplysningar»,
 * «førespurnad», «vennleg helsing»). Words spelt alike in both (og, at, som, for, vi, du) are not listed.
 */
const BOKMAL_ONLY = [
  'ikke', 'hva', 'hvordan', 'hvorfor', 'hvis', 'hvem', 'hvilken', 'hvilket', 'hvilke', 'jeg', 'fra', 'nå', 'bare', 'mer',
  'noe', 'noen', 'opplysninger', 'opplysningene', 'henvendelse', 'henvendelsen', 'henvendelser', 'vennlig', 'hilsen',
  'ble', 'innen', 'senest', 'beskyttelse', 'tjeneste', 'tjenesten', 'tjenester',
  'lenken', 'siden', 'gjelder', 'trenger', 'behandlingen', 'begrensning', 'begrensningen', 'markedsføring', 'rettigheter',
  'rettighetene', 'personvernforordningen', 'bokføringsloven', 'bokføringsforskriften', 'markedsføringsloven', 'dem', 'deres',
  'avgjørelse', 'avgjørelser', 'måneder', 'måned', 'kunder', 'mottakere', 'kilde', 'oppføringer', 'svarer', 'forklarer',
  'sletter', 'lagrer', 'kontakter', 'avslutter', 'varsler', 'behandler',
];

/** A calendar date, not an instant («24. november 2026 kl. 09:00» labels a different fact each time in a table). */
const DATE =
  /\b\d{1,2}\.? (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b(?! (kl\.|at) )/g;

/**
 * The house style of every text a customer reads, one rule each; every rule returns the places
 * that break it (empty when the texts keep it):
 * - law cited in one style: «personvernforordningen artikkel 17 nr. 3 bokstav b», «bokføringsloven
 *   § 13 første ledd»; in nynorsk «personvernforordninga artikkel 17 nr. 3 bokstav b», «bokføringslova
 *   § 13 første ledd», and no bokmål-only word form in a nynorsk text; "Article 17(3)(b) of the General Data Protection Regulation", "section 13(1)
 *   of the Norwegian Bookkeeping Act";
 * - «oppføring» for a record, never «post»; «nekte å etterkomme», never «avslå å etterkomme»;
 * - the privacy policy is never a legal basis;
 * - no category or recipient name with a capital in the middle of a sentence;
 * - no date repeated in the next sentence, no complaint paragraph twice in a row;
 * - under «Dette har vi ikke gjort, og hvorfor» only what was not done, and never an empty heading.
 */
export const LETTER_STYLE_RULES: Readonly<Record<string, (texts: readonly RenderedText[]) => string[]>> = {
  'writes «nekte å etterkomme», never «avslå å etterkomme»': (texts) => [
    ...findings(only(texts, 'nb'), /avslå(r)? å etterkomme/i),
    ...findings(only(texts, 'nn'), /avslå(r)? å etterkom(m)?e/i),
  ],

  // «post» stays right for letters sent by post, «e-post» and «postadresse»: only a counted or tabulated «post(er)» is a record.
  'calls a record «oppføring», never «post»': (texts) => [
    ...findings(only(texts, 'nb'), /\b(\d+|én|ett|en|antall) post(er)?\b|\bposter\b|^Poster$/im),
    ...findings(only(texts, 'nn'), /\b(\d+|éin|eitt|ein|talet på) post(ar)?\b|\bpostar\b|^Postar$/im),
  ],

  'cites the GDPR in Norwegian as «personvernforordningen artikkel N nr. N bokstav x», never abbreviated': (texts) => [
    ...findings(only(texts, 'nb'), /\bart\.\s*\d|\bGDPR\b|artikkel \d+\s*\(|nr\. \d+ [a-h]\b|\(\d+\)\s*\([a-h]\)/i, notTheFormsName),
    // Every article names the law, directly or as the second article of the same citation.
    ...findings(only(texts, 'nb'), /artikkel \d+/i, (match, text) => {
      const before = text.slice(Math.max(0, match.index - 100), match.index);
      return !/personvernforordningen $/i.test(before) && !/personvernforordningen artikkel [^;:\n]*? (og|eller) $/i.test(before);
    }),
  ],

  'cites the GDPR in nynorsk as «personvernforordninga artikkel N nr. N bokstav x», never abbreviated': (texts) => [
    ...findings(only(texts, 'nn'), /\bart\.\s*\d|\bGDPR\b|artikkel \d+\s*\(|nr\. \d+ [a-h]\b|\(\d+\)\s*\([a-h]\)/i, notTheFormsName),
    ...findings(only(texts, 'nn'), /artikkel \d+/i, (match, text) => {
      const before = text.slice(Math.max(0, match.index - 100), match.index);
      return !/personvernforordninga $/i.test(before) && !/personvernforordninga artikkel [^;:\n]*? (og|eller) $/i.test(before);
    }),
  ],

  'names the law in nynorsk forms in nn texts: personvernforordninga, bokføringslova, bokføringsforskrifta, marknadsføringslova': (texts) =>
    findings(only(texts, 'nn'), /\b(personvernforordningen|bokføringsloven|bokføringsforskriften|markedsføringsloven|personvernerklæringen)\b/i),

  'writes nynorsk in nn texts, without bokmål-only word forms («ikke», «hva», «hvordan», «opplysninger», «henvendelse» …)': (texts) =>
    findings(only(texts, 'nn'), new RegExp(`(?<![\\p{L}\\d@.-])(${BOKMAL_ONLY.join('|')})(?![\\p{L}\\d@-])`, 'iu')),

  'cites Norwegian acts as «loven § N første ledd», never with the paragraph in brackets': (texts) =>
    findings([...only(texts, 'nb'), ...only(texts, 'nn')], /§\s*\d+\s*\(\d+\)|§\s*\d+\s*(nr\.|ledd)\s*\d/),

  'cites the law in English as "Article 17(3)(b) of the General Data Protection Regulation" and "section 13(1) of the Norwegian Bookkeeping Act"': (texts) => [
    ...findings(only(texts, 'en'), /\bArt\.\s*\d|\bGDPR Article|Article \d+ \(|\bsection \d+ \(|Bookkeeping Act,? \(?section/),
    ...findings(only(texts, 'en'), /personvernforordningen|bokføringsloven|markedsføringsloven|personvernerklæringen/i),
    ...findings(only(texts, 'en'), /\bArticle \d+(\(\w+\))*/, (match, text) => {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 120);
      return !/^(,? (and|or) Article \d+(\(\w+\))*)* of the General Data Protection Regulation/.test(after);
    }),
    ...findings(only(texts, 'en'), /\bsection \d+(-\d+)*(\(\d+\))?/, (match, text) => !/^ of the Norwegian [A-Z]/.test(text.slice(match.index + match[0].length))),
  ],

  'never gives the privacy policy as a legal basis': (texts) =>
    findings(texts, /(rettslig grunnlag|grunnlag|legal basis|basis)\b[^\n]*(personvernerklæring|privacy (policy|statement))/i),

  'writes category and recipient names in lower case in the middle of a sentence': (texts) => {
    const labels = [...Object.values(CATEGORY_LABELS), ...Object.values(RECIPIENT_LABELS)]
      .flatMap((label) => [label.nb, label.nn, label.en])
      .filter((label) => !label.startsWith('Unloc'));
    const escaped = labels.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return findings(texts, new RegExp(`(?<=[\\p{Ll}\\d,;] )(${escaped.join('|')})`, 'u'));
  },

  'does not repeat a date in the next sentence (a label such as «Rettslig grunnlag: …» in between does not count)': (texts) => {
    const repeated: string[] = [];
    for (const { name, language, text } of texts) {
      const list = sentences(text);
      list.forEach((sentence, index) => {
        for (const next of list.slice(index + 1, index + 3)) {
          for (const day of sentence.match(DATE) ?? []) if (next.includes(day)) repeated.push(`${name} [${language}]: ${sentence} | ${next}`);
        }
      });
    }
    return repeated;
  },

  'states the right to complain once in a row, not twice': (texts) => {
    const twice: string[] = [];
    for (const { name, language, text } of texts) {
      for (const paragraph of text.split('\n')) {
        if ((paragraph.match(/rett til å klage til Datatilsynet|right to lodge a complaint/g) ?? []).length > 1) twice.push(`${name} [${language}]: ${paragraph}`);
      }
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      lines.forEach((line, index) => {
        if (/Datatilsynet/.test(line) && /Datatilsynet/.test(lines[index + 1] ?? '')) twice.push(`${name} [${language}]: ${line} | ${lines[index + 1]}`);
      });
    }
    return twice;
  },

  'lists under «Dette har vi ikke gjort, og hvorfor» only what was not done, and shows the heading only above such items': (texts) => {
    const misplaced: string[] = [];
    for (const { name, language, text } of texts) {
      const lines = text.split('\n');
      const start = lines.findIndex((line) => NOT_DONE_HEADINGS.includes(line));
      if (start < 0) continue;
      if (!lines[start + 2]?.startsWith('  • ')) misplaced.push(`${name} [${language}]: heading without items`);
      for (const line of lines.slice(start + 2)) {
        if (!line.startsWith('  • ')) break;
        if (/^ {2}• (Vi har (?!ikke|ennå ikke|ikkje|enno ikkje)|We have (?!not))/.test(line)) misplaced.push(`${name} [${language}]: ${line}`);
      }
    }
    return misplaced;
  },
};
