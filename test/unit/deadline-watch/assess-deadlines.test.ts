import { describe, expect, it } from 'vitest';
import { assessDeadlines, watchCase } from '../../../functions/domain/deadline-watch/assess-deadlines.js';
import { ANSWERED_STATUSES } from '../../../functions/domain/lifecycle/request-lifecycle.js';
import { STATUSES } from '../../../functions/domain/request/request-vocabulary.js';
import { aCase } from './deadline-watch-fixture.js';

describe('watchCase', () => {
  it('counts Norwegian working days over Easter: 10 calendar days are 5 working days', () => {
    // Tue 31 Mar 2026 → Fri 10 Apr: Maundy Thursday, Good Friday, Easter Monday and a weekend fall out.
    expect(watchCase(aCase('2026-04-10'), '2026-03-31')).toMatchObject({ workingDaysLeft: 5, overdue: false });
  });

  it('skips 17 May (Whit Monday too in 2027) between a Friday and a Wednesday due date', () => {
    expect(watchCase(aCase('2027-05-19'), '2027-05-14').workingDaysLeft).toBe(2);
  });

  it('counts Christmas Eve and New Year’s Eve as working days, Christmas Day and 1 January not', () => {
    // Tue 22 Dec 2026 → Mon 4 Jan 2027: 23, 24, 28, 29, 30, 31 Dec and 4 Jan.
    expect(watchCase(aCase('2027-01-04'), '2026-12-22').workingDaysLeft).toBe(7);
  });

  it('gives a case due today 0 working days left without calling it overdue', () => {
    expect(watchCase(aCase('2026-12-01'), '2026-12-01')).toMatchObject({ workingDaysLeft: 0, overdue: false });
  });

  it('calls a Friday due date overdue on the Saturday after, with 0 working days left', () => {
    expect(watchCase(aCase('2026-12-04'), '2026-12-05')).toMatchObject({ workingDaysLeft: 0, overdue: true });
    expect(watchCase(aCase('2026-12-04'), '2026-12-07')).toMatchObject({ workingDaysLeft: -1, overdue: true });
  });

  it('measures an extended case against its extended due date', () => {
    const extended = aCase('2027-02-23', { extended: true, status: 'extended', extension: { reason: 'r', by: 'staff:anne', at: '2026-12-01T09:00:00+01:00', originalDueDate: '2026-12-23' } });

    expect(watchCase(extended, '2026-12-28')).toMatchObject({ overdue: false, extended: true, dueDate: '2027-02-23' });
  });
});

describe('assessDeadlines', () => {
  const today = '2026-12-01'; // a Tuesday

  it('lists overdue cases first, then cases within 7 working days, each by due date', () => {
    const farAway = aCase('2026-12-31');
    const inSeven = aCase('2026-12-10');
    const inTwo = aCase('2026-12-03');
    const overdueLong = aCase('2026-11-20');
    const overdueYesterday = aCase('2026-11-30');
    const inEight = aCase('2026-12-11');

    const result = assessDeadlines([farAway, inSeven, overdueYesterday, inTwo, inEight, overdueLong], today);

    expect(result.urgent.map((row) => row.id)).toEqual([overdueLong.id, overdueYesterday.id, inTwo.id, inSeven.id]);
    expect(result).toMatchObject({ today, waiting: 6, overdue: 2, dueWithinLastCall: 1 });
  });

  it('counts cases that need attention or are on hold as waiting for an answer', () => {
    const flagged = aCase('2026-11-30', { status: 'needs_attention' });
    const onHold = aCase('2026-12-02', { status: 'on_hold' });

    const result = assessDeadlines([flagged, onHold], today);

    expect(result).toMatchObject({ waiting: 2, overdue: 1, dueWithinLastCall: 1 });
  });

  it('leaves out answered cases, whatever their due date', () => {
    const answered = ANSWERED_STATUSES.map((status) => aCase('2026-11-02', { status }));

    const result = assessDeadlines(answered, today);

    expect(result).toMatchObject({ waiting: 0, overdue: 0, dueWithinLastCall: 0, urgent: [] });
  });

  it('treats every other status as waiting', () => {
    const waiting = STATUSES.filter((status) => !ANSWERED_STATUSES.includes(status)).map((status) => aCase('2026-11-30', { status }));

    expect(assessDeadlines(waiting, today).overdue).toBe(waiting.length);
  });

  it('counts a case due today in the 2-working-day metric, not as overdue', () => {
    expect(assessDeadlines([aCase(today)], today)).toMatchObject({ overdue: 0, dueWithinLastCall: 1 });
  });
});
