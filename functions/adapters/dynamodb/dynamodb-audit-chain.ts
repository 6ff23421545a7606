import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { EMPTY_HEAD, chainFrom, type AuditHead, type ChainedAuditEntry } from '../../domain/audit/audit-chain.js';
import { AuditEntrySchema } from '../../domain/request/rights-request.js';
import { moveHeadUpdate, readAuditHead } from './audit-chain-items.js';
import { AUDIT_SK_PREFIX, REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK } = REQUESTS_TABLE_LAYOUT;

/** A case's audit items as stored, with their sort keys, oldest first by sort key. */
interface StoredLink extends ChainedAuditEntry {
  readonly sk: string;
}

/**
 * Reads a case's audit chain as stored (for `dsr audit --verify/--export`) and chains the entries
 * of cases written before chaining existed (`dsr audit-chain-backfill`).
 */
export class DynamoDbAuditChain {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** The entries with their links, and the head recorded on the case (undefined: no case, or none recorded). */
  async read(requestId: string): Promise<{ exists: boolean; head?: AuditHead; links: StoredLink[] }> {
    const stored = await readAuditHead(this.doc, this.tableName, requestId);
    const links: StoredLink[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
        ExpressionAttributeValues: { ':pk': requestPk(requestId), ':prefix': AUDIT_SK_PREFIX },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        links.push({
          sk: String(item[SK]),
          entry: AuditEntrySchema.parse(item),
          seq: typeof item.chainSeq === 'number' ? item.chainSeq : undefined,
          prevHash: typeof item.prevHash === 'string' ? item.prevHash : undefined,
          hash: typeof item.hash === 'string' ? item.hash : undefined,
        });
      }
    }
    return { exists: stored.exists, head: stored.unchained ? undefined : stored.head, links };
  }

  /**
   * Chains a case whose trail has entries without a link: the unchained ones first (in the order
   * they were written), then those already chained (in chain order), all linked afresh from the
   * start, and the new head recorded on condition that nobody appended meanwhile (then it is
   * tried again). Answers how many entries were (re)linked; 0 when the chain was whole.
   */
  async backfill(requestId: string): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = await readAuditHead(this.doc, this.tableName, requestId);
      if (!stored.exists) return 0;
      const { links } = await this.read(requestId);
      if (links.length === 0 || links.every((link) => link.seq !== undefined)) return 0;
      const ordered = [
        ...links.filter((link) => link.seq === undefined),
        ...links.filter((link) => link.seq !== undefined).sort((a, b) => a.seq! - b.seq!),
      ];
      const { links: chained, head } = chainFrom(EMPTY_HEAD, ordered.map((link) => link.entry));
      // Entries are relinked one by one; the head moves last, conditionally, so a writer that
      // appended meanwhile (chained after the old head) makes this try again from the start.
      for (const [index, link] of chained.entries()) {
        await this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { [PK]: requestPk(requestId), [SK]: ordered[index]!.sk },
            UpdateExpression: 'SET chainSeq = :seq, prevHash = :prev, #hash = :hash',
            ExpressionAttributeNames: { '#hash': 'hash' },
            ExpressionAttributeValues: { ':seq': link.seq, ':prev': link.prevHash, ':hash': link.hash },
          }),
        );
      }
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: [moveHeadUpdate(this.tableName, requestId, stored, head)] }));
        return chained.length;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  }
}

