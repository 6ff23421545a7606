import { statutoryDeadline } from '../../../functions/domain/deadline/index.js';
import { UsageError } from '../cli-errors.js';

/**
 * `dsr deadline <receipt-ISO>... [--extended]`: one due date per receipt instant, in order.
 * Needs no running stack: it is the same pure rule every handler uses.
 */
export function deadlineCommand(receipts: readonly string[], extended: boolean): string {
  if (receipts.length === 0) throw new UsageError('deadline needs at least one receipt instant, e.g. 2026-11-23T14:05:00+01:00');
  return receipts
    .map((receipt) => {
      try {
        return statutoryDeadline(receipt, { extended });
      } catch (error) {
        throw new UsageError(`not a receipt instant with offset: "${receipt}" (${error instanceof Error ? error.message : 'invalid'})`);
      }
    })
    .join('\n');
}
