import { describe, expect, it } from 'vitest';
import { registerRows } from '../../../functions/domain/case-register/register-rows.js';
import { aCarriedOutCase, aCase, mail } from './case-fixture.js';

describe('registerRows', () => {
  it('returns the codes and dates of a case carried out on time', () => {
    // Prepare
    const request = aCarriedOutCase('2026-11-02', '2026-12-02', '2026-11-20T08:00:00.000Z', {
      types: ['access', 'erasure'],
      channel: 'email',
    });
    // Act
    const [row] = registerRows([request]);
    // Assess
    expect(row).toEqual({
      reference: 'NK-20261102-CASE',
      types: 'access;erasure',
      channel: 'email',
      receivedAt: '2026-11-02T12:00:00.000+01:00',
      receiptDate: '2026-11-02',
      dueDate: '2026-12-02',
      originalDueDate: '2026-12-02',
      extended: 'nei',
      answeredDate: '2026-11-20',
      closedDate: '2026-11-20',
      outcome: 'carried_out',
      answeredOnTime: 'ja',
    });
  });

  it('writes the receipt time in Oslo time with its offset whatever offset it arrived with', () => {
    const [row] = registerRows([aCase('2026-07-01', { receivedAt: '2026-06-30T22:30:00Z', receiptDate: '2026-07-01' })]);

    expect(row?.receivedAt).toBe('2026-07-01T00:30:00.000+02:00');
  });

  it('returns the original and the extended due date of an extended case', () => {
    const request = aCase('2026-11-02', {
      extended: true,
      dueDate: '2027-02-02',
      extension: { reason: 'Mange saker', by: 'staff:ola', at: '2026-11-20T08:00:00.000Z', originalDueDate: '2026-12-02' },
    });

    const [row] = registerRows([request]);

    expect(row).toMatchObject({ extended: 'ja', dueDate: '2027-02-02', originalDueDate: '2026-12-02' });
  });

  it('marks an answer after the due date as not on time', () => {
    const [row] = registerRows([aCarriedOutCase('2026-11-02', '2026-12-02', '2026-12-03T08:00:00.000Z')]);

    expect(row?.answeredOnTime).toBe('nei');
  });

  it('counts an answer on the due date itself as on time', () => {
    const [row] = registerRows([aCarriedOutCase('2026-11-02', '2026-12-02', '2026-12-02T22:30:00.000Z')]);

    expect(row?.answeredOnTime).toBe('ja');
  });

  it('leaves answered, closed and on-time blank for an open case without an answer', () => {
    const [row] = registerRows([aCase('2026-11-02', { status: 'awaiting_approval' })]);

    expect(row).toMatchObject({ outcome: 'open', answeredDate: '', closedDate: '', answeredOnTime: '' });
  });

  it('returns the answer date of an answered case that is not yet closed, with outcome open', () => {
    const [row] = registerRows([aCase('2026-11-02', { status: 'rejected', mailsSent: { reply: mail('2026-11-10T08:00:00.000Z') } })]);

    expect(row).toMatchObject({ outcome: 'open', answeredDate: '2026-11-10', closedDate: '', answeredOnTime: 'ja' });
  });

  it('orders the rows by receipt instant, not by the text of receivedAt', () => {
    // 00:30+02:00 on 1 July is 22:30Z on 30 June: earlier than 23:00Z that day, though it sorts later as text.
    const later = aCase('2026-07-01', { id: 'NK-B', receivedAt: '2026-06-30T23:00:00Z' });
    const earlier = aCase('2026-07-01', { id: 'NK-A', receivedAt: '2026-07-01T00:30:00+02:00' });
    const first = aCase('2026-03-01', { id: 'NK-C' });

    expect(registerRows([later, earlier, first]).map((row) => row.reference)).toEqual(['NK-C', 'NK-A', 'NK-B']);
  });

  it('returns no rows for no requests', () => {
    expect(registerRows([])).toEqual([]);
  });
});
