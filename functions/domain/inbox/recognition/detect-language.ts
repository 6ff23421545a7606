import { MESSAGE_LANGUAGES, type MessageLanguage } from '../inbound-message.js';
import { LANGUAGE_WORDS, LETTER_WEIGHTS } from './language-words.js';
import type { MessageWords } from './message-words.js';

/** Below this much evidence the mail is too short to tell, and the company's main language is assumed. */
const MINIMUM_EVIDENCE = 1.5;

/**
 * The language of the sender's words, by function-word frequencies and characteristic letters (see
 * `language-words.ts`). Bokmål is the answer when the evidence is thin or tied: it is what most
 * senders write and what staff read first.
 *
 * @example detectLanguage(messageWords('Eg vil vite kva de har lagra om meg')) // 'nn'
 */
export function detectLanguage(text: MessageWords): MessageLanguage {
  const scores = new Map<MessageLanguage, number>(MESSAGE_LANGUAGES.map((language) => [language, 0]));
  for (const { text: word } of text.words) {
    for (const language of MESSAGE_LANGUAGES) scores.set(language, scores.get(language)! + (LANGUAGE_WORDS[language][word] ?? 0));
    for (const letter of word) {
      const weights = LETTER_WEIGHTS[letter];
      if (weights) for (const [language, weight] of Object.entries(weights) as [MessageLanguage, number][]) scores.set(language, scores.get(language)! + weight);
    }
  }
  let best: MessageLanguage = 'nb';
  for (const language of MESSAGE_LANGUAGES) if (scores.get(language)! > scores.get(best)!) best = language;
  return scores.get(best)! < MINIMUM_EVIDENCE ? 'nb' : best;
}
