import type { MessageWords, Word } from './message-words.js';
import { foldWord, isSlipOf, SLIP_MIN_LENGTH, startsWithSlipOf } from './word-similarity.js';

/**
 * A phrase pattern in a small notation that reads like the phrase itself:
 *
 * - `slett meg`: the words in a row; `slett*` is any word starting with "slett" (slette, slettet,
 *   sletting); `meg|mig|me` is any one of them. Every word forgives the spelling of real mail (see
 *   `word-similarity.ts`): missing æ/ø/å/ä/ö in words of four letters or more («onsker»), and in
 *   words of five or more one dropped, doubled or swapped letter («insyn», «sllette», «inysn»).
 *   A trailing `~` is accepted and means the same (it marked typo tolerance before every word had it).
 * - `@name` is a capitalised word inside a sentence: most likely a person's name.
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

type WordTest = (word: Word) => boolean;
type Step = { readonly kind: 'word'; readonly test: WordTest } | { readonly kind: 'gap'; readonly max: number };

/** Where a phrase matched: word positions, first and last. */
export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
}

/** Folded spellings shorter than this are compared exactly: «for» is not «før», «pa» not «på». */
const FOLD_MIN_LENGTH = 4;

/** A cue word or prefix as written and folded, kept for the typo-tolerant comparison. */
interface SlipCandidate {
  readonly folded: string;
  readonly writtenLength: number;
}

/**
 * Whether a message word is any of the alternatives of one step (`slett*|fjern*|remove`). Exact and
 * folded spellings are looked up in sets; only when those fail are the typo-tolerant comparisons run,
 * and only against alternatives starting with the word's first letter, so the forgiveness costs
 * little on the many words that match nothing.
 */
const NONE: readonly never[] = [];

function stepTest(alternatives: readonly string[]): WordTest {
  const exact = new Set<string>();
  const folded = new Set<string>();
  const prefixes = new Map<string, string[]>();
  const foldedPrefixes = new Map<string, string[]>();
  const slipWords = new Map<string, SlipCandidate[]>();
  const slipPrefixes = new Map<string, SlipCandidate[]>();
  let name = false;
  // Everything is filed under its first letter: a word is only compared with what could match it.
  const add = <T>(map: Map<string, T[]>, key: string, item: T) => map.set(key[0]!, [...(map.get(key[0]!) ?? []), item]);
  for (const alternative of alternatives) {
    if (alternative === '@name') {
      name = true;
    } else if (alternative.endsWith('*')) {
      const prefix = alternative.slice(0, -1);
      add(prefixes, prefix, prefix);
      const foldedPrefix = foldWord(prefix);
      if (foldedPrefix.length < FOLD_MIN_LENGTH) continue;
      add(foldedPrefixes, foldedPrefix, foldedPrefix);
      if (foldedPrefix.length >= SLIP_MIN_LENGTH) add(slipPrefixes, foldedPrefix, { folded: foldedPrefix, writtenLength: prefix.length });
    } else {
      const word = alternative.endsWith('~') ? alternative.slice(0, -1) : alternative;
      exact.add(word);
      const foldedWord = foldWord(word);
      if (foldedWord.length < FOLD_MIN_LENGTH) continue;
      folded.add(foldedWord);
      add(slipWords, foldedWord, { folded: foldedWord, writtenLength: word.length });
    }
  }
  return (word) => {
    if (exact.has(word.text) || folded.has(word.folded)) return true;
    for (const prefix of prefixes.get(word.text[0]!) ?? NONE) if (word.text.startsWith(prefix)) return true;
    const first = word.folded[0]!;
    for (const prefix of foldedPrefixes.get(first) ?? NONE) if (word.folded.startsWith(prefix)) return true;
    for (const cue of slipWords.get(first) ?? NONE) if (isSlipOf(word.folded, cue.folded, word.text.length, cue.writtenLength)) return true;
    for (const cue of slipPrefixes.get(first) ?? NONE) if (startsWithSlipOf(word.folded, cue.folded, word.text.length, cue.writtenLength)) return true;
    return name && word.capitalised;
  };
}

function compileSequence(source: string): Step[] {
  return source
    .trim()
    .split(/\s+/)
    .map((part): Step => {
      if (part === '..') return { kind: 'gap', max: 3 };
      if (part === '...') return { kind: 'gap', max: 6 };
      return { kind: 'word', test: stepTest(part.toLowerCase().split('|')) };
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
  if (word === undefined || word.sentence !== sentence || !step.test(word)) return -1;
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
