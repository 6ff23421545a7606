import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../domain/request/request-errors.js';
import {
  VerificationRecordSchema,
  type VerificationRecord,
  type VerificationRecordData,
} from '../../domain/verification/verification-record.js';
import type { VerificationStore } from '../../domain/verification/verification-store.js';
import { REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';
import { isConditionalCheckFailure } from './condition-failure.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/** Sort key of a request's verification record, beside `REQUEST` and its `AUDIT#…` entries. */
export const VERIFICATION_SK = 'VERIFICATION';

/**
 * The record is kept this long after its last code was sent, then DynamoDB's TTL removes it: the
 * request is closed as unverified after 14 days, and a verified one no longer needs it.
 */
export const VERIFICATION_RECORD_DAYS = 30;

/**
 * The code's own expiry is stored as `codeExpiresAt`, because the table's TTL attribute is named
 * `expiresAt` (epoch seconds) and holds when DynamoDB may delete the whole record.
 */
const toItem = (requestId: string, record: VerificationRecord): Record<string, unknown> => {
  const { expiresAt, ...rest } = record;
  const lastSent = record.sentAt.at(-1) ?? record.issuedAt;
  return {
    [PK]: requestPk(requestId),
    [SK]: VERIFICATION_SK,
    ...rest,
    codeExpiresAt: expiresAt,
    [TTL]: Math.floor(Date.parse(lastSent) / 1000) + VERIFICATION_RECORD_DAYS * 24 * 60 * 60,
  };
};

const fromItem = (item: Record<string, unknown>): VerificationRecord => {
  const { codeExpiresAt, [TTL]: _ttl, [PK]: _pk, [SK]: _sk, ...rest } = item;
  return VerificationRecordSchema.parse({ ...rest, expiresAt: codeExpiresAt });
};

/**
 * DynamoDB adapter of {@link VerificationStore}: one item per request in the requests table
 * (pk `REQUEST#<id>`, sk `VERIFICATION`), written with a condition on `version` so parallel tries
 * and resends serialise. The item holds code hashes and salts, never a code or an address.
 */
export class DynamoDbVerificationStore implements VerificationStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(requestId: string): Promise<VerificationRecord | undefined> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { [PK]: requestPk(requestId), [SK]: VERIFICATION_SK },
        ConsistentRead: true,
      }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async save(data: VerificationRecordData, expectedVersion: number | undefined): Promise<VerificationRecord> {
    const record = VerificationRecordSchema.parse({ ...data, version: expectedVersion === undefined ? 0 : expectedVersion + 1 });
    const condition: Pick<PutCommandInput, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': PK } }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          };
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: toItem(record.requestId, record), ...condition }));
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new ConcurrentChangeError(record.requestId);
      throw error;
    }
    return record;
  }
}
