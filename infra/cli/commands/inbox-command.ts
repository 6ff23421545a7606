import type { InboxStore } from '../../../functions/domain/intake-mail/inbox-store.js';
import { UsageError } from '../cli-errors.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/**
 * `dsr inbox triage|quarantine|log [--date YYYY-MM-DD]`: what the e-mail inbox set aside for
 * staff (possible breaches first), what it could not read, and the day's account of every mail.
 */
export async function inboxCommand(store: Pick<InboxStore, 'listTriage' | 'listQuarantine' | 'listLog'>, list: string, date: string): Promise<string> {
  switch (list) {
    case 'triage':
      return JSON.stringify(await collect(store.listTriage()), null, 2);
    case 'quarantine':
      return JSON.stringify(await collect(store.listQuarantine()), null, 2);
    case 'log':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date takes YYYY-MM-DD');
      return JSON.stringify(await collect(store.listLog(date)), null, 2);
    default:
      throw new UsageError('inbox takes triage, quarantine or log [--date YYYY-MM-DD]');
  }
}
