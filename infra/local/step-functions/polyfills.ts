/**
 * Runtime patches aws-local-stepfunctions needs on Node 20:
 *
 * - `Promise.withResolvers` (ES2024, Node 22+): the library calls it for every Task state.
 * - A long-timer guard: Node (and vitest's fake timers, which copy Node) fire a timer whose delay
 *   exceeds 2^31−1 ms after 1 ms, with a TimeoutOverflowWarning. The workflow's AwaitDecision
 *   state has `TimeoutSeconds: 8208000` (95 days), so without the guard every decision would
 *   "time out" at once.
 *
 * The guard is installed as an accessor on `globalThis.setTimeout`/`clearTimeout`: whatever
 * implementation is assigned later (vitest's `vi.useFakeTimers()` assigns its fakes) becomes the
 * underlying timer and is still wrapped, and restoring the previous implementation
 * (`vi.useRealTimers()`) works as before. So fake timers may be installed before or after it.
 */

/** Largest delay Node's timers honour; anything above fires after 1 ms. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** Length of each link of a chained long timer: 24 days, safely under {@link MAX_TIMER_DELAY_MS}. */
export const LONG_TIMER_STEP_MS = 24 * 24 * 60 * 60 * 1000;

type TimerCallback = (...args: unknown[]) => void;
type SetTimeoutLike = (callback: TimerCallback, delay?: number, ...args: unknown[]) => unknown;
type ClearTimeoutLike = (handle?: unknown) => void;
type TimerFunction = SetTimeoutLike | ClearTimeoutLike;

/** Installs every patch; idempotent, safe to call from each module that needs it. */
export function installPolyfills(): void {
  installPromiseWithResolvers();
  installLongTimerGuard();
}

