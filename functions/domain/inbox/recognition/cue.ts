import type { RequestType } from '../../request/request-vocabulary.js';
import { compilePhrase, type CompiledPhrase } from './phrase-pattern.js';

/**
 * One piece of evidence: a phrase (see `phrase-pattern.ts` for the notation) and how much it says.
 * A weight of 1 is enough on its own; smaller weights need company.
 */
export interface Cue {
  readonly phrase: string;
  readonly weight: number;
  /**
   * The words point at the right but leave room for another reading ("fjern meg", "slett den",
   * "hva gjør dere med dataene mine"): they count, but a person looks before a case starts.
   */
  readonly vague?: boolean;
  /** Matches of these types inside this cue's words are dropped: "slett meg fra nyhetsbrevet" is no erasure. */
  readonly overrides?: readonly RequestType[];
}

/** A cue ready to match, its phrase compiled once, on first use. */
export interface CompiledCue extends Cue {
  readonly compiled: CompiledPhrase;
  /** The phrase says its own "not" ("ikke ring meg"), so a negator in it is the request, not against it. */
  readonly negatedByItself: boolean;
}

const NEGATING_WORDS = /(?:^|[\s|])(?:ikke|ikkje|inte|not|don't|dont|no|never|aldri|aldrig|inga|ingen)(?=$|[\s|])/;

/**
 * Readies a cue table; each phrase is compiled the first time it is matched, not at module load, so
 * a cold start of the mail intake does not pay for all the tables (≈ 6 ms) before the first mail.
 */
export function compileCues(cues: readonly Cue[]): CompiledCue[] {
  return cues.map((cue) => {
    let compiled: CompiledPhrase | undefined;
    return {
      ...cue,
      get compiled(): CompiledPhrase {
        return (compiled ??= compilePhrase(cue.phrase));
      },
      negatedByItself: NEGATING_WORDS.test(cue.phrase),
    };
  });
}
