import type { MessageWords } from './message-words.js';

/**
 * A phrase pattern in a small notation that reads like the phrase itself:
 *
 * - `slett meg`: the words in a row; `slett*` is any word starting with "slett" (slette, slettet,
 *   sletting); `meg|mig|me` is any one of them; `opplysninger~` also takes one typo (for words of
 *   eight letters or more, where a typo cannot turn one word into another).
 * - `..` allows up to three other words between two parts, `...` up to six.
 * - `A / B`: either word sequence ("ikke i orden / not acceptable").
 * - `A & B`: both parts somewhere in the same sentence, in any order (`&` binds looser than `/`).
 *
 * Nothing matches across a sentence end.
 *
 * @example compilePhrase('slett* .. konto*') // matches "slette hele kontoen", "sletter kontoen min"
 */
export interface CompiledPhrase {
  readonly source: string;
  /** Parts that must all match in one sentence; each part is a list of alternative sequences. */
  readonly parts: readonly (readonly Step[][])[];
}

type WordTest = (word: string) => boolean;
type Step = { readonly kind: 'word'; readonly test: WordTest } | { readonly kind: 'gap'; readonly max: number };

/** Where a phrase matched: word positions, first and last. */
export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else if (a[i + 1] === b[j] && a[i] === b[j + 1]) {
      i += 2;
      j += 2;
    } else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function wordTest(alternative: string): WordTest {
  if (alternative.endsWith('*')) {
    const prefix = alternative.slice(0, -1);
    return (word) => word.startsWith(prefix);
  }
  if (alternative.endsWith('~')) {
    const exact = alternative.slice(0, -1);
    return exact.length >= 8 ? (word) => word === exact || withinOneEdit(word, exact) : (word) => word === exact;
  }
  return (word) => word === alternative;
}

function compileSequence(source: string): Step[] {
  return source
    .trim()
    .split(/\s+/)
    .map((part): Step => {
      if (part === '..') return { kind: 'gap', max: 3 };
      if (part === '...') return { kind: 'gap', max: 6 };
      const tests = part.toLowerCase().split('|').map(wordTest);
      return { kind: 'word', test: (word) => tests.some((test) => test(word)) };
    });
}

/** Compiles the notation above; a phrase table compiles once, at module load. */
export function compilePhrase(source: string): CompiledPhrase {
  return { source, parts: source.split(' & ').map((part) => part.split(' / ').map(compileSequence)) };
}

/** The end position of `steps` matched from `position`, or -1. */
function matchFrom(text: MessageWords, steps: readonly Step[], stepIndex: number, position: number, sentence: number): number {
  const step = steps[stepIndex];
  if (step === undefined) return position - 1;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= step.max; skip++) {
      const word = text.words[position + skip];
      if (word === undefined || word.sentence !== sentence) return -1;
      const end = matchFrom(text, steps, stepIndex + 1, position + skip, sentence);
      if (end !== -1) return end;
    }
    return -1;
  }
  const word = text.words[position];
  if (word === undefined || word.sentence !== sentence || !step.test(word.text)) return -1;
  return matchFrom(text, steps, stepIndex + 1, position + 1, sentence);
}

function sequenceMatches(text: MessageWords, steps: readonly Step[]): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  text.words.forEach((word, start) => {
    const end = matchFrom(text, steps, 0, start, word.sentence);
    if (end !== -1) matches.push({ start, end });
  });
  return matches;
}

/**
 * Every place a phrase matches. For an `A & B` phrase the match is A's, in sentences where B also
 * matches: A is the part that carries the meaning and is checked for negation.
 */
export function findPhrase(text: MessageWords, phrase: CompiledPhrase): PhraseMatch[] {
  const [first, ...others] = phrase.parts.map((alternatives) => alternatives.flatMap((steps) => sequenceMatches(text, steps)));
  if (first === undefined) return [];
  return first.filter((match) => {
    const sentence = text.words[match.start]!.sentence;
    return others.every((matches) => matches.some((other) => text.words[other.start]!.sentence === sentence));
  });
}
