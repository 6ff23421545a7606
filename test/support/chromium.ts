import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { inject } from 'vitest';

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh profile and no background network traffic. The browser
 * is the one `npm install` brought (@sparticuz/chromium) unless `CHROMIUM_PATH` names another;
 * `chromium-setup.ts` resolved it once for the whole run.
 */
export async function launchChromium(): Promise<Browser> {
  const launch = inject('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'dsr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    headless: true,
    env: { ...process.env, ...launch.env },
    // A Norwegian reader's browser: the form then opens in bokmål, as for most customers.
    locale: 'nb-NO',
    args: [
      ...launch.args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
