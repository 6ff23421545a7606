import type { MessageWords } from './message-words.js';
import { scoreCues } from './score-cues.js';
import { SPAM_CUES } from './spam-cues.js';
import { TOPIC_CUES, type Topic } from './topic-cues.js';

/** A topic needs this much evidence; below it a mail is "other". */
export const TOPIC_THRESHOLD = 1;
/** Tie order: an angry mail about an invoice is first a complaint. */
const TOPIC_ORDER: readonly Topic[] = ['complaint', 'billing', 'booking'];

/** How much each non-request topic and spam is evidenced, and which topic won. */
export interface TopicEvidence {
  readonly scores: Readonly<Record<Topic, number>>;
  readonly spam: number;
  /** The winning topic, if any reached the threshold. */
  readonly topic?: Topic;
  /** The best score among the other topics: a second strong topic means a mixed mail. */
  readonly runnerUp: number;
}

/** Scores the non-request topics and spam over a text. */
export function detectTopic(text: MessageWords): TopicEvidence {
  const scores = Object.fromEntries(TOPIC_ORDER.map((topic) => [topic, scoreCues(text, TOPIC_CUES[topic], false)])) as Record<Topic, number>;
  let topic: Topic | undefined;
  for (const candidate of TOPIC_ORDER) if (scores[candidate] >= TOPIC_THRESHOLD && (topic === undefined || scores[candidate] > scores[topic])) topic = candidate;
  const runnerUp = Math.max(0, ...TOPIC_ORDER.filter((other) => other !== topic).map((other) => scores[other]));
  return { scores, spam: scoreCues(text, SPAM_CUES, false), ...(topic ? { topic } : {}), runnerUp };
}
