import type { RequestType } from '../../request/request-vocabulary.js';
import type { MessageWords } from './message-words.js';

/**
 * Words that tie an objection to direct marketing (Art. 21(2)): a channel marketing uses, or the
 * marketing itself. Prefixes of lower-cased words, in nb, nn, en, sv and da.
 */
const MARKETING_WORDS =
  /^(markedsf|marknadsf|direktemarkedsf|direktmarknadsf|reklam|nyhetsbrev|nyheitsbrev|nyhedsbrev|newsletter|tilbud|tilbod|erbjudand|offer|promotion|advertis|marketing|kampanj|campaign|sms|text|texting|ring|call|phoning|telefonsalg|telemarketing|sælger|selger|salgs|sales|unsubscribe|avmeld|afmeld|avregistr)/;

/**
 * Words naming processing that rests on legitimate interest in the privacy policy («Analyse/
 * utvikling»: statistics on visits, frequency and duration of subscriptions, grouping customers).
 */
const LEGITIMATE_INTEREST_WORDS =
  /^(statisti|analy|profiler|profiling|occupancy|belegg|utnyttelse|segment|grupper|berettig|legitimate|kameraopptak|videoopptak|opptak|dørlogg|adgangslogg)/;

/**
 * Which objection a text makes, once the objection cues fired: marketing words make it the
 * marketing objection (`objection`, stopped at once); words for the analysis the privacy policy
 * bases on legitimate interest, or no named purpose at all, make it the Art. 21(1) objection
 * (`processing_objection`, assessed by staff); a text naming both asks for both.
 */
export function objectionTypes(text: MessageWords): RequestType[] {
  const words = text.words.map((word) => word.text);
  const marketing = words.some((word) => MARKETING_WORDS.test(word));
  const legitimateInterest = words.some((word) => LEGITIMATE_INTEREST_WORDS.test(word));
  if (marketing && legitimateInterest) return ['objection', 'processing_objection'];
  return marketing ? ['objection'] : ['processing_objection'];
}
