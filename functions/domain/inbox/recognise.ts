import type { InboundMessage, Recognition } from './inbound-message.js';
import { detectAutomatedMail } from './recognition/automated-mail.js';
import { withBareStop } from './recognition/bare-stop.js';
import { reportsPossibleBreach, writesOnBehalfOfOther } from './recognition/detect-flags.js';
import { detectLanguage } from './recognition/detect-language.js';
import { detectRequestTypes } from './recognition/detect-request-types.js';
import { detectTopic } from './recognition/detect-topic.js';
import { FOLLOW_UP_CUES } from './recognition/follow-up-cues.js';
import type { MessageWords } from './recognition/message-words.js';
import { nonRequestConfidence, requestConfidence, spamConfidence, type ConfidenceContext } from './recognition/recognition-confidence.js';
import { ownWords, recognitionText } from './recognition/recognition-text.js';
import { scoreCues } from './recognition/score-cues.js';
import { SPAM_THRESHOLD } from './recognition/spam-cues.js';

/** Language from the own text, or from the subject too when the sender wrote almost nothing. */
const languageOf = (own: MessageWords, read: MessageWords) => detectLanguage(own.words.length >= 5 ? own : read);

/**
 * What a received mail asks for, by transparent rules: no model, no network, and every decision can be
 * traced to a phrase in a table under `recognition/`. Reads only the sender's own new words (and
 * their own subject), never quoted history, signatures or attachments.
 *
 * - Automated mail (bounces, auto-replies, newsletters, flagged spam) is recognised from its headers
 *   first and never carries rights, whatever it quotes.
 * - Otherwise each right is scored from its phrases in nb, nn, sv, da and en, with negation
 *   ("jeg vil IKKE slette kontoen") turning a phrase round.
 * - `confidence` is how sure the rights (or, with none, the category) are; below
 *   `CASE_CONFIDENCE_THRESHOLD` staff look first (see `recognition-confidence.ts` for the doubts).
 * - `onBehalfOfOther` and `possibleBreach` are flags the intake routes on, independent of confidence.
 *
 * @example recognise(await parseInboundMessage(raw)) // { types: ['erasure'], language: 'nb', confidence: 0.92, … }
 */
export function recognise(message: InboundMessage): Recognition {
  const read = recognitionText(message);
  const own = ownWords(message);
  const language = languageOf(own, read);
  const automated = detectAutomatedMail(message, own);
  if (automated) return { types: [], language, confidence: automated.confidence, category: automated.category, onBehalfOfOther: false, possibleBreach: false };

  const request = withBareStop(detectRequestTypes(read), own);
  const topic = detectTopic(read);
  const context: ConfidenceContext = { request, topic, ownWordCount: own.words.length, followUp: scoreCues(read, FOLLOW_UP_CUES, false) };
  const possibleBreach = reportsPossibleBreach(read);
  const clearRequest = request.types.some((type) => !request.byType[type].vagueOnly);
  if (topic.spam >= SPAM_THRESHOLD && !clearRequest)
    return { types: [], language, confidence: spamConfidence(topic.spam), category: 'spam', onBehalfOfOther: false, possibleBreach };

  const onBehalfOfOther = writesOnBehalfOfOther(read, request.types.length > 0);
  if (request.types.length > 0)
    return { types: request.types, language, confidence: requestConfidence(context), category: 'rights_request', onBehalfOfOther, possibleBreach };
  return {
    types: [],
    language,
    confidence: possibleBreach ? 0.8 : nonRequestConfidence(context),
    category: possibleBreach ? 'other' : (topic.topic ?? 'other'),
    onBehalfOfOther,
    possibleBreach,
  };
}
