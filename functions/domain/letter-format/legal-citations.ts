import type { Language } from '../request/request-vocabulary.js';

/**
 * Every legal reference a customer reads, in one style per language, so no letter cites the same
 * provision two ways:
 * - nb: «personvernforordningen artikkel 17 nr. 3 bokstav b», «bokføringsloven § 13 første ledd»;
 * - nn: «personvernforordninga artikkel 17 nr. 3 bokstav b», «bokføringslova § 13 første ledd»;
 * - en: "Article 17(3)(b) of the General Data Protection Regulation", "section 13(1) of the
 *   Norwegian Bookkeeping Act".
 * The law is always named (a reader cannot be expected to know which "artikkel 18" is meant), and
 * the privacy policy is never cited as a legal basis: it describes the processing, the law grants it.
 *
 * @module
 */

type Localised = Readonly<Record<Language, string>>;

/** A provision: the article or section, then the paragraph (nr./ledd) and point (bokstav), as far as needed. */
export interface Provision {
  readonly number: number;
  readonly paragraph?: number;
  readonly point?: string;
}

const LEDD = ['', 'første', 'andre', 'tredje', 'fjerde', 'femte', 'sjette'] as const;

const gdprArticle = ({ number, paragraph, point }: Provision): Localised => ({
  nb: `artikkel ${number}${paragraph ? ` nr. ${paragraph}` : ''}${point ? ` bokstav ${point}` : ''}`,
  nn: `artikkel ${number}${paragraph ? ` nr. ${paragraph}` : ''}${point ? ` bokstav ${point}` : ''}`,
  en: `Article ${number}${paragraph ? `(${paragraph})` : ''}${point ? `(${point})` : ''}`,
});

const joinProvisions = (parts: readonly string[], language: Language): string =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'og'} ${parts.at(-1)}`;

/**
 * One or more articles of the GDPR: `gdpr({ number: 17, paragraph: 3, point: 'b' })` is
 * «personvernforordningen artikkel 17 nr. 3 bokstav b» / "Article 17(3)(b) of the General Data
 * Protection Regulation"; several are joined («… artikkel 6 nr. 1 bokstav b og artikkel 17 nr. 1 bokstav a»).
 */
export function gdpr(...provisions: readonly Provision[]): Localised {
  const articles = provisions.map(gdprArticle);
  return {
    nb: `personvernforordningen ${joinProvisions(articles.map((a) => a.nb), 'nb')}`,
    nn: `personvernforordninga ${joinProvisions(articles.map((a) => a.nn), 'nn')}`,
    en: `${joinProvisions(articles.map((a) => a.en), 'en')} of the General Data Protection Regulation`,
  };
}

/** A section of a Norwegian act, e.g. `norwegianAct('bookkeeping', { number: 13, paragraph: 1 })`. */
export function norwegianAct(act: keyof typeof ACTS, { number, paragraph }: Omit<Provision, 'point'>): Localised {
  return {
    nb: `${ACTS[act].nb} § ${number}${paragraph ? ` ${LEDD[paragraph]} ledd` : ''}`,
    nn: `${ACTS[act].nn} § ${number}${paragraph ? ` ${LEDD[paragraph]} ledd` : ''}`,
    en: `section ${number}${paragraph ? `(${paragraph})` : ''} of the ${ACTS[act].en}`,
  };
}

const ACTS = {
  bookkeeping: { nb: 'bokføringsloven', nn: 'bokføringslova', en: 'Norwegian Bookkeeping Act' },
  marketing: { nb: 'markedsføringsloven', nn: 'marknadsføringslova', en: 'Norwegian Marketing Control Act' },
} as const;

/** Several citations as one legal basis: «A og B» / "A and B". */
export const citeAll = (...citations: readonly Localised[]): Localised => ({
  nb: joinProvisions(citations.map((c) => c.nb), 'nb'),
  nn: joinProvisions(citations.map((c) => c.nn), 'nn'),
  en: joinProvisions(citations.map((c) => c.en), 'en'),
});

/**
 * The bases plans stored before the per-language form carried, as single strings, so a request
 * planned before an upgrade and answered after it is still answered in the one style.
 */
const LEGACY_BASES: Readonly<Record<string, Localised>> = {
  'bokføringsloven § 13 (1) / GDPR art. 17 (3) (b)': citeAll(norwegianAct('bookkeeping', { number: 13, paragraph: 1 }), gdpr({ number: 17, paragraph: 3, point: 'b' })),
  'GDPR art. 17 (3) (e)': gdpr({ number: 17, paragraph: 3, point: 'e' }),
  'GDPR art. 6 (1) (b) og art. 17 (1) (a); personvernerklæringen («Sletting»)': gdpr({ number: 6, paragraph: 1, point: 'b' }, { number: 17, paragraph: 1, point: 'a' }),
  'GDPR art. 21 (2)–(3); markedsføringsloven § 15; personvernerklæringen (reservasjon mot kanaler)': gdpr({ number: 6, paragraph: 1, point: 'b' }, { number: 21, paragraph: 2 }),
};

/**
 * A stored legal basis (a plan's `LegalBasis`) in `language`: the per-language form as it is; a legacy
 * single string translated if known, else printed as stored. Typed by its shape, so citing the law
 * needs nothing from the plan that cites it.
 */
export const legalBasisIn = (basis: string | Localised, language: Language): string =>
  typeof basis === 'string' ? (LEGACY_BASES[basis]?.[language] ?? basis) : basis[language];
