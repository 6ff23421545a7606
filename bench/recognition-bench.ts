import { CORPUS_PARTS, CORPUS_ROOT, readCorpusFolder, readOutcomes, recogniseRaw, scoreOutcomes, type CorpusScore } from './recognition-corpus.js';

/** Recognition figures over the two parts of the hand-written corpus; see `test/fixtures/mail-corpus/README.md`. */
export interface RecognitionFigures {
  /** The part the rules were tuned on: the first corpus, the held-out set, the tuning batch and the scored blind batches. */
  readonly tuning: Omit<CorpusScore, 'misses'>;
  /** The part written before the rules changed and never tuned on. */
  readonly sealed: Omit<CorpusScore, 'misses'>;
  /** Parse + recognise throughput on this machine, over repeated passes of the whole corpus. */
  readonly messagesPerSecond: number;
}

const withoutMisses = ({ misses: _misses, ...score }: CorpusScore): Omit<CorpusScore, 'misses'> => score;

/**
 * Accuracy on both parts, and the throughput of parse + recognise. Throughput repeats the first corpus
 * until at least `minimumMillis` have passed (and at least `minimumPasses` times), after a warm-up
 * pass, so the figure is stable and comparable with earlier runs.
 */
export async function recognitionFigures(options: { readonly minimumPasses?: number; readonly minimumMillis?: number } = {}): Promise<RecognitionFigures> {
  const tuning = scoreOutcomes(await readOutcomes(CORPUS_PARTS.tuning));
  const sealed = scoreOutcomes(await readOutcomes(CORPUS_PARTS.sealed));
  const raws = (await readCorpusFolder(CORPUS_ROOT)).map(({ raw }) => raw);
  const minimumPasses = options.minimumPasses ?? 5;
  const minimumMillis = options.minimumMillis ?? 2000;
  for (const raw of raws) await recogniseRaw(raw);
  let passes = 0;
  const started = process.hrtime.bigint();
  let elapsedMillis = 0;
  while (passes < minimumPasses || elapsedMillis < minimumMillis) {
    for (const raw of raws) await recogniseRaw(raw);
    passes++;
    elapsedMillis = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return {
    tuning: withoutMisses(tuning),
    sealed: withoutMisses(sealed),
    messagesPerSecond: Number(((passes * raws.length) / (elapsedMillis / 1000)).toFixed(1)),
  };
}

/** The lines `npm run bench` prints for one part. */
export function recognitionLines(name: string, score: Omit<CorpusScore, 'misses'>): string[] {
  return [
    `  ${name.padEnd(7)} exact type sets ${score.exactTypeAccuracy.toFixed(3)}  languages ${score.languageAccuracy.toFixed(3)}  (${score.messages} messages)`,
    `          not the sender's own request but started as a case ${score.nonRequestsStartedAsCases} (about someone else ${score.thirdPartyStartedAsCases}); wrong rights started as a case ${score.missesStartedAsCases}; uncertain started ${score.uncertainStartedAsCases}; flags wrong ${score.flagsWrong}`,
  ];
}
