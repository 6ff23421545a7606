import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, RECIPIENT_LABELS } from '../../../functions/domain/letters/art15-information.js';
import { formatCalendarDate } from '../../../functions/domain/letters/format-calendar-date.js';
import { legalBasisIn } from '../../../functions/domain/letters/legal-citations.js';
import { REQUEST_TYPES } from '../../../functions/domain/request/request-vocabulary.js';
import { ACTIVE_CUSTOMER, scenario } from '../carry-out/carry-out-fixture.js';
import { renderEveryText, type RenderedText } from './rendered-letters.js';

/**
 * The house style of every text a customer reads, checked on the rendered letters, pages and
 * report (see `rendered-letters.ts`), so a new letter is held to it by being rendered there:
 * - law cited in one style: «personvernforordningen artikkel 17 nr. 3 bokstav b», «bokføringsloven
 *   § 13 første ledd»; "Article 17(3)(b) of the General Data Protection Regulation", "section 13(1)
 *   of the Norwegian Bookkeeping Act";
 * - «oppføring» for a record, never «post»; «nekte å etterkomme», never «avslå å etterkomme»;
 * - the privacy policy is never a legal basis;
 * - no category name with a capital in the middle of a sentence;
 * - no date repeated in the very next sentence, no complaint paragraph twice in a row;
 * - under «Dette har vi ikke gjort, og hvorfor» only what was not done.
 */
let texts: RenderedText[];
beforeAll(async () => {
  texts = await renderEveryText();
});

const inLanguage = (language: 'nb' | 'en') => texts.filter((text) => text.language === language);

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

