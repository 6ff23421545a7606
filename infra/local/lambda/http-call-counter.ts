import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** HTTP requests this thread started, by `host:port` (the emulators' endpoints). */
const counts = new Map<string, number>();
let counting = false;

/**
 * Counts every HTTP request this thread starts from now on, by `host:port`, through Node's
 * `http.client.request.start` diagnostics channel: the AWS SDK's calls to the local emulators
 * are counted without touching a function's clients (`fetch` does not pass there, so a bench's
 * own form posts are not counted). Idempotent.
 */
export function countHttpCalls(): void {
  if (counting) return;
  counting = true;
  subscribe('http.client.request.start', (message) => {
    const host = String((message as { request: ClientRequest }).request.getHeader('host') ?? 'unknown');
    counts.set(host, (counts.get(host) ?? 0) + 1);
  });
}

/** What {@link countHttpCalls} counted in this thread so far. */
export const httpCallCounts = (): Record<string, number> => Object.fromEntries(counts);

/** Adds counts by endpoint (from several threads) into one. */
export function addCallCounts(...parts: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const part of parts) for (const [host, count] of Object.entries(part)) sum[host] = (sum[host] ?? 0) + count;
  return sum;
}
