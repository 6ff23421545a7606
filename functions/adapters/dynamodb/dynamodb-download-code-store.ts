import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { DownloadCode, DownloadCodeStore } from '../../domain/export/download-code-store.js';
import { REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';
import { isConditionalCheckFailure } from './condition-failure.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/** Sort key of a request's download code, beside `REQUEST`, `VERIFICATION` and its `AUDIT#…` entries. */
export const DOWNLOAD_CODE_SK = 'DOWNLOAD_CODE';

/** DynamoDB's TTL removes the item this long after the code was sent; the code itself expires far sooner. */
const ITEM_DAYS = 30;

const ItemSchema = z.object({
  codeHash: z.string(),
  codeSalt: z.string(),
  codeExpiresAt: z.string(),
  attempts: z.number().check(z.int(), z.nonnegative()),
  sentAt: z.string(),
  sends: z.number().check(z.int(), z.nonnegative()),
});

/**
 * DynamoDB adapter of {@link DownloadCodeStore}: one item per request in the requests table
 * (pk `REQUEST#<id>`, sk `DOWNLOAD_CODE`) holding the code's hash and salt, never the code. The
 * code's expiry is `codeExpiresAt` because the table's TTL attribute (`expiresAt`, epoch seconds)
 * says when DynamoDB may drop the item. A wrong guess is counted with a conditional update on the
 * hash, so it never counts against a newer code that replaced the one guessed at.
 *
 * Lives beside the download page until the integrator moves it to `functions/adapters/dynamodb/`.
 */
export class DynamoDbDownloadCodeStore implements DownloadCodeStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  private key(requestId: string): Record<string, string> {
    return { [PK]: requestPk(requestId), [SK]: DOWNLOAD_CODE_SK };
  }

  async get(requestId: string): Promise<DownloadCode | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: this.key(requestId), ConsistentRead: true }));
    if (!result.Item) return undefined;
    const item = ItemSchema.parse(result.Item);
    return {
      hash: item.codeHash,
      salt: item.codeSalt,
      expiresAt: item.codeExpiresAt,
      attempts: item.attempts,
      sentAt: item.sentAt,
      sends: item.sends,
    };
  }

  async put(requestId: string, code: DownloadCode): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...this.key(requestId),
          codeHash: code.hash,
          codeSalt: code.salt,
          codeExpiresAt: code.expiresAt,
          attempts: code.attempts,
          sentAt: code.sentAt,
          sends: code.sends,
          [TTL]: Math.floor(Date.parse(code.sentAt) / 1000) + ITEM_DAYS * 24 * 60 * 60,
        },
      }),
    );
  }

  async recordFailedAttempt(requestId: string, hash: string): Promise<number> {
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(requestId),
          UpdateExpression: 'SET #attempts = #attempts + :one',
          ConditionExpression: '#hash = :hash',
          ExpressionAttributeNames: { '#attempts': 'attempts', '#hash': 'codeHash' },
          ExpressionAttributeValues: { ':one': 1, ':hash': hash },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.attempts ?? 0);
    } catch (error) {
      // A newer code replaced the one guessed at (or the item expired): the guess counts against nothing.
      if (isConditionalCheckFailure(error)) return 0;
      throw error;
    }
  }

  async delete(requestId: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(requestId) }));
  }
}
