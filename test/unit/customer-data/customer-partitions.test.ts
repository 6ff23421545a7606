import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { customerPk, eventSk } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { CustomerPartitions } from '../../../functions/adapters/dynamodb/dynamodb-customer-store.js';

type Request = Record<string, unknown>;

/** A document client that answers queries with `keys` and leaves the first batch's last `unprocessed` requests unprocessed. */
function stubClient(keys: Request[], unprocessed: number) {
  const batches: number[] = [];
  let leftOver = unprocessed;
  const send = async (command: unknown) => {
    if (command instanceof QueryCommand) return { Items: keys };
    if (command instanceof BatchWriteCommand) {
      const requests = Object.values(command.input.RequestItems ?? {})[0] as Request[];
      batches.push(requests.length);
      if (leftOver === 0) return {};
      const left = requests.slice(requests.length - leftOver);
      leftOver = 0;
      return { UnprocessedItems: { events: left } };
    }
    throw new Error('unexpected command');
  };
  return { doc: { send } as unknown as DynamoDBDocumentClient, batches };
}

describe('CustomerPartitions.deleteWhere', () => {
  it('deletes in BatchWriteItem requests of at most 25 and retries what DynamoDB left unprocessed', async () => {
    const keys = Array.from({ length: 60 }, (_, index) => ({
      pk: customerPk('c-1'),
      sk: eventSk(new Date(Date.UTC(2024, 0, 1, 8) + index * 60_000).toISOString(), `e-${index}`),
    }));
    const { doc, batches } = stubClient(keys, 5);

    const deleted = await new CustomerPartitions(doc, 'events').deleteWhere('c-1', 'EVENT#', [], () => true);

    expect(deleted).toBe(60);
    expect([...batches].sort((a, b) => b - a)).toEqual([25, 25, 10, 5]);
  });

  it('gives up with an error naming the table, not the items, when requests stay unprocessed', async () => {
    const send = async (command: unknown) => {
      if (command instanceof QueryCommand) return { Items: [{ pk: customerPk('c-1'), sk: 'EVENT#x' }] };
      const requests = Object.values((command as BatchWriteCommand).input.RequestItems ?? {})[0];
      return { UnprocessedItems: { events: requests } };
    };
    const partitions = new CustomerPartitions({ send } as unknown as DynamoDBDocumentClient, 'events', { maxAttempts: 4, baseDelayMs: 0 });

    await expect(partitions.deleteWhere('c-1', 'EVENT#', [], () => true)).rejects.toThrow(/^BatchWriteItem on events left 1 requests unprocessed after 4 attempts$/);
  });
});
