import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { RateLimit, RateLimiter } from '../../domain/abuse/rate-limiter.js';
import { REQUESTS_TABLE_LAYOUT } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/**
 * DynamoDB adapter of {@link RateLimiter}: in the requests table, one counter item per limit, key
 * and window (pk `RATE#<limit>#<sha256 of key>`, sk `WINDOW#<window number>`), incremented only
 * while below the limit (a conditional update, so parallel instances share one count), and
 * removed by TTL after its window.
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
    const hashed = createHash('sha256').update(key).digest('hex');
    for (const limit of limits) {
      const window = Math.floor(now.getTime() / 1000 / limit.windowSeconds);
      try {
        await this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { [PK]: `RATE#${limit.name}#${hashed}`, [SK]: `WINDOW#${window}` },
            UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
            ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL },
            ExpressionAttributeValues: { ':one': 1, ':max': limit.max, ':ttl': (window + 2) * limit.windowSeconds },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    }
    return true;
  }
}
