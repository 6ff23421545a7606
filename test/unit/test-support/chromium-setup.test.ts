import { accessSync, constants } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveChromium } from '../../support/chromium-setup.js';

describe('the browser tier finds its Chromium', () => {
  it('uses the browser CHROMIUM_PATH names, with no flags of its own', async () => {
    const launch = await resolveChromium({ CHROMIUM_PATH: '/opt/other/chromium' });
    expect(launch).toEqual({ executablePath: '/opt/other/chromium', args: [], env: {} });
  });

  it('otherwise unpacks the Chromium npm installed and can run it', async () => {
    const launch = await resolveChromium({});
    expect(() => accessSync(launch.executablePath, constants.X_OK)).not.toThrow();
    expect(launch.env.FONTCONFIG_PATH).toMatch(/fonts$/);
  });

  it('keeps the same-origin policy and site isolation the CSRF and XSS tests rely on', async () => {
    const { args } = await resolveChromium({});
    for (const weakening of ['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']) {
      expect(args).not.toContain(weakening);
    }
    expect(args.length).toBeGreaterThan(0);
  });
});
