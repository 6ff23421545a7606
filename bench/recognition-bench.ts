import { readFile, readdir } from 'node:fs/promises';
import { MessageTooLargeError, UnparseableMessageError } from '../functions/domain/inbox/inbound-message-errors.js';
import type { Recognition } from '../functions/domain/inbox/inbound-message.js';
import { parseInboundMessage } from '../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../functions/domain/inbox/recognise.js';

const CORPUS = new URL('../test/fixtures/mail-corpus/', import.meta.url);

interface Expectation {
  readonly types: readonly string[];
  readonly language: string;
}

/** Recognition figures over the hand-written corpus; see `test/fixtures/mail-corpus/README.md`. */
export interface RecognitionFigures {
  readonly messages: number;
  /** Share of messages whose set of rights is exactly the expected one. */
  readonly exactTypeAccuracy: number;
  readonly languageAccuracy: number;
  /** Messages expected to ask for no right that recognition gave rights (and so would start a case). */
  readonly nonRequestsStartedAsCases: number;
  /** Parse + recognise throughput on this machine, over repeated passes of the corpus. */
  readonly messagesPerSecond: number;
}

const UNREADABLE: Recognition = { types: [], language: 'nb', confidence: 0, category: 'other', onBehalfOfOther: false, thirdParty: false, possibleBreach: false };

async function readMessage(raw: Buffer): Promise<Recognition> {
  try {
    return recognise(await parseInboundMessage(raw));
  } catch (error) {
    if (error instanceof UnparseableMessageError || error instanceof MessageTooLargeError) return UNREADABLE;
    throw error;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

/**
 * Accuracy and throughput of parse + recognise over the corpus (the top-level `.eml` files, not the
 * held-out set). Throughput repeats the whole corpus until at least `minimumMillis` have passed (and
 * at least `minimumPasses` times), after a warm-up pass, so the figure is stable.
 */
export async function recognitionFigures(options: { readonly minimumPasses?: number; readonly minimumMillis?: number } = {}): Promise<RecognitionFigures> {
  const expected = JSON.parse(await readFile(new URL('expected.json', CORPUS), 'utf8')) as Record<string, Expectation>;
  const files = (await readdir(CORPUS)).filter((name) => name.endsWith('.eml')).sort();
  const raws = await Promise.all(files.map((name) => readFile(new URL(name, CORPUS))));
  let exactTypes = 0;
  let languages = 0;
  let nonRequestsStartedAsCases = 0;
  for (const [index, name] of files.entries()) {
    const want = expected[name];
    if (!want) throw new Error(`no expectation for ${name}`);
    const got = await readMessage(raws[index]!);
    if (sameSet(got.types, want.types)) exactTypes++;
    if (got.language === want.language) languages++;
    if (want.types.length === 0 && got.types.length > 0) nonRequestsStartedAsCases++;
  }
  const minimumPasses = options.minimumPasses ?? 5;
  const minimumMillis = options.minimumMillis ?? 2000;
  for (const raw of raws) await readMessage(raw);
  let passes = 0;
  const started = process.hrtime.bigint();
  let elapsedMillis = 0;
  while (passes < minimumPasses || elapsedMillis < minimumMillis) {
    for (const raw of raws) await readMessage(raw);
    passes++;
    elapsedMillis = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const round = (value: number, digits: number): number => Number(value.toFixed(digits));
  return {
    messages: files.length,
    exactTypeAccuracy: round(exactTypes / files.length, 3),
    languageAccuracy: round(languages / files.length, 3),
    nonRequestsStartedAsCases,
    messagesPerSecond: round((passes * files.length) / (elapsedMillis / 1000), 1),
  };
}
