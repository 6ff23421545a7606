import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SuppressionEntry, SuppressionList } from '../../domain/marketing-stop/suppression-list.js';
import {
  ProcessingPurposeStateSchema,
  type ObjectablePurpose,
  type ProcessingPurposeState,
  type ProcessingPurposeStore,
} from '../../domain/processing-objection/processing-purpose-store.js';
import { customerPk } from './customer-data-tables-layout.js';
import { documentClient } from './dynamodb-customer-store.js';

/**
 * Keys of the two record kinds the marketing stop and the Art. 21(1) objection keep in the
 * customers table, beside the customer partitions:
 *
 * | record                   | pk                          | sk                    |
 * |--------------------------|-----------------------------|-----------------------|
 * | suppression entry        | `SUPPRESSION#<keyed hash>`  | `SUPPRESSION`         |
 * | processing purpose state | `CUSTOMER#<customerId>`     | `PURPOSE#<purpose>`   |
 *
 * A suppression entry holds no address: its key is an HMAC the table cannot reverse. It carries no
 * `emailLower`/`phoneE164`, so the lookup indexes never see it.
 */
export const SUPPRESSION_SK = 'SUPPRESSION';
export const suppressionPk = (key: string): string => `SUPPRESSION#${key}`;
export const purposeSk = (purpose: ObjectablePurpose): string => `PURPOSE#${purpose}`;

/** DynamoDB adapter of the {@link SuppressionList}: one item per keyed hash, written once. */
export class DynamoDbSuppressionList implements SuppressionList {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = documentClient(client);
  }

  async add(entry: SuppressionEntry): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: suppressionPk(entry.key), sk: SUPPRESSION_SK },
          UpdateExpression: 'SET #key = :key, #kind = :kind, addedAt = :addedAt, #source = :source',
          ConditionExpression: 'attribute_not_exists(pk)',
          ExpressionAttributeNames: { '#key': 'key', '#kind': 'kind', '#source': 'source' },
          ExpressionAttributeValues: { ':key': entry.key, ':kind': entry.kind, ':addedAt': entry.addedAt, ':source': entry.source },
        }),
      );
    } catch (error) {
      // Already suppressed: the first entry (and its date) stays.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: suppressionPk(key), sk: SUPPRESSION_SK }, ConsistentRead: true }),
    );
    return result.Item !== undefined;
  }
}

/** DynamoDB adapter of the {@link ProcessingPurposeStore}: one item per customer and purpose. */
export class DynamoDbProcessingPurposeStore implements ProcessingPurposeStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = documentClient(client);
  }

  async get(customerId: string, purpose: ObjectablePurpose): Promise<ProcessingPurposeState | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: customerPk(customerId), sk: purposeSk(purpose) }, ConsistentRead: true }),
    );
    return result.Item ? ProcessingPurposeStateSchema.parse(result.Item) : undefined;
  }

  async put(state: ProcessingPurposeState): Promise<void> {
    const record = ProcessingPurposeStateSchema.parse(state);
    // UpdateItem, the write the customer-data grants allow; REMOVE clears a ground no longer held.
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: customerPk(record.customerId), sk: purposeSk(record.purpose) },
        UpdateExpression:
          'SET customerId = :customerId, purpose = :purpose, #status = :status, changedAt = :changedAt, #source = :source' +
          (record.ground ? ', ground = :ground' : ' REMOVE ground'),
        ExpressionAttributeNames: { '#status': 'status', '#source': 'source' },
        ExpressionAttributeValues: {
          ':customerId': record.customerId,
          ':purpose': record.purpose,
          ':status': record.status,
          ':changedAt': record.changedAt,
          ':source': record.source,
          ...(record.ground ? { ':ground': record.ground } : {}),
        },
      }),
    );
  }
}
