import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_SECONDS, FUNCTION_TIMEOUT_SECONDS } from '../../../infra/function-timeouts.js';
import { localContext } from '../../../infra/local/lambda/local-functions.js';

describe('the local context of a function', () => {
  // Time stands still, so the remaining time is exact rather than "about".
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives carry-out its deployed five minutes, not a local 30 s', () => {
    expect(FUNCTION_TIMEOUT_SECONDS['carry-out']).toBe(300);
    expect(localContext('carry-out').getRemainingTimeInMillis()).toBe(300_000);
  });

  it('starts every folder of the table at its deployed timeout, and the others at the default', () => {
    for (const [folder, seconds] of Object.entries(FUNCTION_TIMEOUT_SECONDS)) {
      expect(localContext(folder).getRemainingTimeInMillis(), folder).toBe(seconds * 1000);
    }
    expect(localContext('send-reply').getRemainingTimeInMillis()).toBe(DEFAULT_TIMEOUT_SECONDS * 1000);
  });

  it('counts down from the timeout as the invocation runs, and stops at zero', () => {
    const context = localContext('gather-billing');
    vi.advanceTimersByTime(60_000);
    expect(context.getRemainingTimeInMillis()).toBe(240_000);
    vi.advanceTimersByTime(600_000);
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });
});
