import { readFile, readdir } from 'node:fs/promises';
import { CASE_CONFIDENCE_THRESHOLD, type Recognition } from '../functions/domain/inbox/inbound-message.js';
import { MessageTooLargeError, UnparseableMessageError } from '../functions/domain/inbox/inbound-message-errors.js';
import { parseInboundMessage } from '../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../functions/domain/inbox/recognise.js';
import { routeRecognition } from '../functions/domain/intake-mail/route-recognition.js';

/** What a careful human reader concludes about one corpus mail; see `test/fixtures/mail-corpus/README.md`. */
export interface Expectation {
  readonly types: readonly string[];
  readonly language: string;
  readonly category: string;
  readonly onBehalfOfOther: boolean;
  readonly possibleBreach: boolean;
  /** Asks about another person in the writer's own interest (employer, authority, another customer). */
  readonly thirdParty?: boolean;
  /** The request stops marketing (newsletter, surveys, calls, SMS, offers). */
  readonly marketingStop?: boolean;
  readonly uncertain?: boolean;
  readonly unparseable?: boolean;
  readonly notes?: string;
}

/** One corpus mail: what was expected and what recognition made of it (or the error it threw). */
export interface Outcome {
  readonly file: string;
  readonly want: Expectation;
  readonly got?: Recognition;
  readonly error?: unknown;
}

/** The corpus folders, relative to `test/fixtures/mail-corpus/`. */
export const CORPUS_ROOT = new URL('../test/fixtures/mail-corpus/', import.meta.url);

/**
 * The two parts of the corpus. The sealed part was written before the rules changed and is never
 * tuned on; everything else (the first corpus, the held-out set, the tuning batches and the blind
 * batches once they were scored) is the tuning part.
 */
export const CORPUS_PARTS = {
  tuning: ['', 'held-out/', 'tuning/', 'blind/'],
  sealed: ['sealed/'],
} as const;

const UNREADABLE: Recognition = { types: [], language: 'nb', confidence: 0, category: 'other', onBehalfOfOther: false, thirdParty: false, possibleBreach: false };

/** Recognition of one raw mail, as the intake would make it; an unreadable mail gets no rights. */
export async function recogniseRaw(raw: Buffer): Promise<Recognition> {
  try {
    return recognise(await parseInboundMessage(raw));
  } catch (error) {
    if (error instanceof UnparseableMessageError || error instanceof MessageTooLargeError) return UNREADABLE;
    throw error;
  }
}

/** The `.eml` files of one folder with their expectations; throws when the two lists differ. */
export async function readCorpusFolder(folder: URL): Promise<{ file: string; want: Expectation; raw: Buffer }[]> {
  const expected = JSON.parse(await readFile(new URL('expected.json', folder), 'utf8')) as Record<string, Expectation>;
  const files = (await readdir(folder)).filter((name) => name.endsWith('.eml')).sort();
  const missing = [...files.filter((file) => !(file in expected)), ...Object.keys(expected).filter((file) => !files.includes(file))];
  if (missing.length > 0) throw new Error(`files and expectations differ in ${folder.pathname}: ${missing.join(', ')}`);
  return Promise.all(files.map(async (file) => ({ file, want: expected[file]!, raw: await readFile(new URL(file, folder)) })));
}

