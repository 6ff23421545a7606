import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));
/** A small tree in the layout's shape with one import that breaks each rule, and allowed ones beside them. */
const PROBE = fileURLToPath(new URL('./fixtures/layout-probe/', import.meta.url));

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** The rule names `.dependency-cruiser.cjs` declares. */
async function declaredRules(): Promise<string[]> {
  const text = await readFile(CONFIG, 'utf8');
  return [...text.matchAll(/\{ name: '([a-z-]+)', severity: 'error'/g)].map((match) => match[1]!);
}

describe('the import rules bite (.dependency-cruiser.cjs on a probe tree)', () => {
  let found: string[];
  beforeAll(async () => {
    const { stdout } = await run('npx', ['depcruise', 'functions', '--config', CONFIG, '--output-type', 'json'], {
      cwd: PROBE,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
    found = result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
  });

  it('reports exactly the probe imports that break a rule, and none of the allowed ones', () => {
    expect(found).toEqual(
      [
        'adapters-not-up: functions/adapters/probe/reaches-wiring.ts → functions/wiring/deps.ts',
        'domain-not-to-adapters: functions/domain/probe/reaches-adapter.ts → functions/adapters/probe/store.ts',
        'domain-not-to-handlers: functions/domain/probe/reaches-handler.ts → functions/workflow-steps/probe-step/handler.ts',
        // A function's pages are both its own (a handler's folder) and the web layer's.
        'domain-not-to-handlers: functions/domain/probe/reaches-web.ts → functions/http/probe-page/pages/page.ts',
        'domain-not-to-web: functions/domain/probe/reaches-web.ts → functions/http/probe-page/pages/page.ts',
        'domain-not-to-web: functions/domain/probe/reaches-web.ts → functions/web/page-shell.ts',
        'domain-not-to-wiring: functions/domain/probe/reaches-wiring.ts → functions/wiring/deps.ts',
        'letters-above-plan-and-recipients: functions/domain/plan/reaches-letters.ts → functions/domain/letters/letter.ts',
        'letters-above-plan-and-recipients: functions/domain/recipients/reaches-letters.ts → functions/domain/letters/letter.ts',
        'no-circular: functions/domain/probe/cycle-a.ts → functions/domain/probe/cycle-b.ts',
        'no-local-code-in-production: functions/http/probe-page/handler.ts → infra/local/seed.ts',
        'platform-imports-nothing-of-ours: functions/platform/reaches-domain.ts → functions/domain/probe/value.ts',
        'web-not-to-handlers: functions/web/reaches-handler.ts → functions/workflow-steps/probe-step/handler.ts',
      ].sort(),
    );
  });

  it('has a probe for every rule the config declares', async () => {
    const probed = new Set(found.map((violation) => violation.split(':')[0]));

    expect([...(await declaredRules())].sort()).toEqual([...probed].sort());
  });
});
