import { REQUEST_TYPES, type RequestType } from '../request/request-vocabulary.js';
import type { InboundMessage, Recognition } from './inbound-message.js';
import { detectAutomatedMail } from './recognition/automated-mail.js';
import { withBareStop } from './recognition/bare-stop.js';
import { breachHits, representationHits } from './recognition/detect-flags.js';
import { detectLanguage } from './recognition/detect-language.js';
import { detectRequestTypes, type RequestEvidence } from './recognition/detect-request-types.js';
import { detectThirdParty, type ThirdPartyEvidence } from './recognition/detect-third-party.js';
import { detectTopic } from './recognition/detect-topic.js';
import { FOLLOW_UP_CUES } from './recognition/follow-up-cues.js';
import type { MessageWords } from './recognition/message-words.js';
import { nonRequestConfidence, requestConfidence, spamConfidence, type ConfidenceContext } from './recognition/recognition-confidence.js';
import { ownWords, recognitionText } from './recognition/recognition-text.js';
import { repliedTo, stopReplyHits, type RepliedTo } from './recognition/reply-context.js';
import { SALES_PITCH_CUES, SALES_PITCH_THRESHOLD } from './recognition/sales-pitch-cues.js';
import { cueHits, cueScore, scoreCues, type CueHit } from './recognition/score-cues.js';
import { SPAM_THRESHOLD, STRONG_SPAM_THRESHOLD } from './recognition/spam-cues.js';
import { unexplainedRightWords } from './recognition/unexplained-right-words.js';

/** One cue that fired: what it counted for, its phrase, and the words of the mail it matched. */
export interface FiredCue {
  /** A right (`erasure`), a flag (`on_behalf_of_other`, `third_party`, `possible_breach`), `spam`, `sales_pitch`, `follow_up`, or the kind of automated mail. */
  readonly for: string;
  readonly phrase: string;
  readonly words: string;
  /** A negator turned the match round («jeg vil IKKE slette»): it did not count. */
  readonly negated?: true;
}

/** A recognition with the cues behind it, for `dsr classify` and for staff. */
export interface ExplainedRecognition {
  readonly recognition: Recognition;
  readonly cues: readonly FiredCue[];
}

/** Language from the own text, or from the subject too when the sender wrote almost nothing. */
const languageOf = (own: MessageWords, read: MessageWords) => detectLanguage(own.words.length >= 5 ? own : read);

/** «Fwd:», «VS:», «VB:», «TR:», «WG:»: the subject of a forwarded mail. */
const FORWARD_SUBJECT = /^\s*(?:fwd?|vs|vb|tr|wg|vid)\s*:/i;
const isForward = (message: InboundMessage): boolean => FORWARD_SUBJECT.test(message.subject);
/** How sure recognition may be that a forward asks for nothing: below the case threshold. */
const FORWARD_CONFIDENCE = 0.6;

const NO_THIRD_PARTY: ThirdPartyEvidence = { thirdParty: false, asksDisclosure: false, hits: [] };

/** A stop reply («STOPP») longer than this is read on its own words, not as an answer to our mail. */
const STOP_REPLY_MAX_WORDS = 12;
/** What a stop reply asks for, by the mail it answers. */
const STOP_REPLY_RIGHT: Partial<Record<RepliedTo, RequestType>> = { newsletter: 'consent_withdrawal', survey: 'consent_withdrawal', offer: 'objection' };

const fired = (text: MessageWords, label: string, hits: readonly CueHit[]): FiredCue[] =>
  hits.map((hit) => ({
    for: label,
    phrase: hit.cue.phrase,
    words: text.words
      .slice(hit.match.start, hit.match.end + 1)
      .map((word) => word.text)
      .join(' '),
    ...(hit.negated ? { negated: true as const } : {}),
  }));

/** Words by which a writer speaks of themself: a person asking for a right says «meg», «min», «my». */
const FIRST_PERSON = new Set(['jeg', 'eg', 'jag', 'meg', 'mig', 'me', 'min', 'mine', 'mitt', 'mi', 'mina', 'mit', 'my', 'myself', "i'd", "i'm", "i've", 'mej']);

