import { MessageTooLargeError, UnparseableMessageError } from '../../../functions/domain/inbox/inbound-message-errors.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../../../functions/domain/inbox/recognise.js';
import { CommandError, UsageError } from '../cli-errors.js';

/** Reads a file's bytes; `fs/promises.readFile` in the CLI, a map in tests. */
export type ReadMailFile = (path: string) => Promise<Buffer | string>;

/** One output line: what recognition makes of one file. */
export interface ClassifyLine {
  readonly file: string;
  readonly types: readonly string[];
  readonly language: string;
  readonly confidence: number;
  /** `unparseable` (not a readable mail) or `too_large` (past the size limits): staff read those. */
  readonly error?: 'unparseable' | 'too_large';
}

async function classifyOne(file: string, readFile: ReadMailFile): Promise<ClassifyLine> {
  let raw: Buffer | string;
  try {
    raw = await readFile(file);
  } catch {
    throw new CommandError(`cannot read "${file}"`);
  }
  try {
    const recognition = recognise(await parseInboundMessage(raw));
    return { file, types: recognition.types, language: recognition.language, confidence: recognition.confidence };
  } catch (error) {
    if (error instanceof UnparseableMessageError) return { file, types: [], language: 'nb', confidence: 0, error: 'unparseable' };
    if (error instanceof MessageTooLargeError) return { file, types: [], language: 'nb', confidence: 0, error: 'too_large' };
    throw error;
  }
}

/**
 * `dsr classify FILE.eml...`: one JSON line per file, `{"file","types","language","confidence"}`, in
 * the order given. The same parser and recogniser the e-mail intake runs, so staff can check what a
 * stored mail would have become, and tune the phrase tables against real mail without a stack.
 * Non-requests have `types: []`; a file that is not a readable mail gets `confidence: 0` and an
 * `error`, never a guess.
 *
 * @example await classifyCommand(['slett-meg.eml'], readFile)
 * // '{"file":"slett-meg.eml","types":["erasure"],"language":"nb","confidence":0.84}'
 */
export async function classifyCommand(files: readonly string[], readFile: ReadMailFile): Promise<string> {
  if (files.length === 0) throw new UsageError('classify needs at least one .eml file, e.g. dsr classify mail.eml');
  const lines: string[] = [];
  for (const file of files) lines.push(JSON.stringify(await classifyOne(file, readFile)));
  return lines.join('\n');
}
