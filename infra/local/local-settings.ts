import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The git-ignored folder local mode keeps its data in, at the repository root. */
export const DEFAULT_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.local-data');

/** Written by `npm start` so the `dsr` CLI (another process) finds the running stack. */
export const endpointsFile = (dataDir: string): string => join(dataDir, 'endpoints.json');

export function writeEndpoints(dataDir: string, environment: Readonly<Record<string, string>>, urls: object): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(endpointsFile(dataDir), JSON.stringify({ pid: process.pid, environment, urls }, null, 2));
}

export function removeEndpoints(dataDir: string): void {
  rmSync(endpointsFile(dataDir), { force: true });
}

export interface RunningStack {
  readonly pid: number;
  readonly environment: Record<string, string>;
  readonly urls: Record<string, string>;
}

/**
 * Whether the process is still running. A process killed outright stays a zombie until its
 * parent (or init, for an orphan) collects it, and signal 0 still reaches a zombie; on Linux its
 * state in /proc says so, so a stack killed a moment ago does not block the next start.
 */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
};

const isZombie = (pid: number): boolean => {
  try {
    // `pid (comm) S …`: the state follows the last `)`, as comm may itself contain one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc (macOS): signal 0 is the best answer there
  }
};

/** The stack `npm start` is running from `dataDir`, if its process is still alive. */
export function readRunningStack(dataDir: string): RunningStack | undefined {
  const file = endpointsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const running = JSON.parse(readFileSync(file, 'utf8')) as RunningStack;
  return isAlive(running.pid) ? running : undefined;
}
