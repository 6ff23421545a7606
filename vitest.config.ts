import { defineConfig } from 'vitest/config';

// One runner for every tier. Integration and browser tests start their own local stack
// (DynamoDB Local is a JVM), so they get generous hook and test time-outs; these are guards
// against a hung emulator, not performance assertions.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // The browser tier's Chromium comes from npm (@sparticuz/chromium), unpacked once per run.
    // Stacks under test log at debug level into a capture that must hold no personal data.
    globalSetup: ['test/support/chromium-setup.ts', 'test/support/log-privacy-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