/** Sentences of a text: split after . ! ? and at line ends. */
const sentences = (text: string): string[] =>
  text
    .split(/\n|(?<=[.!?])\s+(?=[«"“(]?\p{Lu})/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

describe('every rendered letter, page and report', () => {
  it('renders the letters it is meant to check', () => {
    expect(texts.length).toBeGreaterThan(60);
    expect(new Set(texts.map((text) => text.language))).toEqual(new Set(['nb', 'en']));
  });

  it('writes «nekte å etterkomme», never «avslå å etterkomme»', () => {
    expect(findings(inLanguage('nb'), /avslå(r)? å etterkomme/i)).toEqual([]);
  });

  it('calls a record «oppføring», never «post»', () => {
    // «post» stays right for letters sent by post, «e-post» and «postadresse»: only a counted or tabulated «post(er)» is a record.
    expect(findings(inLanguage('nb'), /\b(\d+|én|ett|en|antall) poster?\b|\bposter\b|^Poster$/im)).toEqual([]);
  });

  it('cites the GDPR in Norwegian as «personvernforordningen artikkel N nr. N bokstav x», never abbreviated', () => {
    const nb = inLanguage('nb');
    expect(findings(nb, /\bart\.\s*\d|\bGDPR\b|artikkel \d+\s*\(|nr\. \d+ [a-h]\b|\(\d+\)\s*\([a-h]\)/i)).toEqual([]);
    // Every article names the law, directly or as the second article of the same citation.
    expect(
      findings(nb, /artikkel \d+/i, (match, text) => {
        const before = text.slice(Math.max(0, match.index - 100), match.index);
        return !/personvernforordningen $/i.test(before) && !/personvernforordningen artikkel [^;:\n]*? (og|eller) $/i.test(before);
      }),
    ).toEqual([]);
  });

  it('cites Norwegian acts as «loven § N første ledd», never with the paragraph in brackets', () => {
    expect(findings(inLanguage('nb'), /§\s*\d+\s*\(\d+\)|§\s*\d+\s*(nr\.|ledd)\s*\d/)).toEqual([]);
  });

  it('cites the law in English as "Article 17(3)(b) of the General Data Protection Regulation" and "section 13(1) of the Norwegian Bookkeeping Act"', () => {
    const en = inLanguage('en');
    expect(findings(en, /\bArt\.\s*\d|\bGDPR Article|Article \d+ \(|\bsection \d+ \(|Bookkeeping Act,? \(?section/)).toEqual([]);
    expect(findings(en, /personvernforordningen|bokføringsloven|markedsføringsloven|personvernerklæringen/i)).toEqual([]);
    expect(
      findings(en, /\bArticle \d+(\(\w+\))*/, (match, text) => {
        const after = text.slice(match.index + match[0].length, match.index + match[0].length + 120);
        return !/^(,? (and|or) Article \d+(\(\w+\))*)* of the General Data Protection Regulation/.test(after);
      }),
    ).toEqual([]);
    expect(
      findings(en, /\bsection \d+(\(\d+\))?/, (match, text) => !/^ of the Norwegian [A-Z]/.test(text.slice(match.index + match[0].length))),
    ).toEqual([]);
  });

  it('never gives the privacy policy as a legal basis', () => {
    expect(findings(texts, /(rettslig grunnlag|grunnlag|legal basis|basis)\b[^\n]*(personvernerklæring|privacy (policy|statement))/i)).toEqual([]);
  });

  it('writes category and recipient names in lower case in the middle of a sentence', () => {
    const labels = [...Object.values(CATEGORY_LABELS), ...Object.values(RECIPIENT_LABELS)]
      .flatMap((label) => [label.nb, label.en])
      .filter((label) => !label.startsWith('Unloc'));
    const escaped = labels.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    expect(findings(texts, new RegExp(`(?<=[\\p{Ll}\\d,;] )(${escaped.join('|')})`, 'u'))).toEqual([]);
  });

  it('does not repeat a date in the next sentence (a label such as «Rettslig grunnlag: …» in between does not count)', () => {
    // A calendar date, not an instant («24. november 2026 kl. 09:00» labels a different fact each time in a table).
    const date = /\b\d{1,2}\.? (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b(?! (kl\.|at) )/g;
    const repeated: string[] = [];
    for (const { name, language, text } of texts) {
      const list = sentences(text);
      list.forEach((sentence, index) => {
        for (const next of list.slice(index + 1, index + 3)) {
          for (const day of sentence.match(date) ?? []) if (next.includes(day)) repeated.push(`${name} [${language}]: ${sentence} | ${next}`);
        }
      });
    }
    expect(repeated).toEqual([]);
  });

  it('states the right to complain once in a row, not twice', () => {
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
    expect(twice).toEqual([]);
  });

  it('lists under «Dette har vi ikke gjort, og hvorfor» only what was not done', () => {
    const misplaced: string[] = [];
    for (const { name, language, text } of texts) {
      const lines = text.split('\n');
      const start = lines.findIndex((line) => line === 'Dette har vi ikke gjort, og hvorfor' || line === 'What we have not done, and why');
      if (start < 0) continue;
      for (const line of lines.slice(start + 2)) {
        if (!line.startsWith('  • ')) break;
        if (/^ {2}• (Vi har (?!ikke|ennå ikke)|Vi har registrert|We have (?!not)|We have recorded)/.test(line)) misplaced.push(`${name} [${language}]: ${line}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('shows «Dette har vi ikke gjort, og hvorfor» only above something that was not done', () => {
    const empty: string[] = [];
    for (const { name, language, text } of texts) {
      const lines = text.split('\n');
      const start = lines.findIndex((line) => line === 'Dette har vi ikke gjort, og hvorfor' || line === 'What we have not done, and why');
      if (start >= 0 && !lines[start + 2]?.startsWith('  • ')) empty.push(`${name} [${language}]`);
    }
    expect(empty).toEqual([]);
  });
});

describe('the legal bases of every plan', () => {
  it.each(['nb', 'en'] as const)('name the law in %s, never the privacy policy', (language) => {
    const bases = REQUEST_TYPES.flatMap((type) =>
      [undefined, ACTIVE_CUSTOMER].flatMap((held) => {
        const { plan } = scenario({ types: [type], ...(held && { held }) });
        return [...plan.kept, ...plan.refusals].map((item) => legalBasisIn(item.legalBasis, language));
      }),
    );
    expect(bases.length).toBeGreaterThan(0);
    for (const basis of bases) {
      expect(basis).not.toMatch(/personvernerklæring|privacy (policy|statement)/i);
      expect(basis).toMatch(language === 'nb' ? /personvernforordningen artikkel|bokføringsloven §|markedsføringsloven §/ : /of the (General Data Protection Regulation|Norwegian [A-Z])/);
    }
  });

  it('formats the dates the checks look for as the letters do', () => {
    // Guards the date check above against a change of date format that would make it pass vacuously.
    expect(formatCalendarDate('2029-12-31', 'nb')).toBe('31. desember 2029');
    expect(formatCalendarDate('2029-12-31', 'en')).toBe('31 December 2029');
  });
});
