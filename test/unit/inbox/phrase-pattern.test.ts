import { describe, expect, it } from 'vitest';
import { messageWords } from '../../../functions/domain/inbox/recognition/message-words.js';
import { isNegated } from '../../../functions/domain/inbox/recognition/negation.js';
import { compilePhrase, findPhrase } from '../../../functions/domain/inbox/recognition/phrase-pattern.js';

const matches = (phrase: string, text: string): boolean => findPhrase(messageWords(text), compilePhrase(phrase)).length > 0;

describe('phrase notation', () => {
  it('matches words in a row, with * as a prefix and | as alternatives', () => {
    expect(matches('slett* meg|mig', 'Slett meg fra listene')).toBe(true);
    expect(matches('slett* meg|mig', 'slet mig')).toBe(false);
    expect(matches('slett* meg|mig', 'Jeg vil slette mig')).toBe(true);
  });

  it('allows up to three words for .. and six for ...', () => {
    expect(matches('slett* .. konto*', 'slette hele den gamle kontoen')).toBe(true);
    expect(matches('slett* .. konto*', 'slette hele den gamle fine kontoen')).toBe(false);
    expect(matches('slett* ... konto*', 'slette hele den gamle fine kontoen')).toBe(true);
  });

  it('takes one typo in long words marked ~, none in short ones', () => {
    expect(matches('opplysninger~', 'opplysnigner')).toBe(true);
    expect(matches('slette~', 'slutte')).toBe(false);
  });

  it('accepts any of the sequences separated by /', () => {
    expect(matches('ikke i orden / not acceptable', 'This is not acceptable')).toBe(true);
  });

  it('requires both sides of & in the same sentence, in any order', () => {
    expect(matches('dørlogg* & utskrift', 'Vi trenger en utskrift av dørloggen.')).toBe(true);
    expect(matches('dørlogg* & utskrift', 'Vi trenger en utskrift. Dørloggen er viktig.')).toBe(false);
  });

  it('never matches across a sentence end, but a full stop in "art. 15" or "jf. loven" ends no sentence', () => {
    expect(matches('slett* meg', 'Jeg vil ikke slett. Meg gjelder det ikke')).toBe(false);
    expect(matches('art 15', 'Jeg viser til GDPR art. 15 og ber om innsyn')).toBe(true);
    expect(matches('innsyn .. loven', 'Jeg ber om innsyn, jf. loven')).toBe(true);
  });
});

describe('isNegated', () => {
  const negated = (phrase: string, text: string): boolean => {
    const words = messageWords(text);
    const [match] = findPhrase(words, compilePhrase(phrase));
    if (!match) throw new Error(`no match for ${phrase}`);
    return isNegated(words, match);
  };

  it.each([
    ['slett* .. konto*', 'Jeg vil IKKE slette kontoen min'],
    ['slett* .. meg', 'Dere trenger ikke slette meg som kunde'],
    ['delete .. account', "I don't want to delete my account"],
    ['slett* .. konto*', 'Slett ikke kontoen min'],
    ['radera* .. uppgifter', 'Jag vill inte att ni raderar mina uppgifter'],
  ])('reads "%s" in "%s" as negated', (phrase, text) => {
    expect(negated(phrase, text)).toBe(true);
  });

  it('does not carry a negation past a comma into the next clause', () => {
    expect(negated('endre* .. e-post*', 'Jeg vil ikke slette kontoen, men endre e-postadressen')).toBe(false);
  });
});
