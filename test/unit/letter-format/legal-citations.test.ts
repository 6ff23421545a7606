import { describe, expect, it } from 'vitest';
import { citeAll, gdpr, legalBasisIn, norwegianAct } from '../../../functions/domain/letter-format/legal-citations.js';

describe('legal citations', () => {
  it('cites a GDPR provision down to its point in the one style of each language', () => {
    expect(gdpr({ number: 17, paragraph: 3, point: 'b' })).toEqual({
      nb: 'personvernforordningen artikkel 17 nr. 3 bokstav b',
      nn: 'personvernforordninga artikkel 17 nr. 3 bokstav b',
      en: 'Article 17(3)(b) of the General Data Protection Regulation',
    });
    expect(gdpr({ number: 18 })).toEqual({
      nb: 'personvernforordningen artikkel 18',
      nn: 'personvernforordninga artikkel 18',
      en: 'Article 18 of the General Data Protection Regulation',
    });
  });

  it('names the regulation once for several articles', () => {
    expect(gdpr({ number: 6, paragraph: 1, point: 'b' }, { number: 17, paragraph: 1, point: 'a' })).toEqual({
      nb: 'personvernforordningen artikkel 6 nr. 1 bokstav b og artikkel 17 nr. 1 bokstav a',
      nn: 'personvernforordninga artikkel 6 nr. 1 bokstav b og artikkel 17 nr. 1 bokstav a',
      en: 'Article 6(1)(b) and Article 17(1)(a) of the General Data Protection Regulation',
    });
  });

  it('cites a Norwegian act with its paragraph in words in Norwegian', () => {
    expect(norwegianAct('bookkeeping', { number: 13, paragraph: 1 })).toEqual({
      nb: 'bokføringsloven § 13 første ledd',
      nn: 'bokføringslova § 13 første ledd',
      en: 'section 13(1) of the Norwegian Bookkeeping Act',
    });
    expect(citeAll(norwegianAct('marketing', { number: 15 }), gdpr({ number: 21, paragraph: 3 })).nb).toBe(
      'markedsføringsloven § 15 og personvernforordningen artikkel 21 nr. 3',
    );
    expect(citeAll(norwegianAct('marketing', { number: 15 }), gdpr({ number: 21, paragraph: 3 })).nn).toBe(
      'marknadsføringslova § 15 og personvernforordninga artikkel 21 nr. 3',
    );
  });

  it('prints a plan basis in the reader’s language, translating the single strings older plans stored', () => {
    expect(legalBasisIn({ nb: 'a', nn: 'c', en: 'b' }, 'en')).toBe('b');
    expect(legalBasisIn({ nb: 'a', nn: 'c', en: 'b' }, 'nn')).toBe('c');
    expect(legalBasisIn('GDPR art. 17 (3) (e)', 'nb')).toBe('personvernforordningen artikkel 17 nr. 3 bokstav e');
    expect(legalBasisIn('GDPR art. 6 (1) (b) og art. 17 (1) (a); personvernerklæringen («Sletting»)', 'en')).toBe(
      'Article 6(1)(b) and Article 17(1)(a) of the General Data Protection Regulation',
    );
    expect(legalBasisIn('some basis', 'en')).toBe('some basis');
  });
});
