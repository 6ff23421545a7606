import { MARKETING_STOP_TYPES } from '../../request/request-vocabulary.js';
import type { RequestEvidence } from './detect-request-types.js';
import { TYPE_THRESHOLD } from './detect-request-types.js';
import type { TopicEvidence } from './detect-topic.js';
import { TOPIC_THRESHOLD } from './detect-topic.js';

/** What besides the rights' own evidence bears on how sure recognition is. */
export interface ConfidenceContext {
  readonly request: RequestEvidence;
  readonly topic: TopicEvidence;
  /** Words the sender wrote now, subject not counted. */
  readonly ownWordCount: number;
  /** Evidence that this follows up an earlier request (`follow-up-cues.ts`). */
  readonly followUp: number;
  /** Spam and sales-pitch wording around the request (`spam-cues.ts`, `sales-pitch-cues.ts`). */
  readonly commercial?: number;
  /** Words naming a right the mail is not read as asking for (`unexplained-right-words.ts`). */
  readonly unexplainedRightWords?: number;
}

const round = (value: number): number => Math.round(Math.min(0.97, Math.max(0.3, value)) * 100) / 100;

/** A message this short ("fjern meg") leaves the reader guessing. */
const SHORT_TEXT_WORDS = 4;

/**
 * How sure recognition is of the rights it found. Clear evidence starts at 0.92; each doubt a careful
 * reader would have costs a fixed amount, so the reasons for a low score can be read off:
 *
 * - only vague words carry a right ("fjern meg", "slett den"): −0.30
 * - the right is only asked about ("hvordan sletter jeg …?"): −0.30
 * - it follows up an earlier request (belongs to an open case, req. 1.5): −0.30
 * - it comes with a complaint: −0.25; with a billing or booking matter: −0.07
 * - the sender wrote fewer than four words: −0.25, unless all they ask is to stop marketing
 *   («STOPP», «unsubscribe»: that is how people unsubscribe, and a stop harms no one)
 * - a right only just reached its threshold: −0.08; three or more rights at once: −0.05
 * - spam or sales-pitch wording around it (a vendor naming rights, a phishing threat): −0.1
 * - a word naming another right stands in the mail, but no phrase we read asks for it: −0.3
 */
export function requestConfidence(context: ConfidenceContext): number {
  const { request, topic } = context;
  const evidence = request.types.map((type) => request.byType[type]);
  let confidence = 0.92;
  if (evidence.some((type) => type.vagueOnly)) confidence -= 0.3;
  if (evidence.every((type) => type.howQuestionOnly)) confidence -= 0.3;
  if (context.followUp >= 1) confidence -= 0.3;
  if (topic.scores.complaint >= TOPIC_THRESHOLD) confidence -= 0.25;
  else if (topic.scores.billing >= TOPIC_THRESHOLD || topic.scores.booking >= TOPIC_THRESHOLD) confidence -= 0.07;
  const onlyStopsMarketing = request.types.every((type) => MARKETING_STOP_TYPES.includes(type));
  if (context.ownWordCount < SHORT_TEXT_WORDS && !onlyStopsMarketing) confidence -= 0.25;
  if (Math.min(...evidence.map((type) => type.score)) < 1.3) confidence -= 0.08;
  if (request.types.length >= 3) confidence -= 0.05;
  if ((context.commercial ?? 0) >= 1) confidence -= 0.1;
  if ((context.unexplainedRightWords ?? 0) > 0) confidence -= 0.3;
  return round(confidence);
}

/** The strongest right that did not reach its threshold: words that point at a request without asking. */
const requestHint = (request: RequestEvidence): number =>
  Math.max(0, ...Object.values(request.byType).map((type) => (type.score < TYPE_THRESHOLD ? type.score : 0) + (type.negatedHits > 0 ? 0.5 : 0)));

/**
 * How sure recognition is that a mail asks for no right, and of its topic. A clear topic reaches
 * 0.85; a second strong topic, words that half point at a request, or a very short text lower it.
 */
export function nonRequestConfidence(context: ConfidenceContext): number {
  const { topic } = context;
  let confidence = topic.topic ? Math.min(0.88, 0.6 + 0.1 * topic.scores[topic.topic]) : 0.78;
  if (topic.topic && topic.runnerUp >= TOPIC_THRESHOLD) confidence -= 0.12;
  if (requestHint(context.request) >= 0.5) confidence -= 0.2;
  if (context.ownWordCount < SHORT_TEXT_WORDS) confidence -= 0.15;
  return round(confidence);
}

/** Spam by its wording: the more cues, the surer. */
export const spamConfidence = (spamScore: number): number => round(0.6 + 0.1 * spamScore);
