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

/** One alternative of a step, as written and folded, with what the typo-tolerant comparison needs. */
interface Alternative {
  readonly text: string;
  readonly folded: string;
  readonly first: string;
  /** Long enough to compare folded (four letters or more). */
  readonly foldable: boolean;
  /** Long enough, as written, for a slip (five letters or more; four for a doubled letter). */
  readonly slips: boolean;
}

function alternative(text: string): Alternative {
  const folded = foldWord(text);
  return { text, folded, first: folded[0] ?? '', foldable: folded.length >= FOLD_MIN_LENGTH, slips: text.length >= SLIP_MIN_LENGTH - 1 };
}

/**
 * Whether a message word is any of the alternatives of one step (`slett*|fjern*|remove`). The exact
 * spelling is tried first; the folded spelling and the slips only for alternatives that start with
 * the word's first letter, so the forgiveness costs little on the many words that match nothing.
 */
function stepTest(alternatives: readonly string[]): WordTest {
  const words: Alternative[] = [];
  const prefixes: Alternative[] = [];
  let name = false;
  for (const source of alternatives) {
    if (source === '@name') name = true;
    else if (source.endsWith('*')) prefixes.push(alternative(source.slice(0, -1)));
    else words.push(alternative(source.endsWith('~') ? source.slice(0, -1) : source));
  }
  return (word) => {
    const text = word.text;
    const folded = word.folded;
    const first = folded[0];
    for (const cue of words) {
      if (text === cue.text) return true;
      if (cue.first !== first || !cue.foldable) continue;
      if (folded === cue.folded) return true;
      if (cue.slips && Math.abs(folded.length - cue.folded.length) <= 1 && isSlipOf(folded, cue.folded, text.length, cue.text.length)) return true;
    }
    for (const cue of prefixes) {
      if (text.startsWith(cue.text)) return true;
      if (cue.first !== first || !cue.foldable) continue;
      if (folded.startsWith(cue.folded)) return true;
      if (cue.slips && startsWithSlipOf(folded, cue.folded, text.length, cue.text.length)) return true;
    }
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
