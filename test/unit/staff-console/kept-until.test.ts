import { describe, expect, it } from 'vitest';
import { keptRecordsText } from '../../../functions/domain/letters/kept-records-text.js';
import { keptUntilText } from '../../../functions/domain/letters/kept-until.js';
import type { KeptRecords } from '../../../functions/domain/plan/action-plan.js';
import { accountingGround, contractGround, legalClaimGround, staffKeepGround } from '../../../functions/domain/plan/request-types/erasure-texts.js';
import { planSection } from '../../../functions/http/console-case/pages/case-plan-section.js';
import type { ActionPlan } from '../../../functions/domain/plan/action-plan.js';

const KEPT: readonly KeptRecords[] = [
  { category: 'invoice', recordIds: ['invoice:1', 'invoice:2'], ...accountingGround('invoice', '2031-12-31') },
  { category: 'profile', recordIds: ['profile:C-1'], ...contractGround('profile') },
  { category: 'payment', recordIds: ['payment:9'], ...legalClaimGround('payment') },
  { category: 'door_event', recordIds: ['door_event:*'], ...staffKeepGround('legal_claim', '2027-06-30', 'staff:kari') },
];

const plan = (kept: readonly KeptRecords[]): ActionPlan =>
  ({
    requestId: 'NK-1',
    builtAt: '2026-12-01T10:00:00.000Z',
    erasures: [],
    kept,
    corrections: [],
    consentChanges: [],
    channelReservations: [],
    recipientsToNotify: [],
    refusals: [],
    adjustments: [],
    needsTwoApprovers: true,
  }) as unknown as ActionPlan;

/** The «Beholdes» cell (the last) of each row of the console's kept table, in row order. */
const consoleUntilCells = (page: string): string[] =>
  [...page.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)].map((row) => [...row[0].matchAll(/<td>([\s\S]*?)<\/td>/g)].at(-1)![1]!);

describe('«kept until» in the console plan and in the letter', () => {
  it('uses one wording for both, for a dated hold, an active contract, a claim and a staff hold', () => {
    const console = String(planSection(plan(KEPT)));
    const letter = keptRecordsText(plan(KEPT), 'nb').join('\n');

    expect(consoleUntilCells(console)).toEqual(KEPT.map((group) => keptUntilText(group, 'nb')));
    for (const group of KEPT) {
      expect(letter.toLowerCase(), group.category).toContain(keptUntilText(group, 'nb').toLowerCase());
    }
  });

  it('says «Til kravet er avgjort» for a claim and «Så lenge kundeforholdet varer» for a contract, in nb and en', () => {
    expect(keptUntilText({ kind: 'legal_claim' }, 'nb')).toBe('Til kravet er avgjort');
    expect(keptUntilText({ kind: 'contract' }, 'nb')).toBe('Så lenge kundeforholdet varer');
    expect(keptUntilText({ kind: 'legal_obligation', until: '2031-12-31' }, 'nb')).toBe('Til og med 31. desember 2031');
    expect(keptUntilText({ kind: 'legal_claim' }, 'en')).toBe('Until the claim is resolved');
  });
});
