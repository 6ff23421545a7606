import { describe, expect, it } from 'vitest';
import {
  EMPTY_HEAD,
  auditEntryHash,
  canonicalJson,
  chainFrom,
  verifyAuditChain,
  type ChainedAuditEntry,
} from '../../../functions/domain/audit/audit-chain.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';

const entry = (event: string, minute: number, detail?: Record<string, unknown>): AuditEntry => ({
  requestId: REQUEST_ID,
  at: `2026-12-07T08:${String(minute).padStart(2, '0')}:00.000Z`,
  event,
  actor: 'system:test',
  ...(detail ? { detail } : {}),
});

const trail = (): { links: ChainedAuditEntry[]; head: { hash: string; seq: number } } =>
  chainFrom(EMPTY_HEAD, [entry('request.received', 1), entry('mail.sent', 2, { purpose: 'acknowledgement' }), entry('status.changed', 3), entry('decision.approved', 4)]);

describe('canonicalJson', () => {
  it('serialises the same object the same way whatever order its keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(canonicalJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});

describe('verifyAuditChain', () => {
  it('holds for a chain written link by link, with the head recorded on the case', () => {
    const { links, head } = trail();

    expect(verifyAuditChain(links, head)).toEqual({ ok: true, entries: 4, head });
    expect(links.map((link) => link.seq)).toEqual([1, 2, 3, 4]);
    expect(links[1]!.prevHash).toBe(links[0]!.hash);
  });

  it('names the first altered entry when one entry is changed afterwards', () => {
    const { links, head } = trail();
    const tampered = links.map((link, index) => (index === 1 ? { ...link, entry: { ...link.entry, actor: 'staff:mallory' } } : link));

    expect(verifyAuditChain(tampered, head)).toMatchObject({ ok: false, brokenAt: 2, problem: 'altered', entry: { event: 'mail.sent' } });
  });

  it('notices an entry removed from the middle and one removed from the end', () => {
    const { links, head } = trail();

    expect(verifyAuditChain([links[0]!, links[2]!, links[3]!], head)).toMatchObject({ ok: false, brokenAt: 2, problem: 'missing' });
    expect(verifyAuditChain(links.slice(0, 3), head)).toMatchObject({ ok: false, problem: 'head_mismatch' });
  });

  it('notices an entry slipped in with its own valid-looking hash', () => {
    const { links, head } = trail();
    const forged = { entry: entry('decision.rejected', 3), seq: 3, prevHash: links[1]!.hash, hash: auditEntryHash(entry('decision.rejected', 3), 3, links[1]!.hash!) };

    expect(verifyAuditChain([links[0]!, links[1]!, forged, links[3]!], head)).toMatchObject({ ok: false, brokenAt: 4, problem: 'wrong_previous' });
  });

  it('reports entries written before the chain existed as unchained', () => {
    const { links } = trail();

    expect(verifyAuditChain([{ entry: entry('request.received', 0) }, ...links], undefined)).toMatchObject({ ok: false, problem: 'unchained' });
  });
});
