import { ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PostalLetter, PostalLetterStore } from '../../domain/post/postal-letter.js';
import { REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK } = REQUESTS_TABLE_LAYOUT;

/** Sort key of a letter to be posted, beside its request's `REQUEST` item. */
export const postalLetterSk = (letterId: string): string => `POST#${letterId}`;
/**
 * The partition listing every letter not yet posted (one small item each, removed when posted),
 * so the console and the deadline watch read that list by key instead of scanning the table.
 */
export const TO_POST_PARTITION = 'TO_POST';
const toPostSk = (requestId: string, letterId: string): string => `${requestId}#${letterId}`;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  error instanceof TransactionCanceledException ||
  ['ConditionalCheckFailedException', 'TransactionCanceledException'].includes((error as Error).name);

const fromItem = (item: Record<string, unknown>): PostalLetter => ({
  requestId: item.requestId as string,
  letterId: item.letterId as string,
  purpose: item.purpose as string,
  recordedAt: item.recordedAt as string,
  subject: item.subject as string,
  text: item.text as string,
  postal: item.postal as PostalLetter['postal'],
  ...(item.pdfKey ? { pdfKey: item.pdfKey as string } : {}),
  ...(item.posted ? { posted: item.posted as PostalLetter['posted'] } : {}),
});

/**
 * DynamoDB adapter of {@link PostalLetterStore}: the letter beside its request (pk `REQUEST#<id>`,
 * sk `POST#<letter id>`) and, while not posted, an entry in the `TO_POST` partition; both written
 * in one transaction, only if absent.
 */
export class DynamoDbPostalLetterStore implements PostalLetterStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async record(letter: PostalLetter): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { [PK]: requestPk(letter.requestId), [SK]: postalLetterSk(letter.letterId), ...letter },
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': PK },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { [PK]: TO_POST_PARTITION, [SK]: toPostSk(letter.requestId, letter.letterId), requestId: letter.requestId, letterId: letter.letterId },
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': PK },
              },
            },
          ],
        }),
      );
    } catch (error) {
      // Recorded by an earlier try: the first content stays (the letter id decides).
      if (!isConditionFailure(error) || !(await this.get(letter.requestId, letter.letterId))) throw error;
    }
  }

  async get(requestId: string, letterId: string): Promise<PostalLetter | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: requestPk(requestId), [SK]: postalLetterSk(letterId) }, ConsistentRead: true }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async listForRequest(requestId: string): Promise<PostalLetter[]> {
    const items = await this.queryAll({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
      ExpressionAttributeValues: { ':pk': requestPk(requestId), ':prefix': 'POST#' },
    });
    return items.map(fromItem);
  }

  async listUnposted(): Promise<PostalLetter[]> {
    const entries = await this.queryAll({
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': PK },
      ExpressionAttributeValues: { ':pk': TO_POST_PARTITION },
    });
    const letters = await Promise.all(entries.map((entry) => this.get(entry.requestId as string, entry.letterId as string)));
    return letters
      .filter((letter): letter is PostalLetter => letter !== undefined && !letter.posted)
      .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  }

  async setPdfKey(requestId: string, letterId: string, pdfKey: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { [PK]: requestPk(requestId), [SK]: postalLetterSk(letterId) },
        UpdateExpression: 'SET #pdfKey = :pdfKey',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pdfKey': 'pdfKey', '#pk': PK },
        ExpressionAttributeValues: { ':pdfKey': pdfKey },
      }),
    );
  }

  async markPosted(requestId: string, letterId: string, posted: { by: string; at: string }): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { [PK]: requestPk(requestId), [SK]: postalLetterSk(letterId) },
                UpdateExpression: 'SET #posted = :posted',
                ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#posted) AND attribute_exists(#pdfKey)',
                ExpressionAttributeNames: { '#posted': 'posted', '#pk': PK, '#pdfKey': 'pdfKey' },
                ExpressionAttributeValues: { ':posted': posted },
              },
            },
            { Delete: { TableName: this.tableName, Key: { [PK]: TO_POST_PARTITION, [SK]: toPostSk(requestId, letterId) } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
