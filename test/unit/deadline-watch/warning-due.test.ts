import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { watchCase } from '../../../functions/domain/deadline-watch/assess-deadlines.js';
import { warningDue } from '../../../functions/domain/deadline-watch/warning-due.js';
import type { WarningThreshold } from '../../../functions/domain/deadline-watch/warning-thresholds.js';
import { addDays, nextWorkingDayOnOrAfter } from '../../../functions/domain/deadline/index.js';
import { aCase, aWatchedCase } from './deadline-watch-fixture.js';

const none: ReadonlySet<WarningThreshold> = new Set();

interface Mailed {
  readonly day: string;
  readonly threshold: WarningThreshold;
  readonly left: number;
}

/** Runs the watch's decision once a day, every calendar day, recording as the job does. */
function simulateDailyRuns(dueDate: string, firstDay: string, lastDay: string): { mailed: Mailed[]; recorded: WarningThreshold[] } {
  const request = aCase(dueDate);
  const recorded: WarningThreshold[] = [];
  const mailed: Mailed[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    const row = watchCase(request, day);
    const due = warningDue(row, new Set(recorded));
    if (!due) continue;
    if (due.mail !== undefined) mailed.push({ day, threshold: due.mail, left: row.workingDaysLeft });
    recorded.push(...due.record);
  }
  return { mailed, recorded };
}

describe('warningDue', () => {
  it('sends the 7-day warning at 7 working days left and nothing at 8', () => {
    expect(warningDue(aWatchedCase({ workingDaysLeft: 8 }), none)).toBeUndefined();
    expect(warningDue(aWatchedCase({ workingDaysLeft: 7 }), none)).toEqual({ mail: 7, record: [7] });
  });

  it('sends only the 2-day warning when both are reached at once, and records both', () => {
    expect(warningDue(aWatchedCase({ workingDaysLeft: 1 }), none)).toEqual({ mail: 2, record: [7, 2] });
  });

  it('sends the 2-day warning on the due date itself when it was not sent before', () => {
    expect(warningDue(aWatchedCase({ workingDaysLeft: 0 }), new Set([7]))).toEqual({ mail: 2, record: [2] });
  });

  it('sends nothing for a threshold already recorded', () => {
    expect(warningDue(aWatchedCase({ workingDaysLeft: 5 }), new Set([7]))).toBeUndefined();
    expect(warningDue(aWatchedCase({ workingDaysLeft: 2 }), new Set([7, 2]))).toBeUndefined();
  });

  it('records an unrecorded 7-day warning without a mail when the 2-day one was already sent', () => {
    expect(warningDue(aWatchedCase({ workingDaysLeft: 1 }), new Set([2]))).toEqual({ record: [7] });
  });

  it('sends no warning for an overdue case', () => {
    expect(warningDue(aWatchedCase({ workingDaysLeft: 0, overdue: true }), none)).toBeUndefined();
    expect(warningDue(aWatchedCase({ workingDaysLeft: -3, overdue: true }), none)).toBeUndefined();
  });

  it('warns on the Friday with 7 left before Easter and not again over the weekend', () => {
    // Due Fri 10 Apr 2026. Fri 27 Mar has 7 working days left; so do Sat 28 and Sun 29.
    const { mailed } = simulateDailyRuns('2026-04-10', '2026-03-25', '2026-04-10');

    expect(mailed).toEqual([
      { day: '2026-03-27', threshold: 7, left: 7 },
      { day: '2026-04-08', threshold: 2, left: 2 },
    ]);
  });

  it('sends the 2-day warning on Christmas Eve for a case due the Tuesday after Christmas', () => {
    const { mailed } = simulateDailyRuns('2026-12-29', '2026-12-23', '2026-12-29');

    expect(mailed).toEqual([
      { day: '2026-12-23', threshold: 7, left: 3 },
      { day: '2026-12-24', threshold: 2, left: 2 },
    ]);
  });

  describe('over every day from receipt to past the due date', () => {
    const dueDates = fc
      .integer({ min: 0, max: 5 * 365 })
      .map((offset) => nextWorkingDayOnOrAfter(addDays('2026-01-01', offset)));
    const runs = fc.record({ dueDate: dueDates, daysBefore: fc.integer({ min: 0, max: 95 }), daysAfter: fc.integer({ min: 0, max: 10 }) });

    it('records each threshold once, by the due date, and mails each at most once', () => {
      fc.assert(
        fc.property(runs, ({ dueDate, daysBefore, daysAfter }) => {
          const { mailed, recorded } = simulateDailyRuns(dueDate, addDays(dueDate, -daysBefore), addDays(dueDate, daysAfter));

          expect([...recorded].sort()).toEqual([2, 7]);
          expect(new Set(mailed.map((mail) => mail.threshold)).size).toBe(mailed.length);
          expect(mailed.every((mail) => mail.day <= dueDate && mail.left <= mail.threshold)).toBe(true);
          expect(mailed.at(-1)?.threshold).toBe(2);
        }),
      );
    });

    it('mails each threshold exactly when it is reached, when the first run is before it', () => {
      fc.assert(
        fc.property(runs, ({ dueDate, daysBefore }) => {
          const firstDay = addDays(dueDate, -daysBefore);
          const leftAtStart = watchCase(aCase(dueDate), firstDay).workingDaysLeft;

          const { mailed } = simulateDailyRuns(dueDate, firstDay, dueDate);

          const expected = ([7, 2] as const).filter((threshold) => leftAtStart > threshold).map((threshold) => ({ threshold, left: threshold }));
          expect(mailed.filter((mail) => leftAtStart > mail.threshold).map(({ threshold, left }) => ({ threshold, left }))).toEqual(expected);
        }),
      );
    });
  });
});
