import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LetterOutbox, RecordedLetter } from '../../domain/mail/letter-outbox.js';
import type { OutgoingMail } from '../../domain/mail/mailer.js';
import { REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';
import { isConditionalCheckFailure } from './condition-failure.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/** Sort key of a recorded letter, beside its request's `REQUEST` item. */
export const letterSk = (letterId: string): string => `LETTER#${letterId}`;

/**
 * A sent letter's record (no content) is kept long enough to outlive any re-drive of its request
 * (a workflow waits at most about 95 days); a letter that was recorded but never sent keeps its
 * content until then too, and DynamoDB's TTL removes both.
 */
export const LETTER_RECORD_DAYS = 180;

const fromItem = (item: Record<string, unknown>): RecordedLetter => ({
  requestId: item.requestId as string,
  letterId: item.letterId as string,
  purpose: item.purpose as string,
  recordedAt: item.recordedAt as string,
  ...(item.mail ? { mail: item.mail as OutgoingMail } : {}),
  ...(item.sent ? { sent: item.sent as RecordedLetter['sent'] } : {}),
});

/**
 * DynamoDB adapter of {@link LetterOutbox}: one item per letter in the requests table (pk
 * `REQUEST#<id>`, sk `LETTER#<letter id>`), created only if absent, so the first recorded content
 * of a letter id is the only one that can ever be sent.
 */
export class DynamoDbLetterOutbox implements LetterOutbox {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(requestId: string, letterId: string): Promise<RecordedLetter | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: requestPk(requestId), [SK]: letterSk(letterId) }, ConsistentRead: true }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async record(mail: OutgoingMail, at: string): Promise<RecordedLetter> {
    const letter: RecordedLetter = { requestId: mail.requestId, letterId: mail.letterId, purpose: mail.purpose, recordedAt: at, mail };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            [PK]: requestPk(mail.requestId),
            [SK]: letterSk(mail.letterId),
            ...letter,
            [TTL]: Math.floor(Date.parse(at) / 1000) + LETTER_RECORD_DAYS * 24 * 60 * 60,
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      );
      return letter;
    } catch (error) {
      if (!(isConditionalCheckFailure(error))) throw error;
      const recorded = await this.get(mail.requestId, mail.letterId);
      if (!recorded) throw error;
      return recorded;
    }
  }

  async markSent(requestId: string, letterId: string, sent: { messageId: string; sentAt: string }): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { [PK]: requestPk(requestId), [SK]: letterSk(letterId) },
        UpdateExpression: 'SET #sent = :sent REMOVE #mail',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#sent': 'sent', '#mail': 'mail', '#pk': PK },
        ExpressionAttributeValues: { ':sent': sent },
      }),
    );
  }
}
