import { describe, expect, it } from 'vitest';
import { MAX_MANDATE_BYTES, MandateDocumentError, checkMandateDocument } from '../../../functions/domain/representation/mandate-document.js';
import { assertMandateAllowsApproval, mandateState, MandateNotAcceptedError } from '../../../functions/domain/request/mandate-rules.js';
import type { Mandate, Representative } from '../../../functions/domain/request/representative.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';

const TODAY = '2026-12-01';
const PARENT: Representative = { name: 'Mor Nordmann', relation: 'parent', email: 'mor@example.no' };
const DOCUMENT: NonNullable<Mandate['document']> = {
  key: 'requests/x/mandate/mandate.pdf',
  contentType: 'application/pdf',
  bytes: 1000,
  sha256: 'a'.repeat(64),
  attachedBy: 'staff:kari',
  attachedAt: '2026-11-30T10:00:00.000+01:00',
};
const accepted = (scope: Mandate['scope'], validUntil = '2027-01-31'): Mandate => ({ status: 'accepted', document: DOCUMENT, scope, validUntil, note: 'Fødselsattest kontrollert.', checkedBy: 'staff:kari', checkedAt: '2026-11-30T11:00:00.000+01:00' });

describe('mandateState: whether a representative request may be carried out', () => {
  it.each<[string, Partial<Parameters<typeof mandateState>[0]>, ReturnType<typeof mandateState>]>([
    ['the data subject asked themselves', {}, 'not_needed'],
    ['a representative without a document', { representative: PARENT }, 'missing'],
    ['a document not yet checked', { representative: PARENT, mandate: { status: 'attached', document: DOCUMENT } }, 'attached'],
    ['a refused mandate', { representative: PARENT, mandate: { status: 'refused', document: DOCUMENT, note: 'Ikke underskrevet.' } }, 'refused'],
    ['a mandate whose last day was yesterday', { representative: PARENT, mandate: accepted(['access'], '2026-11-30') }, 'expired'],
    ['a mandate valid through today', { representative: PARENT, mandate: accepted(['access'], TODAY) }, 'accepted'],
    ['a mandate for access only, asked for access and erasure', { representative: PARENT, types: ['access', 'erasure'], mandate: accepted(['access']) }, 'out_of_scope'],
    ['a mandate covering every right but the marketing stop, which anyone may ask for', { representative: PARENT, types: ['access', 'objection'], mandate: accepted(['access']) }, 'accepted'],
  ])('%s', (_case, overrides, state) => {
    const request = aRightsRequest({ types: ['access'], ...overrides });
    expect(mandateState(request, TODAY)).toBe(state);
    if (state === 'accepted' || state === 'not_needed') expect(() => assertMandateAllowsApproval(request, TODAY)).not.toThrow();
    else expect(() => assertMandateAllowsApproval(request, TODAY)).toThrow(MandateNotAcceptedError);
  });
});

describe('checkMandateDocument: what staff may attach', () => {
  const padded = (head: number[]) => Uint8Array.from([...head, ...new Array(100).fill(0x20)]);

  it.each([
    ['a PDF', padded([...Buffer.from('%PDF-1.7')]), 'application/pdf', 'pdf'],
    ['a PNG', padded([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png', 'png'],
    ['a JPEG', padded([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg', 'jpg'],
  ])('accepts %s by its content', (_name, bytes, contentType, extension) => {
    expect(checkMandateDocument(bytes)).toEqual({ contentType, extension });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'missing', 'Velg en fil'],
    ['a text file named .pdf', Uint8Array.from(Buffer.from('Jeg gir fullmakt til ...')), 'unsupported_type', 'PDF, PNG eller JPEG'],
    ['an HTML page', Uint8Array.from(Buffer.from('<html><script>alert(1)</script></html>')), 'unsupported_type', 'PDF, PNG eller JPEG'],
    ['a PDF one byte too large', (() => { const b = new Uint8Array(MAX_MANDATE_BYTES + 1); b.set(Buffer.from('%PDF-')); return b; })(), 'too_large', 'for stor'],
  ])('refuses %s with a message staff can act on', (_name, bytes, kind, words) => {
    const error = (() => {
      try {
        checkMandateDocument(bytes);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MandateDocumentError);
    expect((error as MandateDocumentError).kind).toBe(kind);
    expect((error as MandateDocumentError).message).toContain(words);
  });
});
