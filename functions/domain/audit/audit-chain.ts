import { createHash } from 'node:crypto';
import { AuditEntrySchema, type AuditEntry } from '../request/rights-request.js';

/** The hash a case's first audit entry points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where a case's chain ends: the last entry's hash and its number (0 before the first entry). */
export interface AuditHead {
  readonly hash: string;
  readonly seq: number;
}

export const EMPTY_HEAD: AuditHead = { hash: GENESIS_HASH, seq: 0 };

/** An audit entry with its place in the chain, as stored. */
export interface ChainedAuditEntry {
  readonly entry: AuditEntry;
  readonly seq?: number;
  readonly prevHash?: string;
  readonly hash?: string;
}

/**
 * JSON with object keys sorted at every level and undefined members left out, so the same entry
 * always serialises to the same bytes, whatever order its fields were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 (hex) of the entry, its number and the hash of the entry before it. */
export function auditEntryHash(entry: AuditEntry, seq: number, prevHash: string): string {
  const normalised = AuditEntrySchema.parse(entry);
  return createHash('sha256').update(canonicalJson({ entry: normalised, seq, prevHash })).digest('hex');
}

/** The next link after `head`: what to store with the entry and the new head. */
export function nextLink(head: AuditHead, entry: AuditEntry): { readonly seq: number; readonly prevHash: string; readonly hash: string } {
  const seq = head.seq + 1;
  return { seq, prevHash: head.hash, hash: auditEntryHash(entry, seq, head.hash) };
}

/** Links for entries appended one after another from `head`, and the head after the last. */
export function chainFrom(head: AuditHead, entries: readonly AuditEntry[]): { links: ChainedAuditEntry[]; head: AuditHead } {
  const links: ChainedAuditEntry[] = [];
  let current = head;
  for (const entry of entries) {
    const link = nextLink(current, entry);
    links.push({ entry, ...link });
    current = { hash: link.hash, seq: link.seq };
  }
  return { links, head: current };
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: AuditHead }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The number (1-based, in chain order) of the first entry that does not hold. */
      readonly brokenAt: number;
      readonly entry?: AuditEntry;
      readonly problem: 'unchained' | 'missing' | 'wrong_previous' | 'altered' | 'head_mismatch';
    };

/**
 * Checks a case's audit chain: entries in number order, each pointing at the hash of the one
 * before, each hash matching its content, numbers without gaps, and the last one being the head
 * recorded on the case (so a deleted last entry shows too). Names the first link that breaks.
 */
export function verifyAuditChain(stored: readonly ChainedAuditEntry[], recordedHead: AuditHead | undefined): ChainVerdict {
  const unchained = stored.find((link) => link.seq === undefined || link.hash === undefined || link.prevHash === undefined);
  const ordered = [...stored].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (unchained) {
    return { ok: false, entries: stored.length, brokenAt: ordered.indexOf(unchained) + 1, entry: unchained.entry, problem: 'unchained' };
  }
  let previous = GENESIS_HASH;
  for (const [index, link] of ordered.entries()) {
    const position = index + 1;
    if (link.seq !== position) return { ok: false, entries: stored.length, brokenAt: position, entry: link.entry, problem: 'missing' };
    if (link.prevHash !== previous) return { ok: false, entries: stored.length, brokenAt: position, entry: link.entry, problem: 'wrong_previous' };
    if (auditEntryHash(link.entry, position, previous) !== link.hash) {
      return { ok: false, entries: stored.length, brokenAt: position, entry: link.entry, problem: 'altered' };
    }
    previous = link.hash!;
  }
  const head: AuditHead = { hash: previous, seq: ordered.length };
  if (recordedHead && (recordedHead.hash !== head.hash || recordedHead.seq !== head.seq)) {
    return { ok: false, entries: stored.length, brokenAt: Math.min(ordered.length, recordedHead.seq) + 1, problem: 'head_mismatch' };
  }
  return { ok: true, entries: stored.length, head };
}
