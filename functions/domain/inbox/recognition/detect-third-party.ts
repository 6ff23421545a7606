import type { MessageWords } from './message-words.js';
import { cueHits, cueScore, type CueHit } from './score-cues.js';
import { THIRD_PARTY_CUES } from './third-party-cues.js';

/** Whether a mail asks about someone else in the writer's own interest, and the cues that said so. */
export interface ThirdPartyEvidence {
  readonly thirdParty: boolean;
  /** The writer is an employer or HR asking about its staff (a kind of third party). */
  readonly employer?: boolean;
  /** The writer asks to be given information (counts only with a third party). */
  readonly asksDisclosure: boolean;
  readonly hits: readonly CueHit[];
}

/**
 * A request about someone else (req. 4 of issue 15): an employer, an authority or another customer
 * asks for a person's data. It needs who writes (employer, HR, authority) or whose data it is (his
 * door log, when she was there, who booked), and that the writer asks for something; a mandate
 * («fullmakt», «on behalf of», «ba meg») makes it a representative instead, which is not this.
 */
export function detectThirdParty(text: MessageWords, asksForRight: boolean): ThirdPartyEvidence {
  const employerHits = cueHits(text, THIRD_PARTY_CUES.employer, false);
  const writer = [...employerHits, ...cueHits(text, THIRD_PARTY_CUES.authority, false)];
  const aboutOther = cueHits(text, THIRD_PARTY_CUES.aboutOther, false);
  const disclosure = cueHits(text, THIRD_PARTY_CUES.disclosure, false);
  const mandate = cueHits(text, THIRD_PARTY_CUES.mandate, false);
  const someoneElse = cueScore(writer) + cueScore(aboutOther) >= 1;
  const asksDisclosure = cueScore(disclosure) >= 1;
  // Asking about one's own data outweighs a mention of an authority or an employer, unless the mail
  // clearly points at another person too.
  const ownData = cueScore(cueHits(text, THIRD_PARTY_CUES.self, false)) >= 1 && cueScore(aboutOther) < 1;
  const thirdParty = someoneElse && (asksForRight || asksDisclosure) && cueScore(mandate) < 1 && !ownData;
  return {
    thirdParty,
    ...(thirdParty && cueScore(employerHits) >= 1 ? { employer: true } : {}),
    asksDisclosure,
    hits: thirdParty ? [...writer, ...aboutOther, ...disclosure] : [],
  };
}
