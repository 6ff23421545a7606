import { describe, expect, it } from 'vitest';
import { dashboardStats } from '../../../functions/domain/case-register/dashboard-stats.js';
import { aCarriedOutCase, aCase, mail } from './case-fixture.js';

const TODAY = '2026-12-10';

describe('dashboardStats', () => {
  it('returns twelve months ending with the current one, empty months included', () => {
    const stats = dashboardStats([aCase('2026-03-15'), aCase('2026-03-20', { id: 'NK-2' }), aCase('2026-12-01')], TODAY);

    expect(stats.period).toEqual({ fromMonth: '2026-01', toMonth: '2026-12' });
    expect(stats.perMonth.map((m) => m.month)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
    expect(stats.perMonth.map((m) => m.count)).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('crosses the year boundary and leaves out cases received before the period', () => {
    const stats = dashboardStats([aCase('2025-02-28'), aCase('2025-03-01')], '2026-02-05');

    expect(stats.perMonth[0]).toEqual({ month: '2025-03', count: 1 });
    expect(stats.perMonth[11]).toEqual({ month: '2026-02', count: 0 });
    expect(stats.perChannel.find((c) => c.channel === 'web')?.count).toBe(1);
  });

  it('counts a case under each right it asks for, and every right and channel even at zero', () => {
    const stats = dashboardStats(
      [aCase('2026-11-02', { types: ['access', 'erasure'] }), aCase('2026-11-03', { types: ['access'], channel: 'post' })],
      TODAY,
    );

    expect(stats.perType).toEqual([
      { type: 'access', count: 2 },
      { type: 'rectification', count: 0 },
      { type: 'erasure', count: 1 },
      { type: 'restriction', count: 0 },
      { type: 'portability', count: 0 },
      { type: 'objection', count: 0 },
      { type: 'consent_withdrawal', count: 0 },
      { type: 'processing_objection', count: 0 },
    ]);
    expect(stats.perChannel).toEqual([
      { channel: 'web', count: 1 },
      { channel: 'email', count: 0 },
      { channel: 'phone', count: 0 },
      { channel: 'post', count: 1 },
    ]);
  });

  it('returns the median and 90th percentile of calendar days from receipt to answer over closed cases', () => {
    // 10 closed cases answered after 1..10 days, plus an open answered case that is not counted.
    const closed = Array.from({ length: 10 }, (_, i) =>
      aCarriedOutCase('2026-11-02', '2026-12-02', `2026-11-${String(3 + i).padStart(2, '0')}T10:00:00.000Z`, { id: `NK-${i}` }),
    );
    const open = aCase('2026-11-02', { id: 'NK-open', status: 'replied', mailsSent: { reply: mail('2026-12-01T10:00:00.000Z') } });

    const stats = dashboardStats([...closed, open], TODAY);

    expect(stats.daysToClose).toEqual({ cases: 10, median: 5, p90: 9 });
  });

  it('counts to the closing date when a closed case has no answer mail recorded', () => {
    const stats = dashboardStats([aCase('2026-11-02', { status: 'closed', updatedAt: '2026-11-06T10:00:00.000Z' })], TODAY);

    expect(stats.daysToClose).toEqual({ cases: 1, median: 4, p90: 4 });
  });

  it('returns null figures when no case is closed', () => {
    const stats = dashboardStats([aCase('2026-12-01')], TODAY);

    expect(stats.daysToClose).toEqual({ cases: 0, median: null, p90: null });
    expect(stats.answeredOnTime).toEqual({ answered: 0, onTime: 0, share: null });
  });

  it('returns the share answered by the due date over the answered cases, the extended due date counting', () => {
    const onTime = aCarriedOutCase('2026-10-01', '2026-11-02', '2026-11-02T20:00:00.000Z', { id: 'NK-1' });
    const late = aCarriedOutCase('2026-10-01', '2026-11-02', '2026-11-03T08:00:00.000Z', { id: 'NK-2' });
    const extended = aCarriedOutCase('2026-10-01', '2027-01-04', '2026-12-01T08:00:00.000Z', { id: 'NK-3', extended: true });
    const refusedOnTime = aCase('2026-10-01', {
      id: 'NK-4',
      dueDate: '2026-11-02',
      status: 'closed',
      decision: { outcome: 'rejected', decidedBy: 'staff:ola', decidedAt: '2026-10-10T08:00:00.000Z' },
      mailsSent: { reply: mail('2026-10-10T08:00:00.000Z') },
    });
    const unanswered = aCase('2026-11-20', { id: 'NK-5' });

    const stats = dashboardStats([onTime, late, extended, refusedOnTime, unanswered], TODAY);

    expect(stats.answeredOnTime).toEqual({ answered: 4, onTime: 3, share: 0.75 });
  });

  it('leaves merged duplicates out of the handling figures but counts them as received', () => {
    const merged = aCase('2026-11-02', {
      status: 'closed',
      closure: { kind: 'merged', reason: 'Duplikat.', by: 'staff:ola', at: '2026-11-02T13:00:00.000Z', mergedInto: 'NK-X' },
      mailsSent: { 'closure-merged': mail('2026-11-02T13:00:00.000Z') },
    });

    const stats = dashboardStats([merged], TODAY);

    expect(stats.perMonth[10]).toEqual({ month: '2026-11', count: 1 });
    expect(stats.daysToClose.cases).toBe(0);
    expect(stats.answeredOnTime.answered).toBe(0);
  });

  it('counts as overdue now the open unanswered cases past their due date, from any month', () => {
    const overdue = aCase('2025-06-01', { id: 'NK-old', dueDate: '2025-07-01', status: 'needs_attention' });
    const dueToday = aCase('2026-11-10', { id: 'NK-today', dueDate: TODAY, status: 'awaiting_approval' });
    const overdueRecent = aCase('2026-11-05', { id: 'NK-late', dueDate: '2026-12-07', status: 'on_hold' });
    const answeredNotClosed = aCase('2026-11-01', {
      id: 'NK-answered',
      dueDate: '2026-12-01',
      status: 'rejected',
      mailsSent: { reply: mail('2026-11-30T08:00:00.000Z') },
    });
    const closedLate = aCarriedOutCase('2026-10-01', '2026-11-02', '2026-11-05T08:00:00.000Z', { id: 'NK-closed' });

    const stats = dashboardStats([overdue, dueToday, overdueRecent, answeredNotClosed, closedLate], TODAY);

    expect(stats.overdueNow).toBe(2);
  });

  it('returns zeros and nulls for no requests', () => {
    const stats = dashboardStats([], TODAY);

    expect(stats.perMonth).toHaveLength(12);
    expect(stats.perMonth.every((m) => m.count === 0)).toBe(true);
    expect(stats.overdueNow).toBe(0);
    expect(stats.daysToClose.median).toBeNull();
  });
});
