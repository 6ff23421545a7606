import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_CAPTURE_DIR_VARIABLE } from './log-capture.js';

/** A personal value found in a captured log line. */
export interface LeakedValue {
  readonly file: string;
  readonly line: number;
  /** The kind of value, never the value itself: the report must not repeat the leak. */
  readonly kind: 'name' | 'e-mail address' | 'phone number' | 'address';
}

/**
 * Vitest global setup: every test process that starts a local stack logs at debug level into one
 * folder (`log-capture.ts`); after the whole run, no log line may hold any name, e-mail address,
 * phone number or street address the stacks' stores held. A run that captured no log lines at
 * all fails too, so the check cannot pass by looking at nothing.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-log-capture-'));
  process.env[LOG_CAPTURE_DIR_VARIABLE] = dir;
  return () => {
    try {
      const { logLines, personalValues, leaks } = scanCapturedLogs(dir);
      if (personalValues === 0) return; // no tier with a local stack ran (e.g. only unit tests)
      if (logLines === 0) {
        process.exitCode = 1;
        throw new Error('log capture: the local stacks wrote no log line at debug level; the privacy check saw nothing');
      }
      if (leaks.length > 0) {
        // Vitest reports a teardown error but keeps its exit code: set ours so the run fails.
        process.exitCode = 1;
        throw new Error(
          `personal data in ${leaks.length} log line(s): ${leaks.slice(0, 10).map((leak) => `${leak.file}:${leak.line} (${leak.kind})`).join(', ')}`,
        );
      }
      process.stdout.write(`log privacy: ${logLines} log lines checked against ${personalValues} stored personal values, none found\n`);
    } finally {
      if (!process.env.DSR_KEEP_LOG_CAPTURE) rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Looks for every recorded personal value in every captured log line (case-insensitive). */
export function scanCapturedLogs(dir: string): { logLines: number; personalValues: number; leaks: LeakedValue[] } {
  const files = readdirSync(dir);
  const values = new Set<string>();
  for (const file of files.filter((name) => name.startsWith('personal-data-'))) {
    for (const value of JSON.parse(readFileSync(join(dir, file), 'utf8')) as string[]) values.add(value.toLowerCase());
  }
  const needles = [...values];
  const leaks: LeakedValue[] = [];
  let logLines = 0;
  for (const file of files.filter((name) => name.startsWith('logs-'))) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      logLines++;
      const lower = line.toLowerCase();
      const found = needles.find((needle) => lower.includes(needle));
      if (found !== undefined) leaks.push({ file, line: index + 1, kind: kindOf(found) });
    });
  }
  return { logLines, personalValues: values.size, leaks };
}

function kindOf(value: string): LeakedValue['kind'] {
  if (value.includes('@')) return 'e-mail address';
  if (/^\+?[\d\s]{8,}$/.test(value)) return 'phone number';
  if (/\d/.test(value)) return 'address';
  return 'name';
}
