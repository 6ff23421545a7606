import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** TransactWriteItems takes at most 100 actions. */
export const TRANSACTION_SIZE = 100;

type ConditionalUpdate = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>;

const sleep = (millis: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Applies one update per item (at most {@link TRANSACTION_SIZE}, distinct items) in a single
 * transaction, each conditional on its item still existing; returns how many were updated. An item
 * deleted meanwhile cancels the whole transaction, which is then tried again without it; a
 * conflict with another writer is tried again after a pause.
 *
 * @throws the cancellation when an update fails for another reason, or conflicts persist
 */
export async function updateExisting<K>(
  doc: DynamoDBDocumentClient,
  items: readonly K[],
  retry: { readonly maxAttempts: number; readonly baseDelayMs: number },
  update: (item: K) => ConditionalUpdate,
): Promise<number> {
  let pending = items;
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: pending.map((item) => ({ Update: update(item) })) }));
      return pending.length;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const gone = (index: number): boolean => reasons[index]?.Code === 'ConditionalCheckFailed';
      if (pending.some((_, index) => gone(index))) {
        pending = pending.filter((_, index) => !gone(index));
      } else if (reasons.some((reason) => reason.Code === 'TransactionConflict') && attempt < retry.maxAttempts) {
        await sleep(Math.min(2000, retry.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2));
      } else {
        throw error;
      }
    }
  }
  return 0;
}
