import type { AuditHead } from '../../domain/audit/audit-chain.js';
import type { RequestChange } from '../../domain/request/request-store.js';
import { isOpenStatus } from '../../domain/lifecycle/request-lifecycle.js';
import type { Status } from '../../domain/request/request-vocabulary.js';
import { AUDIT_HEAD } from './audit-chain-items.js';
import { OPEN_PARTITION, QUEUE_INDEX_ATTRIBUTES, queueIndexKeys } from './requests-table-layout.js';

/** A request item as stored: the request's attributes beside its keys, index keys and chain head. */
export type RequestItem = Readonly<Record<string, unknown>>;

/** The update of the request item a {@link RequestChange} makes, described once for both uses. */
export interface RequestItemUpdate {
  /** `SET …` / `REMOVE …` without the chain head, with its placeholders. */
  readonly sets: readonly string[];
  readonly removes: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * The item this update leaves behind when applied to `before` with the chain moved to `head`:
   * exactly what a consistent read right after the write returns, so the store answers the
   * changed request without reading it back.
   */
  after(before: RequestItem, head: AuditHead): RequestItem;
}

/**
 * Translates a change of the item `before` into the request item's update: the changed
 * attributes, the version one up, the open-requests index key set or removed with the status, and
 * the queue index keys rewritten when the status or the due date changes (removed on closing).
 * Attributes set to `undefined` are left as they are (as the document client drops them), nested
 * `undefined` members are dropped.
 */
export function requestItemUpdate(change: RequestChange, before: RequestItem): RequestItemUpdate {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets: string[] = ['#version = #version + :one'];
  const assigned: Record<string, unknown> = {};
  Object.entries(change.set).forEach(([key, value], index) => {
    if (value === undefined) return;
    names[`#s${index}`] = key;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
    assigned[key] = withoutUndefined(value);
  });
  const removed: string[] = [...(change.remove ?? [])];
  const removes: string[] = removed.map((key, index) => {
    names[`#r${index}`] = key;
    return `#r${index}`;
  });
  const status = change.set.status;
  if (status !== undefined) {
    names['#open'] = 'openPk';
    if (isOpenStatus(status)) {
      values[':open'] = OPEN_PARTITION;
      sets.push('#open = :open');
      assigned.openPk = OPEN_PARTITION;
    } else {
      removes.push('#open');
      removed.push('openPk');
    }
  }
  const queue = queueIndexChange(change, before);
  Object.entries(queue.set).forEach(([key, value]) => {
    names[`#q_${key}`] = key;
    values[`:q_${key}`] = value;
    sets.push(`#q_${key} = :q_${key}`);
    assigned[key] = value;
  });
  for (const key of queue.remove) {
    names[`#q_${key}`] = key;
    removes.push(`#q_${key}`);
    removed.push(key);
  }
  return {
    sets,
    removes,
    names,
    values,
    after(before, head) {
      const item: Record<string, unknown> = { ...before, ...assigned };
      for (const key of removed) delete item[key];
      item.version = Number(before.version) + 1;
      item[AUDIT_HEAD.hash] = head.hash;
      item[AUDIT_HEAD.seq] = head.seq;
      return item;
    },
  };
}

/**
 * The queue index keys a change writes: all of them when the request is (still) open and its
 * status or due date changes, none left when it closes, nothing when neither changes.
 */
function queueIndexChange(change: RequestChange, before: RequestItem): { set: Record<string, string>; remove: readonly string[] } {
  const { status, dueDate } = change.set;
  if (status === undefined && dueDate === undefined) return { set: {}, remove: [] };
  const nextStatus = status ?? (before.status as Status);
  if (!isOpenStatus(nextStatus)) return { set: {}, remove: QUEUE_INDEX_ATTRIBUTES };
  return {
    set: queueIndexKeys({
      id: String(before.id),
      dueDate: dueDate ?? String(before.dueDate),
      receivedAt: String(before.receivedAt),
    }),
    remove: [],
  };
}

/** A copy without `undefined` values at any depth, as the document client marshals it. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((element) => element !== undefined).map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [key, withoutUndefined(member)]),
  );
}

/** How many request items a store keeps as pre-images (a Lambda container handles one at a time). */
const KNOWN_ITEMS = 256;

/**
 * Request items as a store last read or wrote them, newest last, bounded: the pre-image of the next
 * change. One is used only for the version it holds, and the change's condition re-checks that
 * version and the chain head, so a stale one can cost a retry but never a wrong write.
 */
export class KnownRequestItems {
  readonly #items = new Map<string, RequestItem>();

  /** The item at `version`, if that is the one known. */
  at(id: string, version: number): RequestItem | undefined {
    const item = this.#items.get(id);
    return item?.version === version ? item : undefined;
  }

  remember(id: string, item: RequestItem): void {
    this.#items.delete(id);
    this.#items.set(id, item);
    if (this.#items.size > KNOWN_ITEMS) this.#items.delete(this.#items.keys().next().value!);
  }

  forget(id: string): void {
    this.#items.delete(id);
  }
}
