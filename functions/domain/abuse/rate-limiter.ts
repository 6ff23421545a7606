/** One limit: at most `max` events per fixed window of `windowSeconds`, counted per key. */
export interface RateLimit {
  /** Stable name, part of the counter's key (`form-recipient-hour`). */
  readonly name: string;
  readonly max: number;
  readonly windowSeconds: number;
}

/**
 * Counts events against limits, shared by every instance of a function (the DynamoDB adapter
 * keeps one counter item per key and window, removed by TTL). Keys are hashed before storing,
 * so no address or IP is kept.
 */
export interface RateLimiter {
  /** Counts one event for `key` under each limit; false when any limit was already reached. */
  take(key: string, limits: readonly RateLimit[], now: Date): Promise<boolean>;
}

/**
 * How much mail the public form can make the system send. A recipient gets at most a few
 * requests' worth of letters an hour, whoever asks, so a script cannot flood a mailbox through
 * us (one sent 1,404 mails to one address in a minute); a single source can submit a bounded
 * number of requests. AWS WAF's rate rule sits in front of this; these hold even behind it.
 */
export interface FormLimits {
  readonly perRecipient: readonly RateLimit[];
  readonly perSource: readonly RateLimit[];
}

export const DEFAULT_FORM_LIMITS: FormLimits = {
  perRecipient: [
    { name: 'form-recipient-hour', max: 5, windowSeconds: 3600 },
    { name: 'form-recipient-day', max: 20, windowSeconds: 86_400 },
  ],
  perSource: [
    { name: 'form-source-10min', max: 60, windowSeconds: 600 },
    { name: 'form-source-day', max: 500, windowSeconds: 86_400 },
  ],
};

/** Whether a form submission from `source` naming `recipient` may go ahead; counts it. */
export async function formSubmissionAllowed(
  limiter: RateLimiter,
  limits: FormLimits,
  { source, recipient }: { readonly source: string; readonly recipient: string },
  now: Date,
): Promise<boolean> {
  // The recipient first: a flood at one address is refused even from many sources.
  if (!(await limiter.take(`recipient:${recipient.trim().toLowerCase()}`, limits.perRecipient, now))) return false;
  return limiter.take(`source:${source}`, limits.perSource, now);
}
