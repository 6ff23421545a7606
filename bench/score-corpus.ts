/**
 * Scores folders of the mail corpus and lists every miss: how a new blind batch is scored once,
 * before anyone tunes on it.
 *
 *   npx tsx bench/score-corpus.ts blind/b01/        # folders relative to test/fixtures/mail-corpus/
 *   npx tsx bench/score-corpus.ts --quiet sealed/   # figures only, no list of misses
 */
import { readOutcomes, scoreOutcomes } from './recognition-corpus.js';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const folders = args.filter((arg) => arg !== '--quiet');
if (folders.length === 0) {
  process.stderr.write('usage: score-corpus.ts [--quiet] FOLDER/...\n');
  process.exit(2);
}
const { misses, ...figures } = scoreOutcomes(await readOutcomes(folders));
process.stdout.write(`${JSON.stringify(figures)}\n`);
if (!quiet) process.stdout.write(misses.map((line) => `  ${line}\n`).join(''));
