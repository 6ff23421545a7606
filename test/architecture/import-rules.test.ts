import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url);
const KNOWN = '.dependency-cruiser-known-violations.json';

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}
interface CruiseResult {
  readonly modules: readonly { readonly source: string; readonly dependencies: readonly { readonly resolved: string }[] }[];
  readonly summary: { readonly violations: readonly Violation[] };
}

/** dependency-cruiser over functions/ with the rules of `.dependency-cruiser.cjs`, every violation reported. */
async function cruiseFunctions(): Promise<CruiseResult> {
  const { stdout } = await run('npx', ['depcruise', 'functions', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as CruiseResult;
}

const key = (violation: Violation): string => `${violation.rule.name}: ${violation.from} → ${violation.to}`;

/**
 * The folder a file of functions/ belongs to, as a unit of the layout: a capability of the domain
 * (`domain/plan`), one entry point (`http/staff-api`), one adapter family (`adapters/dynamodb`), or,
 * for a file directly in a layer, the layer itself (`web`, `platform`, `wiring`, `http` for
 * `http/routes.ts`).
 */
const folderOf = (path: string): string | undefined => /^functions\/([^/]+(?:\/[^/]+(?=\/))?)\//.exec(path)?.[1];

/** Folder → the other folders its files import. */
function folderGraph(result: CruiseResult): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Strongly connected groups of two or more folders: folders that import each other, directly or round about. */
function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm: each strongly connected component is a set of folders in one cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (folder: string): void => {
    index.set(folder, counter);
    low.set(folder, counter++);
    stack.push(folder);
    for (const next of graph.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== folder);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const folder of graph.keys()) if (!index.has(folder)) visit(folder);
  return groups;
}

/** A cruise result with one module per `from → to` import, for checking the cycle finder itself. */
const cruiseOf = (...imports: readonly [string, string][]): CruiseResult => ({
  modules: imports.map(([source, resolved]) => ({ source, dependencies: [{ resolved }] })),
  summary: { violations: [] },
});

describe('import rules of functions/ (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let result: CruiseResult;
  let known: Set<string>;
  beforeAll(async () => {
    result = await cruiseFunctions();
    known = new Set((JSON.parse(await readFile(new URL(KNOWN, ROOT), 'utf8')) as Violation[]).map(key));
  });

  it('finds no file cycle and no upward import beyond the known list', () => {
    const found = result.summary.violations.map(key);

    expect(found.filter((violation) => !known.has(violation))).toEqual([]);
  });

  it('has no entry in the known list that was since mended (the list only shrinks)', () => {
    const found = new Set(result.summary.violations.map(key));

    expect([...known].filter((violation) => !found.has(violation))).toEqual([]);
  });

  it('has no folders of functions/ importing each other, directly or round about (issue 16: the last group, letters, plan and recipients, was broken up)', () => {
    const graph = folderGraph(result);

    expect(graph.get('domain/letters')).toContain('domain/plan');
    expect(folderCycles(graph)).toEqual([]);
  });

  it('finds a folder cycle through files in different folders, and none within one folder', () => {
    const cycle = cruiseOf(
      ['functions/domain/plan/build-plan.ts', 'functions/domain/letter-format/legal-citations.ts'],
      ['functions/domain/letter-format/legal-citations.ts', 'functions/domain/letters/letter.ts'],
      ['functions/domain/letters/letter.ts', 'functions/domain/plan/action-plan.ts'],
      ['functions/http/routes.ts', 'functions/http/staff-api/handler.ts'],
      ['functions/http/staff-api/handler.ts', 'functions/http/routes.ts'],
      ['functions/web/page-shell.ts', 'functions/web/responses.ts'],
      ['functions/web/responses.ts', 'functions/web/page-shell.ts'],
    );

    expect(folderCycles(folderGraph(cycle))).toEqual([
      ['domain/letter-format', 'domain/letters', 'domain/plan'],
      ['http', 'http/staff-api'],
    ]);
  });
});
