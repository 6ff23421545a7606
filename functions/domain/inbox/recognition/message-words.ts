import { foldWord } from './word-similarity.js';

/** One word of a message, lower-cased, with the sentence and clause it stands in. */
export interface Word {
  readonly text: string;
  /** The word without the letters a keyboard may lack (`foldWord`): what typo-tolerant matching compares. */
  readonly folded: string;
  /** Capitalised inside a sentence: most likely a name («om Stian Rød», «kunden Hege Brun»). */
  readonly capitalised: boolean;
  readonly sentence: number;
  readonly clause: number;
}

/** What is known about one sentence: phrase matches never span two, and questions read differently. */
export interface Sentence {
  readonly question: boolean;
}

/** A text as recognition reads it: words in order, and its sentences. */
export interface MessageWords {
  readonly words: readonly Word[];
  readonly sentences: readonly Sentence[];
}

/** Abbreviations whose full stop does not end a sentence ("art. 15", "jf. loven", "Mr. Porter"). */
const ABBREVIATIONS = new Set(['art', 'jf', 'kl', 'nr', 'f', 'ca', 'dvs', 'osv', 'bl', 'mr', 'mrs', 'ms', 'dr', 'st', 'e', 'i', 'ref', 'tlf', 'tel', 'mob', 'ang', 'vedr', 'evt', 'pga', 'etc', 'vs', 'no', 'inkl']);

const TOKEN =
  /(\n[ \t]*\n)|(^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+)|([\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*)|([.!?]+)|([,;:()[\]–—"«»“”]|[ \t]-[ \t])/gmu;

/**
 * Splits text into words, sentences and clauses. Sentences end at `.`/`!`/`?` before a capital or
 * the end, at blank lines and at list items; a full stop after an abbreviation or before a digit
 * does not end one. Clauses also end at commas, colons, brackets and dashes: negation ("jeg vil IKKE
 * slette kontoen, men …") reaches no further than its clause.
 */
export function messageWords(text: string): MessageWords {
  const words: Word[] = [];
  const sentences: Sentence[] = [];
  let sentence = 0;
  let clause = 0;
  let sentenceHasWords = false;
  const endSentence = (question: boolean): void => {
    if (!sentenceHasWords) return;
    sentences[sentence] = { question };
    sentence++;
    clause++;
    sentenceHasWords = false;
  };
  const normalised = text.normalize('NFC');
  for (const match of normalised.matchAll(TOKEN)) {
    const [, paragraph, listItem, word, stop, punctuation] = match;
    if (paragraph !== undefined || listItem !== undefined) endSentence(false);
    else if (word !== undefined) {
      const text = word.toLowerCase().replace(/’/g, "'");
      words.push({ text, folded: foldWord(text), capitalised: sentenceHasWords && /^\p{Lu}\p{Ll}/u.test(word), sentence, clause });
      sentenceHasWords = true;
    } else if (stop !== undefined) {
      const after = normalised.slice(match.index + stop.length).match(/^\s*(\S)/u)?.[1];
      const previous = words[words.length - 1]?.text;
      const abbreviation = stop === '.' && previous !== undefined && ABBREVIATIONS.has(previous);
      const endsHere = after === undefined || (/\p{Lu}/u.test(after) && !abbreviation) || stop.includes('?') || stop.includes('!');
      if (endsHere && !(after !== undefined && /\d/.test(after))) endSentence(stop.includes('?'));
      else clause++;
    } else if (punctuation !== undefined) clause++;
  }
  endSentence(false);
  return { words, sentences };
}
