import { describe, expect, it } from 'vitest';
import { deadlineStanding } from '../../../functions/domain/console-queue/urgency.js';

describe('deadlineStanding', () => {
  it('counts 0 working days left on the due date itself, and is then critical', () => {
    expect(deadlineStanding('2026-12-23', '2026-12-23')).toEqual({ workingDaysLeft: 0, urgency: 'critical' });
  });

  it('skips the weekend: Friday to the following Monday is one working day', () => {
    // 2026-12-04 is a Friday, 2026-12-07 a Monday.
    expect(deadlineStanding('2026-12-04', '2026-12-07')).toEqual({ workingDaysLeft: 1, urgency: 'critical' });
    // Saturday before a Monday due date: still one working day.
    expect(deadlineStanding('2026-12-05', '2026-12-07').workingDaysLeft).toBe(1);
  });

  it('skips Norwegian public holidays: six calendar days over Easter 2026 are one working day', () => {
    // Wed 1 Apr; Maundy Thursday 2, Good Friday 3, weekend, Easter Monday 6; due Tue 7 Apr.
    expect(deadlineStanding('2026-04-01', '2026-04-07')).toEqual({ workingDaysLeft: 1, urgency: 'critical' });
  });

  it('counts 17 May and Christmas as holidays but 24 and 31 December as working days', () => {
    // Mon 2027-05-17 is Constitution Day: Fri 14 → Tue 18 is one working day.
    expect(deadlineStanding('2027-05-14', '2027-05-18').workingDaysLeft).toBe(1);
    // Wed 23 Dec 2026 → Mon 28 Dec: Thu 24 counts, Fri 25 and Sat 26 do not, Mon 28 counts.
    expect(deadlineStanding('2026-12-23', '2026-12-28').workingDaysLeft).toBe(2);
    // 31 December 2026 (Thursday) is a working day; 1 January is not.
    expect(deadlineStanding('2026-12-30', '2027-01-04').workingDaysLeft).toBe(2);
  });

  it('marks 3–7 working days left as soon and more as normal', () => {
    // Mon 7 Dec 2026 → Thu 10 Dec: 3 working days.
    expect(deadlineStanding('2026-12-07', '2026-12-10')).toEqual({ workingDaysLeft: 3, urgency: 'soon' });
    // Mon 7 Dec → Wed 16 Dec: 7 working days.
    expect(deadlineStanding('2026-12-07', '2026-12-16')).toEqual({ workingDaysLeft: 7, urgency: 'soon' });
    expect(deadlineStanding('2026-12-07', '2026-12-17')).toEqual({ workingDaysLeft: 8, urgency: 'normal' });
  });

  it('turns negative once the due date has passed, never 0 for a late case', () => {
    // Due Fri 4 Dec 2026. Saturday and Sunday after: the earliest reply is Monday, one day late.
    expect(deadlineStanding('2026-12-05', '2026-12-04')).toEqual({ workingDaysLeft: -1, urgency: 'overdue' });
    expect(deadlineStanding('2026-12-06', '2026-12-04')).toEqual({ workingDaysLeft: -1, urgency: 'overdue' });
    expect(deadlineStanding('2026-12-07', '2026-12-04')).toEqual({ workingDaysLeft: -1, urgency: 'overdue' });
    expect(deadlineStanding('2026-12-08', '2026-12-04')).toEqual({ workingDaysLeft: -2, urgency: 'overdue' });
  });

  it('counts overdue days across holidays: due Wed 1 Apr 2026, on Easter Monday it is 1 day late', () => {
    // Thu 2 – Mon 6 Apr are holidays or weekend; the next working day is Tue 7 Apr.
    expect(deadlineStanding('2026-04-06', '2026-04-01')).toEqual({ workingDaysLeft: -1, urgency: 'overdue' });
    expect(deadlineStanding('2026-04-07', '2026-04-01')).toEqual({ workingDaysLeft: -1, urgency: 'overdue' });
    expect(deadlineStanding('2026-04-08', '2026-04-01')).toEqual({ workingDaysLeft: -2, urgency: 'overdue' });
  });
});
