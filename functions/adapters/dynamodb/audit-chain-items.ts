import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EMPTY_HEAD, type AuditHead } from '../../domain/audit/audit-chain.js';
import { REQUESTS_TABLE_LAYOUT, REQUEST_SK, requestPk } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK } = REQUESTS_TABLE_LAYOUT;

/**
 * Attributes of the request item that hold its audit chain's head (the last entry's hash and
 * number). Every audit write changes them in the same transaction as the entry, on the condition
 * that they still hold what the writer read, so two writers can never both append after one entry.
 */
export const AUDIT_HEAD = { hash: 'auditHead', seq: 'auditSeq' } as const;

export interface StoredHead {
  readonly exists: boolean;
  readonly version?: number;
  readonly head: AuditHead;
  /** The case was written before chaining: its head attributes are absent. */
  readonly unchained: boolean;
}

/** Reads a request's version and chain head (consistently). */
export async function readAuditHead(doc: DynamoDBDocumentClient, tableName: string, requestId: string): Promise<StoredHead> {
  const result = await doc.send(
    new GetCommand({
      TableName: tableName,
      Key: { [PK]: requestPk(requestId), [SK]: REQUEST_SK },
      ConsistentRead: true,
      ProjectionExpression: '#version, #hash, #seq',
      ExpressionAttributeNames: { '#version': 'version', '#hash': AUDIT_HEAD.hash, '#seq': AUDIT_HEAD.seq },
    }),
  );
  return result.Item ? headOf(result.Item) : { exists: false, head: EMPTY_HEAD, unchained: true };
}

/** The version and chain head an existing request item holds. */
export function headOf(item: Readonly<Record<string, unknown>>): StoredHead {
  const hash = item[AUDIT_HEAD.hash];
  const seq = item[AUDIT_HEAD.seq];
  return typeof hash === 'string' && typeof seq === 'number'
    ? { exists: true, version: item.version as number, head: { hash, seq }, unchained: false }
    : { exists: true, version: item.version as number, head: EMPTY_HEAD, unchained: true };
}

/** The condition that the head is still the one read (absent for a case from before chaining). */
export function headStillCondition(stored: StoredHead): {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
} {
  return stored.unchained
    ? { expression: 'attribute_exists(#pk) AND attribute_not_exists(#headHash)', names: { '#pk': PK, '#headHash': AUDIT_HEAD.hash }, values: {} }
    : { expression: '#headHash = :readHead', names: { '#headHash': AUDIT_HEAD.hash }, values: { ':readHead': stored.head.hash } };
}

/** The update that moves the head, with its condition, for a transaction beside the entries' puts. */
export function moveHeadUpdate(tableName: string, requestId: string, stored: StoredHead, head: AuditHead) {
  const condition = headStillCondition(stored);
  return {
    Update: {
      TableName: tableName,
      Key: { [PK]: requestPk(requestId), [SK]: REQUEST_SK },
      UpdateExpression: 'SET #headHash = :newHead, #headSeq = :newSeq',
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: { ...condition.names, '#headHash': AUDIT_HEAD.hash, '#headSeq': AUDIT_HEAD.seq },
      ExpressionAttributeValues: { ...condition.values, ':newHead': head.hash, ':newSeq': head.seq },
    },
  };
}
