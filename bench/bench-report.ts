import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';

/** The machine a bench ran on: figures mean little without it. */
export interface BenchMachine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the bench started: above the core count, figures are contended. */
  readonly loadAverageAtStart: number;
  readonly startedAt: string;
}

export function benchMachine(): BenchMachine {
  const processors = cpus();
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: Number(loadavg()[0]!.toFixed(2)),
    startedAt: new Date().toISOString(),
  };
}

/**
 * The file `--json FILE` (or `--json=FILE`) names, resolved against the working directory.
 *
 * @throws {Error} when `--json` is given without a file name
 */
export function jsonReportPath(args: readonly string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith('--json=')) return resolve(arg.slice('--json='.length));
    if (arg === '--json') {
      const file = args[index + 1];
      if (!file || file.startsWith('--')) throw new Error('--json needs a file name: npm run bench -- --json bench.json');
      return resolve(file);
    }
  }
  return undefined;
}

/** Writes every figure of the run as one JSON document. */
export function writeJsonReport(path: string, report: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
