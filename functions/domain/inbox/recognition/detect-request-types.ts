import { REQUEST_TYPES, type RequestType } from '../../request/request-vocabulary.js';
import type { MessageWords } from './message-words.js';
import { objectionTypes } from './objection-purpose.js';
import { REQUEST_CUES } from './request-cues.js';
import { compileCues } from './cue.js';
import { cueHits, cueScore, type CueHit } from './score-cues.js';

/** A right is asked for when its cues add up to this. */
export const TYPE_THRESHOLD = 1;

/** The evidence for one right. */
export interface TypeEvidence {
  readonly score: number;
  /** Without its vague cues ("fjern meg", "slett den") the right would not be asked for: a person reads it first. */
  readonly vagueOnly: boolean;
  /** Every cue that counted stands in a "how do I …?" question, not a request. */
  readonly howQuestionOnly: boolean;
  /** Cues for this right that a negator turned round ("jeg vil IKKE slette kontoen"). */
  readonly negatedHits: number;
  /** Every match of this right's cues that was kept (negated ones included), for explaining the result. */
  readonly hits: readonly CueHit[];
}

/** The rights found in a text, with the evidence for every right (also those not asked for). */
export interface RequestEvidence {
  /** The rights asked for, in the vocabulary's order. */
  readonly types: readonly RequestType[];
  readonly byType: Readonly<Record<RequestType, TypeEvidence>>;
}

const HOW = new Set(['hvordan', 'korleis', 'kordan', 'hur', 'how']);

/**
 * «Bare lurer», «just wondering», «not yet»: the writer says outright that a question about a right is
 * no request. With every cue in a how-question, the right is then not asked for at all.
 */
const JUST_ASKING = compileCues([
  { phrase: 'bare|berre|bara|just|kun lurer|lurte|undrer|wondering|curious|nyfiken|nysgjerrig|nysgjerrige|spørger|spør|spurte', weight: 1 },
  { phrase: 'ikke|ikkje|inte|not|ikkje nå|ennå|enno|än|yet|endnu|now|no', weight: 0.5 },
  { phrase: 'av|af nysgjerrighet|nyfikenhet|nysgjerrigheit', weight: 1 },
]);

function howQuestionSentences(text: MessageWords): Set<number> {
  const sentences = new Set<number>();
  for (const word of text.words) if (HOW.has(word.text) && text.sentences[word.sentence]?.question) sentences.add(word.sentence);
  return sentences;
}

/**
 * Drops matches that a stronger reading of the same sentence overrides ("slett meg fra nyhetsbrevet"
 * is consent withdrawal, "send me my data as CSV" portability). Only a right that is itself asked for
 * overrides: "innsyn, gjerne som CSV" stays access.
 */
function applyOverrides(hits: ReadonlyMap<RequestType, CueHit[]>): Map<RequestType, CueHit[]> {
  const overridden = new Set<string>();
  for (const typeHits of hits.values()) {
    if (cueScore(typeHits) < TYPE_THRESHOLD) continue;
    for (const hit of typeHits) if (!hit.negated) for (const type of hit.cue.overrides ?? []) overridden.add(`${type}/${hit.sentence}`);
  }
  return new Map([...hits].map(([type, typeHits]) => [type, typeHits.filter((hit) => !overridden.has(`${type}/${hit.sentence}`))]));
}

/**
 * Which rights a text asks for: per right, the weights of its cues (`request-cues/`) that matched
 * and were not negated, each cue counted once. A right with a score of 1 or more is asked for.
 */
export function detectRequestTypes(text: MessageWords): RequestEvidence {
  const hits = applyOverrides(new Map(REQUEST_TYPES.map((type) => [type, cueHits(text, REQUEST_CUES[type])])));
  const howSentences = howQuestionSentences(text);
  const byType = Object.fromEntries(
    REQUEST_TYPES.map((type) => {
      const typeHits = hits.get(type)!;
      const counted = typeHits.filter((hit) => !hit.negated);
      const evidence: TypeEvidence = {
        score: cueScore(typeHits),
        vagueOnly: counted.length > 0 && cueScore(counted.filter((hit) => hit.cue.vague !== true)) < TYPE_THRESHOLD,
        howQuestionOnly: counted.length > 0 && counted.every((hit) => howSentences.has(hit.sentence)),
        negatedHits: typeHits.length - counted.length,
        hits: typeHits,
      };
      return [type, evidence];
    }),
  ) as Record<RequestType, TypeEvidence>;
  const justAsking = howSentences.size > 0 && cueScore(cueHits(text, JUST_ASKING, false)) >= 1;
  const asked = (type: RequestType): boolean => byType[type].score >= TYPE_THRESHOLD && !(justAsking && byType[type].howQuestionOnly);
  // The objection cues find both objections; the purpose named tells the marketing one from the Art. 21(1) one.
  const objections = asked('objection') ? objectionTypes(text) : [];
  // The Art. 21(1) objection carries the evidence of the objection cues it was told apart by.
  const evidence = { ...byType, processing_objection: byType.objection };
  return {
    types: REQUEST_TYPES.filter((type) => (type === 'objection' || type === 'processing_objection' ? objections.includes(type) : asked(type))),
    byType: evidence,
  };
}
