import { beforeAll, describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../../functions/domain/letter-format/format-calendar-date.js';
import { legalBasisIn } from '../../../functions/domain/letter-format/legal-citations.js';
import { LANGUAGES, REQUEST_TYPES } from '../../../functions/domain/request/request-vocabulary.js';
import { ACTIVE_CUSTOMER, scenario } from '../carry-out/carry-out-fixture.js';
import { LETTER_STYLE_RULES, type RenderedText } from '../../support/letter-style-rules.js';
import { renderEveryText } from './rendered-letters.js';

/**
 * The house style (see {@link LETTER_STYLE_RULES}) on every text a customer reads, rendered through
 * the public letter and page functions for a set of plans (`rendered-letters.ts`): a new letter is
 * held to it by being rendered there.
 */
let texts: RenderedText[];
beforeAll(async () => {
  texts = await renderEveryText();
});

describe('every rendered letter, page and report', () => {
  it('renders the letters it is meant to check', () => {
    expect(texts.length).toBeGreaterThan(60);
    expect(new Set(texts.map((text) => text.language))).toEqual(new Set(LANGUAGES));
  });

  it.each(Object.entries(LETTER_STYLE_RULES))('%s', (_rule, faults) => {
    expect(faults(texts)).toEqual([]);
  });
});

/** One faulty text per rule, as seen in letters before the rules existed: each rule must catch its own. */
const FAULTS: Readonly<Record<string, RenderedText>> = {
  'writes «nekte å etterkomme», never «avslå å etterkomme»': { name: 'unfounded', language: 'nb', text: 'Vi har rett til å avslå å etterkomme en henvendelse.' },
  'calls a record «oppføring», never «post»': { name: 'reply', language: 'nb', text: '  • Fakturaer: 1 post slettet' },
  'cites the GDPR in Norwegian as «personvernforordningen artikkel N nr. N bokstav x», never abbreviated': {
    name: 'reply',
    language: 'nb',
    text: 'Rettslig grunnlag: GDPR art. 17 (3) (b). Vi bruker dem ikke (artikkel 18).',
  },
  'cites Norwegian acts as «loven § N første ledd», never with the paragraph in brackets': { name: 'reply', language: 'nb', text: 'bokføringsloven § 13 (1)' },
  'cites the GDPR in nynorsk as «personvernforordninga artikkel N nr. N bokstav x», never abbreviated': {
    name: 'reply',
    language: 'nn',
    text: 'Rettsleg grunnlag: GDPR art. 17 (3) (b). Vi bruker dei ikkje (artikkel 18).',
  },
  'names the law in nynorsk forms in nn texts: personvernforordninga, bokføringslova, bokføringsforskrifta, marknadsføringslova': {
    name: 'reply',
    language: 'nn',
    text: 'Rettsleg grunnlag: bokføringsloven § 13 første ledd og personvernforordningen artikkel 17 nr. 3 bokstav b.',
  },
  'writes nynorsk in nn texts, without bokmål-only word forms («ikke», «hva», «hvordan», «opplysninger», «henvendelse» …)': {
    name: 'acknowledgement',
    language: 'nn',
    text: 'Vi har fått førespurnaden din. Hvis du ikkje sende han, svar på denne e-posten.',
  },
  'cites the law in English as "Article 17(3)(b) of the General Data Protection Regulation" and "section 13(1) of the Norwegian Bookkeeping Act"': {
    name: 'report',
    language: 'en',
    text: 'Purposes (Art. 15(1)(a)). Kept (Bookkeeping Act, section 13), see GDPR Article 22 and (Article 19).',
  },
  'never gives the privacy policy as a legal basis': { name: 'reply', language: 'nb', text: '    Rettslig grunnlag: personvernerklæringen («Sletting»).' },
  'writes category and recipient names in lower case in the middle of a sentence': {
    name: 'reply',
    language: 'nb',
    text: 'Kategorier: Profil og kontaktopplysninger, Abonnementer og Fakturaer.',
  },
  'does not repeat a date in the next sentence (a label such as «Rettslig grunnlag: …» in between does not count)': {
    name: 'reply',
    language: 'nb',
    text: 'Disse oppbevares til og med 31. desember 2029.\n    Rettslig grunnlag: bokføringsloven § 13. Til og med 31. desember 2029.',
  },
  'states the right to complain once in a row, not twice': {
    name: 'report',
    language: 'nb',
    text: 'Du har rett til å klage til Datatilsynet. Du har rett til å klage til Datatilsynet og til å bringe saken inn for domstolene.',
  },
  'lists under «Dette har vi ikke gjort, og hvorfor» only what was not done, and shows the heading only above such items': {
    name: 'reply',
    language: 'nb',
    text: 'Dette har vi ikke gjort, og hvorfor\n-----------------------------------\n  • Vi har registrert at du ikke ønsker markedsføring fra oss.',
  },
};

describe('each style rule', () => {
  it('has a faulty sample', () => {
    expect(Object.keys(FAULTS).sort()).toEqual(Object.keys(LETTER_STYLE_RULES).sort());
  });

  it.each(Object.entries(LETTER_STYLE_RULES))('catches its fault: %s', (rule, faults) => {
    expect(faults([FAULTS[rule]!])).not.toEqual([]);
  });

  it('catches the nynorsk faults of the rules that hold for both Norwegian written forms', () => {
    const nn = (text: string): RenderedText[] => [{ name: 'reply', language: 'nn', text }];
    expect(LETTER_STYLE_RULES['cites Norwegian acts as «loven § N første ledd», never with the paragraph in brackets']!(nn('bokføringslova § 13 (1)'))).not.toEqual([]);
    expect(LETTER_STYLE_RULES['writes «nekte å etterkomme», never «avslå å etterkomme»']!(nn('Vi kan avslå å etterkome ein førespurnad.'))).not.toEqual([]);
    expect(LETTER_STYLE_RULES['calls a record «oppføring», never «post»']!(nn('  • Fakturaer: 2 postar sletta'))).not.toEqual([]);
    expect(
      LETTER_STYLE_RULES['lists under «Dette har vi ikke gjort, og hvorfor» only what was not done, and shows the heading only above such items']!(
        nn('Dette har vi ikkje gjort, og kvifor\n-----------------------------------\n  • Vi har registrert at du ikkje ønskjer marknadsføring.'),
      ),
    ).not.toEqual([]);
  });
});

describe('the legal bases of every plan', () => {
  it.each(LANGUAGES)('name the law in %s, never the privacy policy', (language) => {
    const bases = REQUEST_TYPES.flatMap((type) =>
      [undefined, ACTIVE_CUSTOMER].flatMap((held) => {
        const { plan } = scenario({ types: [type], ...(held && { held }) });
        return [...plan.kept, ...plan.refusals].map((item) => legalBasisIn(item.legalBasis, language));
      }),
    );
    expect(bases.length).toBeGreaterThan(0);
    for (const basis of bases) {
      expect(basis).not.toMatch(/personvernerklæring|privacy (policy|statement)/i);
      expect(basis).toMatch(
        {
          nb: /personvernforordningen artikkel|bokføringsloven §|markedsføringsloven §/,
          nn: /personvernforordninga artikkel|bokføringslova §|marknadsføringslova §/,
          en: /of the (General Data Protection Regulation|Norwegian [A-Z])/,
        }[language],
      );
    }
  });

  it('formats the dates the checks look for as the letters do', () => {
    // Guards the date check above against a change of date format that would make it pass vacuously.
    expect(formatCalendarDate('2029-12-31', 'nb')).toBe('31. desember 2029');
    expect(formatCalendarDate('2029-12-31', 'en')).toBe('31 December 2029');
    expect(formatCalendarDate('2029-12-31', 'nn')).toBe('31. desember 2029');
  });
});
