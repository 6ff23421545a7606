import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
/** axe-core's browser build, evaluated in the page (through the DevTools protocol, so the console's CSP still applies to the page itself). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The demo staff of local mode (`infra/local/console-users.json`; passwords in the README). */
export const CONSOLE_USERS = {
  kari: { username: 'kari.saksbehandler', password: 'naerkontor-1' },
  per: { username: 'per.saksbehandler', password: 'naerkontor-2' },
  officer: { username: 'personvernombud', password: 'naerkontor-3' },
  noGroup: { username: 'uten.tilgang', password: 'naerkontor-4' },
} as const;

/** What the focused element is, as a short description for matching and for failure messages. */
const focusedDescription = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return `${element.tagName.toLowerCase()}|${element.getAttribute('name') ?? ''}|${(element.textContent ?? '').trim()}|${label.trim()}`;
  });

/**
 * Presses Tab until the focused element matches, as a keyboard-only user moves through a page;
 * fails if it is never reached (an element a keyboard cannot get to).
 */
export async function tabTo(page: Page, matches: (description: string) => boolean, maxPresses = 150): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedDescription(page))) return;
  }
  throw new Error('the element was never reached with the Tab key');
}

/** Signs in on the local sign-in page using only the keyboard. */
export async function signInWithKeyboard(page: Page, appUrl: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${appUrl}/console/sign-in`);
  await tabTo(page, (d) => d.startsWith('input|username|'));
  await page.keyboard.type(user.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/console$/);
}

/** Signs out with the menu's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/console\/sign-in$/);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** Runs axe-core on the page as it is now; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Asserts axe-core finds no serious or critical violation on the page. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
