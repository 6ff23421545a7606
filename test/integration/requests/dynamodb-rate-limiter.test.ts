import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRateLimiter } from '../../../functions/adapters/dynamodb/dynamodb-rate-limiter.js';
import type { RateLimit } from '../../../functions/domain/abuse/rate-limiter.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';

const TABLE = 'it-rate-limiter';
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
/** DynamoDB calls made through `client`. */
let calls = 0;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  client.middlewareStack.add((next) => async (args) => ((calls += 1), next(args)), { step: 'initialize', name: 'countCalls' });
  await createRequestsTable(client, TABLE);
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const HOUR_AND_DAY: readonly RateLimit[] = [
  { name: 'it-hour', max: 2, windowSeconds: 3600 },
  { name: 'it-day', max: 3, windowSeconds: 86_400 },
];
const at = (iso: string): Date => new Date(iso);

/** Takes `times` events in a row; answers each outcome. */
async function takeMany(limiter: DynamoDbRateLimiter, key: string, limits: readonly RateLimit[], when: Date, times: number): Promise<boolean[]> {
  const outcomes: boolean[] = [];
  for (let index = 0; index < times; index += 1) outcomes.push(await limiter.take(key, limits, when));
  return outcomes;
}

describe('the DynamoDB rate limiter', () => {
  it('checks and counts an hour and a day limit in one write a take', async () => {
    const limiter = new DynamoDbRateLimiter(client, TABLE);
    const before = calls;
    expect(await takeMany(limiter, 'recipient:one@example.no', HOUR_AND_DAY, at('2026-12-07T10:05:00Z'), 3)).toEqual([true, true, false]);
    expect(calls - before).toBe(3);
  });

  it('holds each limit on its own window: a new hour opens the hour limit, the day limit still counts the day', async () => {
    const limiter = new DynamoDbRateLimiter(client, TABLE);
    const key = 'recipient:two@example.no';
    expect(await takeMany(limiter, key, HOUR_AND_DAY, at('2026-12-07T10:05:00Z'), 3)).toEqual([true, true, false]);
    // 11:00 is a new hour: one more fits the day's three, then the day refuses.
    expect(await takeMany(limiter, key, HOUR_AND_DAY, at('2026-12-07T11:00:00Z'), 2)).toEqual([true, false]);
    expect(await limiter.take(key, HOUR_AND_DAY, at('2026-12-07T23:59:59Z'))).toBe(false);
    // The next day both are open again.
    expect(await limiter.take(key, HOUR_AND_DAY, at('2026-12-08T00:00:00Z'))).toBe(true);
  });

  it('counts a refused event under no limit', async () => {
    const limiter = new DynamoDbRateLimiter(client, TABLE);
    const key = 'recipient:three@example.no';
    const limits: readonly RateLimit[] = [
      { name: 'it-ten-minutes', max: 1, windowSeconds: 600 },
      { name: 'it-day-of-two', max: 2, windowSeconds: 86_400 },
    ];
    // Refused by the ten-minute limit five times; had those counted under the day, the day would be full.
    expect(await takeMany(limiter, key, limits, at('2026-12-07T10:00:00Z'), 6)).toEqual([true, false, false, false, false, false]);
    expect(await limiter.take(key, limits, at('2026-12-07T10:10:00Z'))).toBe(true);
    expect(await limiter.take(key, limits, at('2026-12-07T10:20:00Z'))).toBe(false);
  });

  it('keeps separate keys apart', async () => {
    const limiter = new DynamoDbRateLimiter(client, TABLE);
    const when = at('2026-12-07T12:00:00Z');
    expect(await takeMany(limiter, 'recipient:four@example.no', HOUR_AND_DAY, when, 2)).toEqual([true, true]);
    expect(await limiter.take('recipient:five@example.no', HOUR_AND_DAY, when)).toBe(true);
    expect(await limiter.take('recipient:four@example.no', HOUR_AND_DAY, when)).toBe(false);
  });

  it('counts limits whose windows do not nest one item each, so no window is split across two items', async () => {
    const limiter = new DynamoDbRateLimiter(client, TABLE);
    const key = 'recipient:six@example.no';
    // 7 days is not a whole number of 10-day windows apart from the epoch, nor does 7 divide 10.
    const limits: readonly RateLimit[] = [
      { name: 'it-seven-days', max: 2, windowSeconds: 7 * 86_400 },
      { name: 'it-ten-days', max: 100, windowSeconds: 10 * 86_400 },
    ];
    const before = calls;
    expect(await takeMany(limiter, key, limits, at('2026-12-07T12:00:00Z'), 3)).toEqual([true, true, false]);
    expect(calls - before).toBe(2 + 2 + 1);
  });

  it('lets everything through when there are no limits, without a call', async () => {
    const limiter = new DynamoDbRateLimiter(client, TABLE);
    const before = calls;
    expect(await limiter.take('source:127.0.0.1', [], at('2026-12-07T12:00:00Z'))).toBe(true);
    expect(calls).toBe(before);
  });
});
