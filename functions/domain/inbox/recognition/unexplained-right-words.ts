import type { RequestType } from '../../request/request-vocabulary.js';
import { compileCues } from './cue.js';
import type { RequestEvidence } from './detect-request-types.js';
import type { MessageWords } from './message-words.js';
import { cueHits, type CueHit } from './score-cues.js';

/**
 * The word that names a right in itself, in the five languages («slettet», «innsyn», «begrense»).
 * Only words that mean nothing else in a mail to us: «rett», «protest» or «stop» would fire on
 * everyday mail. Typos are forgiven by the matcher, as for every cue.
 */
const RIGHT_WORDS = compileCues([
  { phrase: 'slett*|slet|sletta|slettar|delete*|deleting|erase*|erasing|radera*|radere', weight: 1 },
  { phrase: 'innsyn*|indsigt*|insyn*|registerutdrag*|registerudtræk*', weight: 1 },
  { phrase: 'korriger*|rectif*|rättelse|berigtig*', weight: 1 },
  { phrase: 'begrens*|begräns*|begræns*|restrict*', weight: 1 },
  { phrase: 'dataportab*|portabilit*|portabel', weight: 1 },
]);

/** Which right each of RIGHT_WORDS names, in the same order. */
const NAMED_RIGHT: readonly RequestType[] = ['erasure', 'access', 'rectification', 'restriction', 'portability'];

const covers = (hit: CueHit, word: CueHit): boolean => hit.match.start <= word.match.start && word.match.end <= hit.match.end;

/**
 * The words naming a right that the mail does not ask for by any phrase we read: «hvad har i af
 * oplysninger om mig? og bagefter vil jeg gerne have dem slettet» names erasure with a pronoun in
 * another sentence, which no cue follows. Such a word means the reading is incomplete, so a person
 * reads the mail before a case starts with fewer rights than it asks for (issue 15: every miss goes
 * to triage). A word inside any kept or negated match is explained: «slett meg fra nyhetsbrevet» is
 * the newsletter, «jeg vil ikke slette» was read and turned round.
 */
export function unexplainedRightWords(text: MessageWords, request: RequestEvidence): CueHit[] {
  const explaining = Object.values(request.byType).flatMap((evidence) => evidence.hits);
  return cueHits(text, RIGHT_WORDS).filter((word) => {
    const right = NAMED_RIGHT[RIGHT_WORDS.indexOf(word.cue)]!;
    if (request.types.includes(right) || word.negated) return false;
    return !explaining.some((hit) => covers(hit, word));
  });
}
