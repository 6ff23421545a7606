import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  installLongTimerGuard,
  installPolyfills,
  isLongTimerGuardInstalled,
  LONG_TIMER_STEP_MS,
  LongTimeout,
  MAX_TIMER_DELAY_MS,
  uninstallLongTimerGuard,
} from '../../infra/local/step-functions/polyfills.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NINETY_FIVE_DAYS_MS = 95 * DAY_MS;

installPolyfills();

afterEach(() => {
  vi.useRealTimers();
  installLongTimerGuard();
});

describe('Promise.withResolvers polyfill', () => {
  it('provides resolve/reject for a fresh promise', async () => {
    const host = Promise as unknown as { withResolvers<T>(): PromiseWithResolversShape<T> };
    const ok = host.withResolvers<number>();
    ok.resolve(42);
    await expect(ok.promise).resolves.toBe(42);
    const bad = host.withResolvers<number>();
    bad.reject(new Error('no'));
    await expect(bad.promise).rejects.toThrow('no');
  });
});

interface PromiseWithResolversShape<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

describe('long-timer guard', () => {
  it('keeps a delay above 2^31-1 ms from firing at once on real timers, without an overflow warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const callback = vi.fn();
    const handle = setTimeout(callback, MAX_TIMER_DELAY_MS + 1);
    // Unguarded, Node would fire this after 1 ms; wait well past that on a real short timer.
    await new Promise((resolve) => setTimeout(resolve, 25));
    clearTimeout(handle);
    process.off('warning', onWarning);

    expect(handle).toBeInstanceOf(LongTimeout);
    expect(callback).not.toHaveBeenCalled();
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });

  it('fires exactly at the long delay with its arguments when fake timers are installed after it', () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    setTimeout(callback, NINETY_FIVE_DAYS_MS, 'a', 2);

    vi.advanceTimersByTime(NINETY_FIVE_DAYS_MS - 1);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledOnce();
    expect(callback).toHaveBeenCalledWith('a', 2);
  });

  it('is cancelled by clearTimeout in the middle of the chain', () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    const handle = setTimeout(callback, NINETY_FIVE_DAYS_MS);
    vi.advanceTimersByTime(LONG_TIMER_STEP_MS + DAY_MS); // past the first link
    clearTimeout(handle);
    vi.advanceTimersByTime(NINETY_FIVE_DAYS_MS);
    expect(callback).not.toHaveBeenCalled();
  });

  it('leaves short timers to the underlying implementation', () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    const handle = setTimeout(callback, 10);
    expect(handle).not.toBeInstanceOf(LongTimeout);
    vi.advanceTimersByTime(10);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('also works when fake timers were installed before it, and restores real timers after', async () => {
    uninstallLongTimerGuard();
    vi.useFakeTimers();
    installLongTimerGuard();
    expect(isLongTimerGuardInstalled()).toBe(true);
    const callback = vi.fn();
    setTimeout(callback, NINETY_FIVE_DAYS_MS);
    vi.advanceTimersByTime(NINETY_FIVE_DAYS_MS - 1);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledOnce();

    vi.useRealTimers();
    // Real timers are back (a short real timer fires) and carry no fake-clock markers.
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect((setTimeout as unknown as { clock?: unknown }).clock).toBeUndefined();
    expect(setTimeout(() => undefined, MAX_TIMER_DELAY_MS + 1)).toBeInstanceOf(LongTimeout);
  });

  it('does not leave fake-clock markers on the global after useRealTimers', () => {
    vi.useFakeTimers();
    expect((setTimeout as unknown as { clock?: unknown }).clock).toBeDefined();
    vi.useRealTimers();
    expect((setTimeout as unknown as { clock?: unknown }).clock).toBeUndefined();
    expect(typeof setTimeout).toBe('function');
  });

  it('supports unref/ref/hasRef like a Node Timeout', () => {
    const handle = setTimeout(() => undefined, MAX_TIMER_DELAY_MS + 1) as unknown as LongTimeout;
    expect(handle.hasRef()).toBe(true);
    expect(handle.unref().hasRef()).toBe(false);
    expect(handle.ref().hasRef()).toBe(true);
    clearTimeout(handle as unknown as NodeJS.Timeout);
  });

  it('uninstalls back to a plain global property', () => {
    uninstallLongTimerGuard();
    expect(isLongTimerGuardInstalled()).toBe(false);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'setTimeout')).toMatchObject({ writable: true });
  });
});
