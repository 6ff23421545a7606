import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { RateLimit, RateLimiter } from '../../domain/abuse/rate-limiter.js';
import { REQUESTS_TABLE_LAYOUT } from './requests-table-layout.js';
import { isConditionalCheckFailure } from './condition-failure.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/**
 * Limits counted on one item: every limit's window lies inside one window of the longest limit
 * (its length divides the longest's, and windows count from the same epoch), so one item per
 * key and longest window holds all the counts of that window and one write checks and counts
 * them all. Limits whose windows do not nest are counted one item each (see {@link DynamoDbRateLimiter}).
 */
const nestInLongest = (limits: readonly RateLimit[]): boolean => {
  const longest = Math.max(...limits.map((limit) => limit.windowSeconds));
  return limits.every((limit) => longest % limit.windowSeconds === 0);
};

/**
 * DynamoDB adapter of {@link RateLimiter}: counter items in the requests table, incremented only
 * while below their limits (a conditional update, so parallel instances share one count), and
 * removed by TTL after their window. Keys are hashed (no address or IP is stored).
 *
 * Several limits whose windows nest (an hour and a day) share one item per key and window of the
 * longest (pk `RATE#<sha256 of key>`, sk `WINDOW#<seconds>#<window number>`), with one count
 * attribute per limit and window (`<limit>#<window number>`): one UpdateItem checks and counts
 * them all (it was one a limit), and a refused event counts under none. A single limit, or limits
 * that do not nest, get an item each (pk `RATE#<limit>#<sha256>`, sk `WINDOW#<window number>`,
 * attribute `count`), counted in turn.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    // The same options as every adapter: document clients made from one shared client must agree.
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async take(key: string, limits: readonly RateLimit[], now: Date): Promise<boolean> {
    if (limits.length === 0) return true;
    const hashed = createHash('sha256').update(key).digest('hex');
    if (limits.length > 1 && nestInLongest(limits)) return this.count(`RATE#${hashed}`, limits, now);
    for (const limit of limits) {
      if (!(await this.count(`RATE#${limit.name}#${hashed}`, [limit], now))) return false;
    }
    return true;
  }

  /** Counts one event under every limit on the item of `pk` and the longest limit's window, if all are below their max. */
  private async count(pk: string, limits: readonly RateLimit[], now: Date): Promise<boolean> {
    const seconds = Math.floor(now.getTime() / 1000);
    const longest = Math.max(...limits.map((limit) => limit.windowSeconds));
    const window = Math.floor(seconds / longest);
    const names: Record<string, string> = { '#ttl': TTL };
    const values: Record<string, number> = { ':one': 1, ':ttl': (window + 2) * longest };
    const adds: string[] = [];
    const conditions: string[] = [];
    limits.forEach((limit, index) => {
      // One item per longest window: its own counter is `<name>#<its window>` (a bare `count` when it is the only limit).
      names[`#c${index}`] = limits.length === 1 ? 'count' : `${limit.name}#${Math.floor(seconds / limit.windowSeconds)}`;
      values[`:max${index}`] = limit.max;
      adds.push(`#c${index} :one`);
      conditions.push(`(attribute_not_exists(#c${index}) OR #c${index} < :max${index})`);
    });
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [PK]: pk, [SK]: limits.length === 1 ? `WINDOW#${window}` : `WINDOW#${longest}#${window}` },
          UpdateExpression: `ADD ${adds.join(', ')} SET #ttl = if_not_exists(#ttl, :ttl)`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return false;
      throw error;
    }
  }
}
