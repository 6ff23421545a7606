import { describe, expect, it } from 'vitest';
import { pageLanguage } from '../../../functions/web/page-language.js';

describe('pageLanguage', () => {
  it.each([
    ['en', 'nb-NO,nb;q=0.9', 'en'],
    ['nb', 'en-GB,en;q=0.9', 'nb'],
    ['lang=en', undefined, 'en'],
    ['?x=1&lang=en', 'nb', 'en'],
    ['EN', undefined, 'en'],
    ['nn', 'nb-NO,nb;q=0.9', 'nn'],
    ['lang=nn', 'en', 'nn'],
    ['no', 'nn', 'nb'],
  ] as const)('lets ?lang=%s win over Accept-Language %s', (query, header, expected) => {
    expect(pageLanguage(query, header)).toBe(expected);
  });

  it.each([
    ['en-GB,en;q=0.9,nb;q=0.8', 'en'],
    ['en-US', 'en'],
    ['nb-NO,nb;q=0.9,en;q=0.8', 'nb'],
    ['nn-NO,en;q=0.5', 'nn'],
    ['nn-NO,nb;q=0.9', 'nn'],
    ['nb-NO,nn;q=0.9', 'nb'],
    ['en;q=0.5,nn;q=0.9', 'nn'],
    ['no,en;q=0.9', 'nb'],
    ['en;q=0.5,nb;q=0.9', 'nb'],
    ['de-DE,de;q=0.9,en;q=0.7', 'en'],
    ['de-DE,fr;q=0.9', 'nb'],
    ['en;q=0,nb;q=0.1', 'nb'],
    ['sv, en, nb', 'en'],
    ['*', 'nb'],
    ['garbage;;;', 'nb'],
  ] as const)('negotiates Accept-Language %s as %s', (header, expected) => {
    expect(pageLanguage(undefined, header)).toBe(expected);
  });

  it('ignores an unknown ?lang and falls back to Accept-Language', () => {
    expect(pageLanguage('lang=de', 'en')).toBe('en');
    expect(pageLanguage('x=1', 'en')).toBe('en');
  });

  it('defaults to bokmål with nothing to go on', () => {
    expect(pageLanguage()).toBe('nb');
    expect(pageLanguage(null, '')).toBe('nb');
  });
});
