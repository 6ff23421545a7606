import { describe, expect, it } from 'vitest';
import { answeredDate, closedDate } from '../../../functions/domain/case-register/case-dates.js';
import { aCase, mail } from './case-fixture.js';

describe('answeredDate', () => {
  it('returns undefined while only an acknowledgement, a code and an extension notice were sent', () => {
    const request = aCase('2026-11-02', {
      mailsSent: {
        acknowledgement: mail('2026-11-02T11:00:00.000Z'),
        'verification-code': mail('2026-11-02T11:01:00.000Z'),
        'extension-notice': mail('2026-11-20T09:00:00.000Z'),
      },
    });

    expect(answeredDate(request)).toBeUndefined();
  });

  it('returns the Oslo date of the reply, not the UTC date (23:30 UTC is the next day in Oslo)', () => {
    const request = aCase('2026-11-02', { mailsSent: { reply: mail('2026-11-30T23:30:00.000Z') } });

    expect(answeredDate(request)).toBe('2026-12-01');
  });

  it.each(['unverified-closure', 'closure-merged', 'closure-manifestly-unfounded', 'closure-excessive'])(
    'counts the %s letter as the final answer',
    (purpose) => {
      expect(answeredDate(aCase('2026-11-02', { mailsSent: { [purpose]: mail('2026-11-16T08:00:00.000Z') } }))).toBe('2026-11-16');
    },
  );

  it('returns the earliest final answer when more than one was sent', () => {
    const request = aCase('2026-11-02', {
      mailsSent: { reply: mail('2026-11-20T08:00:00.000Z'), 'closure-excessive': mail('2026-11-10T08:00:00+01:00') },
    });

    expect(answeredDate(request)).toBe('2026-11-10');
  });
});

describe('closedDate', () => {
  it('returns undefined while the case is open, even after the reply', () => {
    expect(closedDate(aCase('2026-11-02', { status: 'replied', mailsSent: { reply: mail('2026-11-20T08:00:00.000Z') } }))).toBeUndefined();
  });

  it('returns the staff closure date for a case staff closed', () => {
    const request = aCase('2026-11-02', {
      status: 'closed',
      closure: { kind: 'merged', reason: 'Duplikat.', by: 'staff:ola', at: '2026-11-05T09:00:00.000Z', mergedInto: 'NK-1' },
      updatedAt: '2026-12-20T09:00:00.000Z',
    });

    expect(closedDate(request)).toBe('2026-11-05');
  });

  it('returns the reply date rather than updatedAt, which a later download of the export moves', () => {
    const request = aCase('2026-11-02', {
      status: 'closed',
      mailsSent: { reply: mail('2026-11-20T08:00:00.000Z') },
      updatedAt: '2026-12-03T15:00:00.000Z',
    });

    expect(closedDate(request)).toBe('2026-11-20');
  });

  it('falls back to the Oslo date of updatedAt for a closed case without any final answer recorded', () => {
    expect(closedDate(aCase('2026-11-02', { status: 'closed', updatedAt: '2026-11-09T23:15:00.000Z' }))).toBe('2026-11-10');
  });
});
