import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SessionRevocations } from '../../domain/staff-auth/session-revocations.js';
import { REQUESTS_TABLE_LAYOUT } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/**
 * DynamoDB adapter of {@link SessionRevocations}: one item per ended session in the requests
 * table (pk `REVOKED#<token hash>`, sk `REVOKED`), removed by TTL once the token has expired anyway.
 */
export class DynamoDbSessionRevocations implements SessionRevocations {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async revoke(tokenHash: string, until: Date): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { [PK]: `REVOKED#${tokenHash}`, [SK]: 'REVOKED', until: until.toISOString(), [TTL]: Math.ceil(until.getTime() / 1000) },
      }),
    );
  }

  async isRevoked(tokenHash: string): Promise<boolean> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: `REVOKED#${tokenHash}`, [SK]: 'REVOKED' }, ConsistentRead: true }),
    );
    // TTL deletion lags; an expired item no longer matters because the token itself has expired.
    return result.Item !== undefined;
  }
}