/**
 * True when a hit stands in a sentence where the writer speaks of themself. A vendor's or a course's
 * «innsyn og sletting» never does; with spam wording around, a right named only that way is no request.
 */
function inPersonalSentence(text: MessageWords, hits: readonly CueHit[]): boolean {
  const sentences = new Set(hits.filter((hit) => !hit.negated).map((hit) => hit.sentence));
  return text.words.some((word) => sentences.has(word.sentence) && FIRST_PERSON.has(word.text));
}

/** The evidence with one more right, asked for by `hits` (a stop reply, a disclosure request). */
function withRight(request: RequestEvidence, type: RequestType, hits: readonly CueHit[]): RequestEvidence {
  const byType = { ...request.byType, [type]: { score: 1, vagueOnly: false, howQuestionOnly: false, negatedHits: 0, hits } };
  return { types: REQUEST_TYPES.filter((candidate) => candidate === type || request.types.includes(candidate)), byType };
}

/**
 * What a received mail asks for, by transparent rules: no model, no network, and every decision can be
 * traced to a phrase in a table under `recognition/` (`cues` lists those that fired). Reads only the
 * sender's own new words (and their own subject), never quoted history, signatures or attachments;
 * the quoted mail only tells which of our mails a reply answers.
 *
 * - Automated mail (bounces, auto-replies, newsletters, flagged spam) is recognised from its headers
 *   first and never carries rights, whatever it quotes.
 * - Otherwise each right is scored from its phrases in nb, nn, sv, da and en, with negation
 *   ("jeg vil IKKE slette kontoen") turning a phrase round, and typos and missing letters forgiven.
 * - A terse «STOPP» or «unsubscribe» answering our newsletter, survey or offer stops it.
 * - A sales pitch is spam whatever rights it names.
 * - A request about someone else in the writer's own interest (employer, authority, another customer)
 *   is `thirdParty` (and `onBehalfOfOther`): it goes to staff, never starts as the sender's own case.
 * - `confidence` is how sure the rights (or, with none, the category) are; below
 *   `CASE_CONFIDENCE_THRESHOLD` staff look first (see `recognition-confidence.ts` for the doubts).
 *
 * @example explainRecognition(await parseInboundMessage(raw)).cues // [{ for: 'erasure', phrase: 'slett* .. …', words: 'slett meg' }]
 */
