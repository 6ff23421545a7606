import type { MessageWords } from './message-words.js';
import type { PhraseMatch } from './phrase-pattern.js';

/** Words that turn a request round in the five languages ("jeg vil IKKE slette", "I don't want to delete"). */
const NEGATORS = new Set([
  'ikke', 'ikkje', 'inte', 'ej', 'icke', 'not', "don't", 'dont', "doesn't", "didn't", "won't", "wouldn't", "isn't",
  "aren't", 'never', 'aldri', 'aldrig', 'ingen', 'inga', 'inget', 'intet', 'no', 'nor', "needn't",
]);
/** How far back a negator reaches: "jeg ønsker ikke å slette" has it three words before the verb. */
const REACH = 3;

/** True for a word that negates ("ikke", "inte", "not", "don't" …). */
export const isNegator = (word: string): boolean => NEGATORS.has(word);

/**
 * True when a negator stands in the same clause up to three words before the match, or inside it
 * ("slett ikke kontoen"). Phrases that carry their own negation ("ikke ring meg", "no longer
 * consent") are not checked: the caller knows which those are.
 */
export function isNegated(text: MessageWords, match: PhraseMatch): boolean {
  const clause = text.words[match.start]!.clause;
  for (let position = Math.max(0, match.start - REACH); position <= match.end; position++) {
    const word = text.words[position]!;
    if (word.clause === clause && isNegator(word.text)) return true;
  }
  return false;
}
