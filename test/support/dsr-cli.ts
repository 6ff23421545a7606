import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DSR = new URL('../../infra/cli/dsr.ts', import.meta.url).pathname;
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/**
 * Runs the real `dsr` CLI in its own process, as ops would, against the stack whose endpoints
 * file is in `dataDir`; a non-zero exit is returned, not thrown.
 */
export async function runDsr(dataDir: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [DSR, ...args], { env: { ...process.env, DSR_DATA_DIR: dataDir } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}
