import { describe, expect, it } from 'vitest';
import { messageWords } from '../../../functions/domain/inbox/recognition/message-words.js';
import { compilePhrase, findPhrase } from '../../../functions/domain/inbox/recognition/phrase-pattern.js';
import { foldWord, isSlipOf, startsWithSlipOf } from '../../../functions/domain/inbox/recognition/word-similarity.js';

const matches = (phrase: string, text: string): boolean => findPhrase(messageWords(text), compilePhrase(phrase)).length > 0;

describe('foldWord', () => {
  it('spells æ, ø, å, ä, ö and aa as a keyboard without them would', () => {
    expect(foldWord('ønsker')).toBe('onsker');
    expect(foldWord('på')).toBe(foldWord('paa'));
    expect(foldWord('være')).toBe('vaere');
    expect(foldWord('förnamn')).toBe('fornamn');
  });

  it('leaves «oe» alone, so «noen» and «kontoer» stay themselves', () => {
    expect(foldWord('noen')).toBe('noen');
    expect(foldWord('kontoer')).toBe('kontoer');
  });
});

describe('isSlipOf', () => {
  it.each([
    ['insyn', 'innsyn'],
    ['innsny', 'innsyn'],
    ['inysn', 'innsyn'],
    ['sllette', 'slette'],
    ['delte', 'delete'],
    ['acount', 'account'],
    ['unsubscibe', 'unsubscribe'],
    ['radrea', 'radera'],
    ['opplysnimger', 'opplysninger'],
    ['coppy', 'copy'],
  ])('takes «%s» for «%s»', (word, cue) => {
    expect(isSlipOf(word, cue)).toBe(true);
  });

  it.each([
    ['slutte', 'slette', 'a wrong letter in a short word'],
    ['deleted', 'delete', 'an ending'],
    ['ringte', 'retting', 'the same letters in another order'],
    ['sett', 'slett', 'a word shorter than five letters'],
    ['konto', 'kontor', 'an ending'],
    ['nelete', 'delete', 'another first letter'],
  ])('does not take «%s» for «%s» (%s)', (word, cue) => {
    expect(isSlipOf(word, cue)).toBe(false);
  });

  it('counts the length on the word as written, not as folded («være» is not «værge»)', () => {
    expect(isSlipOf(foldWord('være'), foldWord('værge'), 'være'.length, 'værge'.length)).toBe(false);
  });
});

describe('startsWithSlipOf', () => {
  it('takes a dropped, doubled or swapped letter at the start of a longer word', () => {
    expect(startsWithSlipOf('insynsbegjaering', 'innsyn')).toBe(true);
    expect(startsWithSlipOf('sllettet', 'slett')).toBe(true);
  });

  it('takes one of a doubled letter dropped («sleter» for `slett*`)', () => {
    expect(startsWithSlipOf('sleter', 'slett')).toBe(true);
    expect(startsWithSlipOf('slutte', 'slett')).toBe(false);
  });

  it('takes no shorter prefix and no wrong letter', () => {
    expect(startsWithSlipOf('indsigelse', 'indsigt')).toBe(false);
    expect(startsWithSlipOf('fortsett', 'foresett')).toBe(false);
  });
});

describe('phrases forgive spelling', () => {
  it('match without æ, ø, å in words of four letters or more, but not in short ones', () => {
    expect(matches('ønsker .. slette', 'jeg onsker a slette')).toBe(true);
    expect(matches('før', 'for')).toBe(false);
  });

  it('match a typo inside a phrase, and @name a capitalised word inside a sentence', () => {
    expect(matches('slett* .. konto*', 'kan dere sllette kontoen')).toBe(true);
    expect(matches('om @name @name', 'Vi ber om opplysninger om Stian Rød.')).toBe(true);
    expect(matches('om @name', 'Om det går')).toBe(false);
  });
});
