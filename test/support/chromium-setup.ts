import bundledChromium from '@sparticuz/chromium';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';

/**
 * Which Chromium the browser tests launch, resolved once per run so that parallel test files
 * never race to unpack the bundled browser into the same temporary folder.
 */
export interface ChromiumLaunch {
  readonly executablePath: string;
  /** Extra flags the browser needs on this machine. */
  readonly args: readonly string[];
  /** Environment the browser process needs (fonts for the bundled build). */
  readonly env: Readonly<Record<string, string>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumLaunch;
  }
}

/**
 * Flags of @sparticuz/chromium's serverless list that would make the browser tests weaker than a
 * person's browser: they switch off the same-origin policy, mixed-content blocking and site
 * isolation, which our CSRF and XSS checks rely on, or run everything in one process, which is
 * fragile with several pages open.
 */
const FLAGS_WE_REFUSE = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
  '--no-zygote',
]);

/** `CHROMIUM_PATH` picks another browser; otherwise the one npm installed with @sparticuz/chromium. */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) return { executablePath: chosen, args: [], env: {} };
  const executablePath = await bundledChromium.executablePath();
  return {
    executablePath,
    args: bundledChromium.args.filter((flag) => !FLAGS_WE_REFUSE.has(flag.split('=')[0] ?? flag)),
    // The bundled fonts (unpacked beside the binary) so pages render the same on a machine with none.
    env: { FONTCONFIG_PATH: join(tmpdir(), 'fonts') },
  };
}

/** Vitest global setup: unpack (or locate) the browser once, before any test file runs. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromium', await resolveChromium());
}
