import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { DownloadSession, DownloadSessionStore } from '../../domain/export/download-session.js';
import { REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/** Sort key prefix of a request's download sessions, beside its `DOWNLOAD_CODE` item. */
export const DOWNLOAD_SESSION_SK_PREFIX = 'DOWNLOAD_SESSION#';

/** DynamoDB drops a session item a day after it ended; it opens nothing after `sessionExpiresAt` anyway. */
const ITEM_GRACE_SECONDS = 24 * 60 * 60;

const ItemSchema = z.object({ sessionExpiresAt: z.string() });

/**
 * DynamoDB adapter of {@link DownloadSessionStore}: one item per session under the request's
 * partition (pk `REQUEST#<id>`, sk `DOWNLOAD_SESSION#<token hash>`), so a token opens only the
 * download it was made for. Holds the hash, never the token.
 */
export class DynamoDbDownloadSessionStore implements DownloadSessionStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client);
  }

  private key(requestId: string, tokenHash: string): Record<string, string> {
    return { [PK]: requestPk(requestId), [SK]: `${DOWNLOAD_SESSION_SK_PREFIX}${tokenHash}` };
  }

  async start(requestId: string, session: DownloadSession): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...this.key(requestId, session.tokenHash),
          sessionExpiresAt: session.expiresAt,
          [TTL]: Math.floor(Date.parse(session.expiresAt) / 1000) + ITEM_GRACE_SECONDS,
        },
      }),
    );
  }

  async get(requestId: string, tokenHash: string): Promise<DownloadSession | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(requestId, tokenHash), ConsistentRead: true }),
    );
    if (!result.Item) return undefined;
    return { tokenHash, expiresAt: ItemSchema.parse(result.Item).sessionExpiresAt };
  }
}
