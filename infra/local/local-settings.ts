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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The stack `npm start` is running from `dataDir`, if its process is still alive. */
export function readRunningStack(dataDir: string): RunningStack | undefined {
  const file = endpointsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const running = JSON.parse(readFileSync(file, 'utf8')) as RunningStack;
  return isAlive(running.pid) ? running : undefined;
}