/** Adds `Promise.withResolvers` where the runtime lacks it (per the ES2024 algorithm). */
export function installPromiseWithResolvers(): void {
  const ctor = Promise as unknown as { withResolvers?: unknown };
  if (typeof ctor.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function withResolvers<T>(this: PromiseConstructor | undefined) {
      const Ctor = typeof this === 'function' ? this : Promise;
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Ctor<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

/**
 * The handle returned for a delay above {@link MAX_TIMER_DELAY_MS}. It stands for a chain of
 * shorter timers; `clearTimeout` cancels whichever link is pending, and `ref`/`unref` carry over
 * to later links like on a Node `Timeout`.
 */
export class LongTimeout {
  #pending: unknown;
  #clear: ClearTimeoutLike | undefined;
  #refed = true;
  #cancelled = false;

  constructor(
    private readonly setUnderlying: SetTimeoutLike,
    private readonly currentClear: () => ClearTimeoutLike,
    callback: TimerCallback,
    delay: number,
    args: unknown[],
  ) {
    this.#schedule(delay, () => callback(...args));
  }

  #schedule(remaining: number, fire: () => void): void {
    const step = Math.min(remaining, LONG_TIMER_STEP_MS);
    this.#clear = this.currentClear();
    this.#pending = this.setUnderlying(() => {
      if (this.#cancelled) return;
      if (remaining - step > 0) this.#schedule(remaining - step, fire);
      else fire();
    }, step);
    if (!this.#refed) setRef(this.#pending, false);
  }

  /** Cancels the pending link; used by the guarded `clearTimeout`. */
  cancel(): void {
    this.#cancelled = true;
    this.#clear?.(this.#pending);
  }

  /** Keeps the process alive while the timer is pending (the default), like `Timeout.ref()`. */
  ref(): this {
    this.#refed = true;
    setRef(this.#pending, true);
    return this;
  }

  /** Lets the process exit while the timer is pending, like `Timeout.unref()`. */
  unref(): this {
    this.#refed = false;
    setRef(this.#pending, false);
    return this;
  }

  /** Like `Timeout.hasRef()`. */
  hasRef(): boolean {
    return this.#refed;
  }
}

function setRef(handle: unknown, refed: boolean): void {
  const timer = handle as { ref?: () => unknown; unref?: () => unknown } | null;
  if (refed) timer?.ref?.();
  else timer?.unref?.();
}

interface TimerSlot {
  current(): TimerFunction;
  restore(): void;
}

interface GuardState {
  setTimeout: TimerSlot;
  clearTimeout: TimerSlot;
}

const GUARD_KEY = Symbol.for('dsr.local-step-functions.long-timer-guard');
type GuardHost = typeof globalThis & { [GUARD_KEY]?: GuardState };

/** Whether {@link installLongTimerGuard} is in effect. */
export function isLongTimerGuardInstalled(): boolean {
  return (globalThis as GuardHost)[GUARD_KEY] !== undefined;
}

/**
 * Wraps the global `setTimeout`/`clearTimeout` so delays above {@link MAX_TIMER_DELAY_MS} are
 * chained in {@link LONG_TIMER_STEP_MS} steps instead of firing at once. Idempotent.
 */
export function installLongTimerGuard(): void {
  const host = globalThis as GuardHost;
  if (host[GUARD_KEY]) return;
  const clearSlot = installSlot('clearTimeout', (underlying) => {
    const clear = underlying as ClearTimeoutLike;
    return (handle?: unknown) => (handle instanceof LongTimeout ? handle.cancel() : clear(handle));
  });
  const setSlot = installSlot('setTimeout', (underlying) => {
    const set = underlying as SetTimeoutLike;
    return (callback: TimerCallback, delay?: number, ...args: unknown[]) => {
      const ms = Number(delay);
      if (typeof callback !== 'function' || !Number.isFinite(ms) || ms <= MAX_TIMER_DELAY_MS) {
        return set(callback, delay, ...args);
      }
      return new LongTimeout(set, () => clearSlot.current() as ClearTimeoutLike, callback, ms, args);
    };
  });
  host[GUARD_KEY] = { setTimeout: setSlot, clearTimeout: clearSlot };
}

/** Puts the original global timer properties back (with whatever implementation is current). */
export function uninstallLongTimerGuard(): void {
  const host = globalThis as GuardHost;
  const state = host[GUARD_KEY];
  if (!state) return;
  state.setTimeout.restore();
  state.clearTimeout.restore();
  delete host[GUARD_KEY];
}

/**
 * Replaces `globalThis[name]` with an accessor: reads return a wrapper around the current
 * implementation, writes replace the implementation. One wrapper is cached per implementation and
 * writing a wrapper back unwraps it, so save-and-restore code (fake-timer libraries) round-trips.
 * Own properties of the implementation (util.promisify.custom, a fake clock's markers) are copied
 * onto its wrapper so feature detection keeps working.
 */
function installSlot(name: 'setTimeout' | 'clearTimeout', wrap: (underlying: TimerFunction) => TimerFunction): TimerSlot {
  const host = globalThis as unknown as Record<string, unknown>;
  const original = Object.getOwnPropertyDescriptor(host, name);
  let underlying = host[name];
  const wrappers = new WeakMap<object, TimerFunction>();
  const unwrapped = new WeakMap<object, unknown>();
  const wrapperFor = (implementation: unknown): unknown => {
    if (typeof implementation !== 'function') return implementation;
    let wrapper = wrappers.get(implementation);
    if (!wrapper) {
      wrapper = wrap(implementation as TimerFunction);
      const descriptors = Object.getOwnPropertyDescriptors(implementation) as Record<PropertyKey, PropertyDescriptor>;
      for (const key of Reflect.ownKeys(descriptors)) {
        if (key === 'length' || key === 'name' || key === 'prototype') continue;
        Object.defineProperty(wrapper, key, descriptors[key as string] as PropertyDescriptor);
      }
      wrappers.set(implementation, wrapper);
      unwrapped.set(wrapper, implementation);
    }
    return wrapper;
  };
  Object.defineProperty(host, name, {
    configurable: true,
    enumerable: original?.enumerable ?? true,
    get: () => wrapperFor(underlying),
    set: (value: unknown) => {
      underlying = typeof value === 'function' ? (unwrapped.get(value) ?? value) : value;
    },
  });
  return {
    current: () => underlying as TimerFunction,
    restore: () => {
      Object.defineProperty(host, name, {
        configurable: true,
        enumerable: original?.enumerable ?? true,
        writable: true,
        value: underlying,
      });
    },
  };
}
