import { describe, expect, it } from 'vitest';
import { caseOutcome } from '../../../functions/domain/case-register/case-outcome.js';
import { OUTCOME_LABELS } from '../../../functions/domain/case-register/register-labels.js';
import { aCase } from './case-fixture.js';

const decision = (outcome: 'approved' | 'rejected') => ({ outcome, decidedBy: 'staff:ola', decidedAt: '2026-11-30T10:00:00.000Z' });
const closure = (kind: 'merged' | 'manifestly_unfounded' | 'excessive') => ({
  kind,
  reason: 'Samme henvendelse som en tidligere sak.',
  by: 'staff:ola',
  at: '2026-11-30T10:00:00.000Z',
});

describe('caseOutcome', () => {
  it.each([
    ['awaiting_approval', undefined],
    ['replied', decision('approved')],
    ['rejected', decision('rejected')],
    ['unverified', undefined],
  ] as const)('returns open while the status is %s, even after a decision', (status, decided) => {
    expect(caseOutcome(aCase('2026-11-02', { status, ...(decided ? { decision: decided } : {}) }))).toBe('open');
  });

  it('returns carried_out for a closed case that staff approved', () => {
    expect(caseOutcome(aCase('2026-11-02', { status: 'closed', decision: decision('approved') }))).toBe('carried_out');
  });

  it('returns refused for a closed case that staff rejected', () => {
    expect(caseOutcome(aCase('2026-11-02', { status: 'closed', decision: decision('rejected') }))).toBe('refused');
  });

  it('returns unverified for a closed case without a decision (identity never confirmed)', () => {
    expect(caseOutcome(aCase('2026-11-02', { status: 'closed' }))).toBe('unverified');
  });

  it.each(['merged', 'manifestly_unfounded', 'excessive'] as const)('returns %s for a case staff closed that way', (kind) => {
    expect(caseOutcome(aCase('2026-11-02', { status: 'closed', closure: closure(kind) }))).toBe(kind);
  });

  it('prefers the staff closure over a decision recorded before it', () => {
    const request = aCase('2026-11-02', { status: 'closed', decision: decision('approved'), closure: closure('excessive') });

    expect(caseOutcome(request)).toBe('excessive');
  });

  it('has a Norwegian label for every outcome', () => {
    expect(OUTCOME_LABELS.carried_out).toBe('Gjennomført');
    expect(Object.values(OUTCOME_LABELS).every((label) => label.length > 0)).toBe(true);
    expect(Object.keys(OUTCOME_LABELS)).toHaveLength(7);
  });
});
