import { MessageTooLargeError, UnparseableMessageError } from '../../../functions/domain/inbox/inbound-message-errors.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { explainRecognition, type FiredCue } from '../../../functions/domain/inbox/recognise.js';
import { routeRecognition } from '../../../functions/domain/intake-mail/route-recognition.js';
import { CommandError, UsageError } from '../cli-errors.js';

/** Reads a file's bytes; `fs/promises.readFile` in the CLI, a map in tests. */
export type ReadMailFile = (path: string) => Promise<Buffer | string>;

/** One output line: what recognition makes of one file. */
export interface ClassifyLine {
  readonly file: string;
  readonly types: readonly string[];
  readonly language: string;
  readonly confidence: number;
  readonly category?: string;
  /** Where the intake would put it: `case`, or `triage:<reason>` (`triage:third_party`, `triage:uncertain` …). */
  readonly route?: string;
  readonly onBehalfOfOther?: boolean;
  readonly thirdParty?: boolean;
  /** Only when set: the third party is an employer asking about an employee. */
  readonly employer?: boolean;
  readonly possibleBreach?: boolean;
  /** Every cue that fired: `right or flag: phrase ← "words of the mail"`, so a result can be traced. */
  readonly cues?: readonly string[];
  /** `unparseable` (not a readable mail) or `too_large` (past the size limits): staff read those. */
  readonly error?: 'unparseable' | 'too_large';
}

const describeCue = (cue: FiredCue): string => `${cue.for}: ${cue.phrase}${cue.words ? ` ← "${cue.words}"` : ''}${cue.negated ? ' (negated)' : ''}`;

async function classifyOne(file: string, readFile: ReadMailFile): Promise<ClassifyLine> {
  let raw: Buffer | string;
  try {
    raw = await readFile(file);
  } catch {
    throw new CommandError(`cannot read "${file}"`);
  }
  try {
    const { recognition, cues } = explainRecognition(await parseInboundMessage(raw));
    const route = routeRecognition(recognition);
    return {
      file,
      types: recognition.types,
      language: recognition.language,
      confidence: recognition.confidence,
      category: recognition.category,
      route: route.to === 'case' ? 'case' : `triage:${route.reason}`,
      onBehalfOfOther: recognition.onBehalfOfOther,
      thirdParty: recognition.thirdParty,
      ...(recognition.employer ? { employer: true } : {}),
      possibleBreach: recognition.possibleBreach,
      cues: cues.map(describeCue),
    };
  } catch (error) {
    if (error instanceof UnparseableMessageError) return { file, types: [], language: 'nb', confidence: 0, error: 'unparseable' };
    if (error instanceof MessageTooLargeError) return { file, types: [], language: 'nb', confidence: 0, error: 'too_large' };
    throw error;
  }
}

/**
 * `dsr classify FILE.eml...`: one JSON line per file, `{"file","types","language","confidence",
 * "category","route","onBehalfOfOther","thirdParty","possibleBreach","cues"}`, in the order given;
 * `cues` names every phrase that fired and the words it matched (typos included), so staff can see
 * why. The same parser and recogniser the e-mail intake runs, so staff can check what a
 * stored mail would have become, and tune the phrase tables against real mail without a stack.
 * Non-requests have `types: []`; a file that is not a readable mail gets `confidence: 0` and an
 * `error`, never a guess.
 *
 * @example await classifyCommand(['slett-meg.eml'], readFile)
 * // '{"file":"slett-meg.eml","types":["erasure"],"language":"nb","confidence":0.84,"category":"rights_request","route":"case",…,"cues":["erasure: slett*|… meg|… ← \"slett meg\""]}'
 */
export async function classifyCommand(files: readonly string[], readFile: ReadMailFile): Promise<string> {
  if (files.length === 0) throw new UsageError('classify needs at least one .eml file, e.g. dsr classify mail.eml');
  const lines: string[] = [];
  for (const file of files) lines.push(JSON.stringify(await classifyOne(file, readFile)));
  return lines.join('\n');
}