/** Every mail of the given folders (relative to the corpus root), recognised; folders that do not exist are skipped. */
export async function readOutcomes(folders: readonly string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const folder of folders) {
    const url = new URL(folder, CORPUS_ROOT);
    let subfolders: string[] = [''];
    // `blind/` holds one folder per batch.
    if (folder === 'blind/') {
      try {
        subfolders = (await readdir(url, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => `${entry.name}/`).sort();
      } catch {
        continue;
      }
    }
    for (const sub of subfolders) {
      let mails: Awaited<ReturnType<typeof readCorpusFolder>>;
      try {
        mails = await readCorpusFolder(new URL(sub, url));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      for (const { file, want, raw } of mails) {
        try {
          outcomes.push({ file: `${folder}${sub}${file}`, want, got: recognise(await parseInboundMessage(raw)) });
        } catch (error) {
          outcomes.push({ file: `${folder}${sub}${file}`, want, error });
        }
      }
    }
  }
  return outcomes;
}

export const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

/** True when a careful reader would not start this mail as the sender's own case. */
export const mustNotStartCase = (want: Expectation): boolean =>
  want.types.length === 0 || want.onBehalfOfOther || want.thirdParty === true || want.possibleBreach || want.uncertain === true || want.unparseable === true;

const startsCase = (got: Recognition | undefined): boolean => got !== undefined && routeRecognition(got).to === 'case';

/** Right when the type set is the expected one, or when an unparseable mail was refused as such. */
export const typesRight = ({ want, got, error }: Outcome): boolean =>
  got ? sameSet(got.types, want.types) : want.unparseable === true && error instanceof UnparseableMessageError;

/** The figures the issue sets targets for, over one part of the corpus. */
export interface CorpusScore {
  readonly messages: number;
  /** Share of messages whose set of rights is exactly the expected one. */
  readonly exactTypeAccuracy: number;
  readonly languageAccuracy: number;
  /** Mails that are not the sender's own request (no right, someone else's, a breach) that would start a case. */
  readonly nonRequestsStartedAsCases: number;
  /** Requests for someone else (employer, authority, other customer) that would start a case. */
  readonly thirdPartyStartedAsCases: number;
  /** Mails whose rights were got wrong and that still would start a case, instead of going to staff triage. */
  readonly missesStartedAsCases: number;
  /** Mails a reader would not act on without looking first that would start a case. */
  readonly uncertainStartedAsCases: number;
  /** Mails whose flags (on behalf of another, third party, possible breach) differ from the expected ones. */
  readonly flagsWrong: number;
  /** Files behind the counts above, for the report and failing assertions. */
  readonly misses: readonly string[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Scores outcomes against their expectations. */
export function scoreOutcomes(outcomes: readonly Outcome[]): CorpusScore {
  let exact = 0;
  let languages = 0;
  let nonRequests = 0;
  let thirdParty = 0;
  let missesStarted = 0;
  let uncertainStarted = 0;
  let flagsWrong = 0;
  const misses: string[] = [];
  for (const outcome of outcomes) {
    const { file, want, got } = outcome;
    const right = typesRight(outcome);
    if (right) exact++;
    if ((got?.language ?? 'nb') === want.language) languages++;
    const started = startsCase(got);
    const nonRequest = want.types.length === 0 || want.onBehalfOfOther || want.thirdParty === true || want.possibleBreach;
    if (started && nonRequest) nonRequests++;
    if (started && want.thirdParty === true) thirdParty++;
    if (started && !right) missesStarted++;
    if (started && want.uncertain === true) uncertainStarted++;
    const flags = (r: { onBehalfOfOther: boolean; thirdParty?: boolean; possibleBreach: boolean }) =>
      `${r.onBehalfOfOther ? ' behalf' : ''}${r.thirdParty ? ' third' : ''}${r.possibleBreach ? ' breach' : ''}`;
    if (got && flags(got) !== flags(want)) {
      flagsWrong++;
      misses.push(`${file}: flags want${flags(want) || ' none'} got${flags(got) || ' none'}`);
    }
    if (!right || (started && mustNotStartCase(want)))
      misses.push(
        `${file}: want [${[...want.types].sort().join(',')}]${mustNotStartCase(want) ? ' (triage)' : ''} got [${[...(got?.types ?? [])].sort().join(',')}] ${got ? `${got.confidence} → ${started ? 'case' : 'triage'}` : 'error'}`,
      );
  }
  const total = outcomes.length || 1;
  return {
    messages: outcomes.length,
    exactTypeAccuracy: round(exact / total, 3),
    languageAccuracy: round(languages / total, 3),
    nonRequestsStartedAsCases: nonRequests,
    thirdPartyStartedAsCases: thirdParty,
    missesStartedAsCases: missesStarted,
    uncertainStartedAsCases: uncertainStarted,
    flagsWrong,
    misses,
  };
}

/** The threshold a recognition must reach to start a case, re-exported for reports. */
export { CASE_CONFIDENCE_THRESHOLD };