export function explainRecognition(message: InboundMessage): ExplainedRecognition {
  const read = recognitionText(message);
  const own = ownWords(message);
  const language = languageOf(own, read);
  const nothingFlagged = { onBehalfOfOther: false, thirdParty: false, possibleBreach: false };
  const automated = detectAutomatedMail(message, own);
  if (automated)
    return {
      recognition: { types: [], language, confidence: automated.confidence, category: automated.category, ...nothingFlagged },
      cues: [{ for: automated.category, phrase: automated.reason, words: '' }],
    };

  let request = detectRequestTypes(read);
  const cues: FiredCue[] = [];
  const answers = repliedTo(message);
  const stopRight = answers ? STOP_REPLY_RIGHT[answers] : undefined;
  let stopReply = false;
  if (stopRight && request.types.length === 0 && own.words.length <= STOP_REPLY_MAX_WORDS) {
    const hits = stopReplyHits(own);
    if (cueScore(hits) >= 1) {
      request = withRight(request, stopRight, hits);
      stopReply = true;
      cues.push({ for: 'replies_to', phrase: `our ${answers}`, words: '' });
    }
  }
  // A lone «STOPP» or «unsubscribe» with no mail of ours quoted still stops marketing.
  if (request.types.length === 0) {
    const bare = withBareStop(request, own);
    if (bare !== request) cues.push({ for: 'consent_withdrawal', phrase: 'a lone stop word', words: own.words.map((word) => word.text).join(' ') });
    request = bare;
  }

  const breach = breachHits(read);
  const possibleBreach = cueScore(breach) >= 1;
  // A breach report describes someone else's data it was shown; it asks about them only if it asks for a right.
  const third = possibleBreach && request.types.length === 0 ? NO_THIRD_PARTY : detectThirdParty(read, request.types.length > 0);
  if (third.thirdParty && request.types.length === 0) request = withRight(request, 'access', third.hits);
  // A stop reply's hits stand in the own text; every other hit in the text read (subject and own text).
  // Both objections share the objection cues: their hits are listed under the objection(s) recognised.
  const sharesCues = (type: RequestType): boolean =>
    type === 'processing_objection' ? !request.types.includes(type) : type === 'objection' && request.types.includes('processing_objection') && !request.types.includes(type);
  for (const type of REQUEST_TYPES)
    if (!sharesCues(type)) cues.push(...fired(stopReply && type === stopRight ? own : read, type, request.byType[type].hits));

  const topic = detectTopic(read);
  const followUpHits = cueHits(read, FOLLOW_UP_CUES, false);
  const followUp = cueScore(followUpHits) + (answers === 'case_letter' ? 1 : 0);
  if (answers === 'case_letter') cues.push({ for: 'follow_up', phrase: 'replies to our letter in a case', words: '' });
  cues.push(...fired(read, 'follow_up', followUpHits));
  const pitchHits = cueHits(read, SALES_PITCH_CUES, false);
  const pitch = cueScore(pitchHits);
  const unexplained = unexplainedRightWords(read, request);
  cues.push(...fired(read, 'unexplained_right_word', unexplained));
  const context: ConfidenceContext = {
    request,
    topic,
    ownWordCount: stopReply ? STOP_REPLY_MAX_WORDS : own.words.length,
    followUp,
    commercial: topic.spam + pitch,
    unexplainedRightWords: unexplained.length,
  };

  cues.push(...fired(read, 'possible_breach', possibleBreach ? breach : []));

  const clearRequest = request.types.some((type) => !request.byType[type].vagueOnly && inPersonalSentence(read, request.byType[type].hits));
  // Phishing threatens deletion and names accounts: past STRONG_SPAM_THRESHOLD its words are no request.
  const spam = topic.spam >= STRONG_SPAM_THRESHOLD || (topic.spam + pitch >= SPAM_THRESHOLD && !clearRequest) || pitch >= SALES_PITCH_THRESHOLD;
  cues.push(...fired(read, 'sales_pitch', pitchHits));
  if (!third.thirdParty && spam) {
    return { recognition: { types: [], language, confidence: spamConfidence(topic.spam + pitch), category: 'spam', ...nothingFlagged, possibleBreach }, cues };
  }

  const representation = representationHits(read, request.types.length > 0);
  const onBehalfOfOther = third.thirdParty || representation.length > 0;
  cues.push(...fired(read, 'third_party', third.hits), ...fired(read, 'on_behalf_of_other', third.thirdParty ? [] : representation));
  const flags = { onBehalfOfOther, thirdParty: third.thirdParty, ...(third.employer ? { employer: true } : {}), possibleBreach };
  if (request.types.length > 0)
    return { recognition: { types: request.types, language, confidence: requestConfidence(context), category: 'rights_request', ...flags }, cues };
  return {
    recognition: {
      types: [],
      language,
      // A forward carries its matter in the forwarded mail, which is not read: a person looks.
      confidence: possibleBreach ? 0.8 : isForward(message) ? Math.min(FORWARD_CONFIDENCE, nonRequestConfidence(context)) : nonRequestConfidence(context),
      category: possibleBreach ? 'other' : (topic.topic ?? 'other'),
      ...flags,
    },
    cues,
  };
}

/**
 * What a received mail asks for: `explainRecognition` without the list of cues.
 *
 * @example recognise(await parseInboundMessage(raw)) // { types: ['erasure'], language: 'nb', confidence: 0.92, … }
 */
export const recognise = (message: InboundMessage): Recognition => explainRecognition(message).recognition;
