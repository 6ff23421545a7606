import { LANGUAGES } from '../../../functions/domain/request/request-vocabulary.js';
import { describe, expect, it } from 'vitest';
import { unfoundedLetter } from '../../../functions/domain/letters/unfounded-letter.js';
import { REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';

const REASON = 'Dette er den sjette like henvendelsen på to uker.';

describe('unfoundedLetter', () => {
  it.each([
    ['nb', 'manifestly_unfounded', 'Vi har kommet til at henvendelsen er åpenbart grunnløs.'],
    ['nb', 'excessive', 'Vi har kommet til at henvendelsen er urimelig.'],
    ['en', 'manifestly_unfounded', 'We have concluded that the request is manifestly unfounded.'],
    ['en', 'excessive', 'We have concluded that the request is excessive.'],
  ] as const)('returns a %s letter naming the ground %s', (language, ground, conclusion) => {
    const letter = unfoundedLetter(aRightsRequest({ language }), ground, REASON);

    expect(letter.text).toContain(conclusion);
  });

  it.each([
    {
      language: 'nb',
      subject: `Svar på henvendelsen din – referanse ${REQUEST_ID}`,
      greeting: 'Hei,',
      quoted: `«${REASON}»`,
      article: 'artikkel 12 nr. 5',
      noAction: 'ikke til å gjøre noe med henvendelsen',
      court: 'domstolene',
      newRequest: 'Du kan sende en ny henvendelse',
      received: '23. november 2026',
      right: 'Innsyn i opplysningene om meg',
    },
    {
      language: 'en',
      subject: `Answer to your request – reference ${REQUEST_ID}`,
      greeting: 'Hello,',
      quoted: `“${REASON}”`,
      article: 'Article 12(5)',
      noAction: 'not take any action on the request',
      court: 'court',
      newRequest: 'You can send a new request',
      received: '23 November 2026',
      right: 'Access to my data',
    },
  ] as const)('returns a $language letter with every element Art. 12(4) and 12(5) require', (expected) => {
    // Prepare
    const request = aRightsRequest({ language: expected.language });
    // Act
    const letter = unfoundedLetter(request, 'excessive', REASON);
    // Assess
    expect(letter.subject).toBe(expected.subject);
    expect(letter.text.startsWith(expected.greeting)).toBe(true);
    expect(letter.text).toContain(REQUEST_ID);
    expect(letter.text).toContain(expected.received);
    expect(letter.text).toContain(expected.right);
    expect(letter.text).toContain(expected.quoted);
    expect(letter.text).toContain(expected.article);
    expect(letter.text).toContain(expected.noAction);
    expect(letter.text).toContain('Datatilsynet');
    expect(letter.text).toContain('www.datatilsynet.no');
    expect(letter.text).toContain('Postboks 458 Sentrum, 0105 Oslo');
    expect(letter.text).toContain(expected.court);
    expect(letter.text).toContain(expected.newRequest);
    expect(letter.text).toContain('naerkontor@obos.no');
  });

  it('writes an English letter with no Norwegian in it apart from names and addresses', () => {
    const letter = unfoundedLetter(aRightsRequest({ language: 'en' }), 'manifestly_unfounded', 'Repeated request.');

    for (const norwegian of ['Hei ', 'henvendelse', 'Vennlig hilsen', 'åpenbart']) expect(letter.text).not.toContain(norwegian);
  });

  it.each(LANGUAGES)('renders the %s letter with no undefined or [object Object]', (language) => {
    const letter = unfoundedLetter(aRightsRequest({ language, types: ['access'] }), 'manifestly_unfounded', REASON);

    for (const part of [letter.subject, letter.text]) {
      for (const broken of ['undefined', '[object Object]', 'null', 'NaN']) expect(part).not.toContain(broken);
    }
  });
});
