import { describe, it, expect } from 'vitest';
import { InvalidDateError } from '../../../functions/domain/deadline/calendar-date.js';
import { InvalidInstantError } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import {
  EXTENDED_PERIOD_MONTHS,
  STATUTORY_PERIOD_MONTHS,
  deadlineFromReceiptDate,
  endOfDeadlineInstant,
  statutoryDeadline,
} from '../../../functions/domain/deadline/statutory-deadline.js';

// Every expected value below was worked out by hand: receipt date → same day-of-month one (or
// three) months later, clamped to the month's last day → rolled past weekends and holidays.
// Weekday anchors (first of each month):
//   2025: Dec 1 Mon.
//   2026: Jan Thu, Feb Sun, Mar Sun, Apr Wed, May Fri, Jun Mon, Jul Wed, Aug Sat, Sep Tue,
//         Oct Thu, Nov Sun, Dec Tue.
//   2027: Jan Fri, Feb Mon, Mar Mon, Apr Thu, May Sat, Jun Tue, Jul Thu, Aug Sun, Sep Wed,
//         Oct Fri, Nov Mon, Dec Wed.
//   2028: Jan Sat, Feb Tue, Mar Wed, Apr Sat, May Mon, Jun Thu, Jul Sat, Aug Tue, Sep Fri,
//         Oct Sun, Nov Wed, Dec Fri.
//   2029: Jan Mon, Feb Thu, Mar Thu, Apr Sun, May Tue, Jun Fri, Jul Sun, Aug Wed, Sep Sat,
//         Oct Mon, Nov Thu, Dec Sat.
//   2030: Jan Tue, Feb Fri, Mar Fri, Apr Mon, May Wed, Jun Sat, Jul Mon, Aug Thu, Sep Sun,
//         Oct Tue, Nov Fri, Dec Sun.
// Holidays: see norwegian-public-holidays.test.ts (Easter 2026-04-05, 2027-03-28, 2028-04-16,
// 2029-04-01, 2030-04-21).

describe('deadlineFromReceiptDate', () => {
  it.each([
    ['2026-01-13', '2026-02-13'], // Fri 13 Feb: a working day, no adjustment
    ['2026-01-14', '2026-02-16'], // Sat 14 Feb → Mon 16
    ['2026-01-15', '2026-02-16'], // Sun 15 Feb → Mon 16
    ['2026-06-10', '2026-07-10'], // Fri 10 Jul
    ['2027-06-08', '2027-07-08'], // Thu 8 Jul
    ['2028-09-12', '2028-10-12'], // Thu 12 Oct
    ['2029-10-03', '2029-11-05'], // Sat 3 Nov → Mon 5
    ['2030-02-12', '2030-03-12'], // Tue 12 Mar
  ])('returns $1 when the receipt date is $0 (ordinary month)', (receipt, expected) => {
    expect(deadlineFromReceiptDate(receipt)).toBe(expected);
  });

  it.each([
    // January → February, non-leap 2026: Feb 28 is a Saturday → Mon 2 Mar.
    ['2026-01-31', '2026-03-02'],
    ['2026-01-30', '2026-03-02'],
    ['2026-01-29', '2026-03-02'],
    ['2026-01-28', '2026-03-02'], // not clamped, but 28 Feb is still a Saturday
    ['2026-01-27', '2026-02-27'], // Fri 27 Feb
    // Leap year 2028: Feb 29 exists and is a Tuesday.
    ['2028-01-31', '2028-02-29'],
    ['2028-01-30', '2028-02-29'],
    ['2028-01-29', '2028-02-29'],
    ['2028-01-28', '2028-02-28'], // Mon 28 Feb
    // Non-leap 2027: Feb 28 is a Sunday → Mon 1 Mar.
    ['2027-01-31', '2027-03-01'],
    ['2027-01-29', '2027-03-01'],
    // Non-leap 2029: Feb 28 is a Wednesday.
    ['2029-01-31', '2029-02-28'],
    ['2029-01-30', '2029-02-28'],
    // Non-leap 2030: Feb 28 is a Thursday.
    ['2030-01-31', '2030-02-28'],
    // 31 Mar → 30 Apr.
    ['2026-03-31', '2026-04-30'], // Thu
    ['2026-03-30', '2026-04-30'],
    ['2027-03-31', '2027-04-30'], // Fri
    ['2028-03-31', '2028-05-02'], // Sun 30 Apr → Mon 1 May (holiday) → Tue 2 May
    ['2029-03-31', '2029-04-30'], // Mon
    // 31 May → 30 Jun.
    ['2026-05-31', '2026-06-30'], // Tue
    ['2027-05-31', '2027-06-30'], // Wed
    ['2029-05-31', '2029-07-02'], // Sat 30 Jun → Sun 1 Jul → Mon 2 Jul
    // 31 Aug → 30 Sep.
    ['2026-08-31', '2026-09-30'], // Wed
    ['2029-08-31', '2029-10-01'], // Sun 30 Sep → Mon 1 Oct
    ['2030-08-31', '2030-09-30'], // Mon
    // 31 Oct → 30 Nov.
    ['2026-10-31', '2026-11-30'], // Mon
    ['2027-10-31', '2027-11-30'], // Tue
    ['2030-10-31', '2030-12-02'], // Sat 30 Nov → Sun 1 Dec → Mon 2 Dec
    // 31 Jul → 31 Aug: both months have 31 days, nothing to clamp.
    ['2026-07-31', '2026-08-31'], // Mon
  ])('returns $1 when the receipt date is $0 (short target month)', (receipt, expected) => {
    expect(deadlineFromReceiptDate(receipt)).toBe(expected);
  });

  it.each([
    // New Year's Day.
    ['2025-12-01', '2026-01-02'], // Thu 1 Jan H → Fri 2
    ['2026-12-01', '2027-01-04'], // Fri 1 Jan H → Sat → Sun → Mon 4
    ['2028-12-01', '2029-01-02'], // Mon 1 Jan H → Tue 2
    ['2029-12-01', '2030-01-02'], // Tue 1 Jan H → Wed 2
    // Maundy Thursday → Good Friday → Saturday → Easter Sunday → Easter Monday → Tuesday.
    ['2026-03-02', '2026-04-07'],
    ['2027-02-25', '2027-03-30'],
    ['2028-03-13', '2028-04-18'],
    ['2030-03-18', '2030-04-23'],
    // Good Friday, Easter Saturday, Easter Sunday and Easter Monday as landing days.
    ['2026-03-03', '2026-04-07'], // Good Friday 3 Apr
    ['2027-02-26', '2027-03-30'], // Good Friday 26 Mar
    ['2026-03-04', '2026-04-07'], // Saturday 4 Apr
    ['2026-03-05', '2026-04-07'], // Easter Sunday 5 Apr
    ['2027-02-28', '2027-03-30'], // Easter Sunday 28 Mar (receipt itself a Sunday)
    ['2026-03-06', '2026-04-07'], // Easter Monday 6 Apr
    ['2029-03-02', '2029-04-03'], // Easter Monday 2 Apr
    ['2026-03-07', '2026-04-07'], // Tue 7 Apr: first working day after Easter, no move
    // 1 May.
    ['2026-04-01', '2026-05-04'], // Fri 1 May H → Sat → Sun → Mon 4
    ['2028-04-01', '2028-05-02'], // Mon 1 May H → Tue 2
    ['2029-04-01', '2029-05-02'], // Tue 1 May H → Wed 2 (receipt on Easter Sunday: start not moved)
    ['2030-04-01', '2030-05-02'], // Wed 1 May H → Thu 2
    // 17 May.
    ['2028-04-17', '2028-05-18'], // Wed 17 May H → Thu 18 (receipt on Easter Monday)
    ['2029-04-17', '2029-05-18'], // Thu 17 May H → Fri 18
    ['2030-04-17', '2030-05-20'], // Fri 17 May H → Sat → Sun → Mon 20
    ['2026-04-17', '2026-05-18'], // Sun 17 May H → Mon 18 (no extra substitute day)
    ['2027-04-17', '2027-05-18'], // Mon 17 May, also Whit Monday → Tue 18
    ['2027-04-16', '2027-05-18'], // Sun 16 May Whit Sunday → Mon 17 H → Tue 18
    ['2027-04-15', '2027-05-18'], // Sat 15 May → Sun H → Mon H → Tue 18
    // Ascension Day (always a Thursday) → Friday.
    ['2026-04-14', '2026-05-15'],
    ['2027-04-06', '2027-05-07'],
    ['2028-04-25', '2028-05-26'],
    ['2029-04-10', '2029-05-11'],
    ['2030-04-30', '2030-05-31'],
    // Whit Sunday / Whit Monday.
    ['2026-04-24', '2026-05-26'], // Sun 24 May H → Mon 25 H → Tue 26
    ['2026-04-25', '2026-05-26'], // Mon 25 May H → Tue 26
    ['2028-05-05', '2028-06-06'], // Mon 5 Jun H → Tue 6
    ['2029-04-21', '2029-05-22'], // Mon 21 May H → Tue 22
    ['2030-05-10', '2030-06-11'], // Mon 10 Jun H → Tue 11
    ['2030-05-08', '2030-06-11'], // Sat 8 Jun → Sun 9 H → Mon 10 H → Tue 11
    // Christmas.
    ['2026-11-25', '2026-12-28'], // Fri 25 Dec H → Sat 26 H → Sun 27 → Mon 28
    ['2027-11-25', '2027-12-27'], // Sat 25 H → Sun 26 H → Mon 27
    ['2028-11-25', '2028-12-27'], // Mon 25 H → Tue 26 H → Wed 27
    ['2029-11-25', '2029-12-27'], // Tue 25 H → Wed 26 H → Thu 27
    ['2029-11-26', '2029-12-27'], // Wed 26 H → Thu 27
    ['2030-11-25', '2030-12-27'], // Wed 25 H → Thu 26 H → Fri 27
    // Christmas Eve and New Year's Eve are working days.
    ['2026-11-24', '2026-12-24'], // Thu 24 Dec stays
    ['2027-11-24', '2027-12-24'], // Fri 24 Dec stays
    ['2029-11-24', '2029-12-24'], // Mon 24 Dec stays
    ['2029-11-29', '2029-12-31'], // Sat 29 Dec → Sun 30 → Mon 31 Dec stays
  ])('returns $1 when the receipt date is $0 (holiday or weekend landing)', (receipt, expected) => {
    expect(deadlineFromReceiptDate(receipt)).toBe(expected);
  });

  it.each([
    ['2026-12-31', '2027-02-01'], // Sun 31 Jan → Mon 1 Feb
    ['2026-12-30', '2027-02-01'], // Sat 30 Jan → Sun → Mon 1 Feb
    ['2027-12-31', '2028-01-31'], // Mon 31 Jan 2028
    ['2026-12-15', '2027-01-15'], // Fri 15 Jan
  ])('returns $1 when the receipt date $0 is in December (year boundary)', (receipt, expected) => {
    expect(deadlineFromReceiptDate(receipt)).toBe(expected);
  });

  it.each([
    // Nov → Feb across the year boundary.
    ['2026-11-30', '2027-03-01'], // 30 Feb → 28 Feb 2027 (Sun) → Mon 1 Mar
    ['2027-11-30', '2028-02-29'], // 30 Feb → 29 Feb 2028 (Tue, leap)
    ['2027-11-29', '2028-02-29'], // exists in 2028, Tue
    ['2027-11-28', '2028-02-28'], // Mon
    ['2028-11-30', '2029-02-28'], // → 28 Feb 2029 (Wed)
    ['2028-11-29', '2029-02-28'], // 29 Feb 2029 does not exist → 28 (Wed)
    // Dec → Mar.
    ['2025-12-31', '2026-03-31'], // Tue
    ['2026-12-31', '2027-03-31'], // Wed
    ['2028-12-31', '2029-04-03'], // Sat 31 Mar → Easter Sun 1 Apr → Easter Mon 2 → Tue 3
    ['2028-12-29', '2029-04-03'], // Maundy Thu 29 Mar → Good Fri → Sat → Sun → Mon → Tue 3
    // Oct → Jan.
    ['2026-10-31', '2027-02-01'], // 31 Jan 2027 (Sun) → Mon 1 Feb
    ['2027-10-31', '2028-01-31'], // Mon
    ['2026-10-01', '2027-01-04'], // Fri 1 Jan H → Mon 4
    // Short target months.
    ['2026-01-31', '2026-04-30'], // Thu 30 Apr
    ['2027-01-31', '2027-04-30'], // Fri 30 Apr
    ['2028-01-31', '2028-05-02'], // Sun 30 Apr → Mon 1 May H → Tue 2
    ['2026-03-31', '2026-06-30'], // Tue
    ['2026-05-31', '2026-08-31'], // Mon (31 Aug exists)
    // Holidays as landing days.
    ['2026-01-02', '2026-04-07'], // Maundy Thu 2 Apr → Tue 7
    ['2026-02-17', '2026-05-18'], // Sun 17 May → Mon 18
    ['2029-02-21', '2029-05-22'], // Whit Mon 21 May → Tue 22
    ['2026-09-25', '2026-12-28'], // Fri 25 Dec → Mon 28
  ])('returns $1 when the receipt date is $0 and the period is extended', (receipt, expected) => {
    expect(deadlineFromReceiptDate(receipt, { extended: true })).toBe(expected);
  });

  it('returns three months from the receipt date, not two months from the first deadline, when extended', () => {
    // Receipt 31 Jan 2026: first deadline is Mon 2 Mar (28 Feb is a Saturday). Two months from
    // 2 Mar would be Sat 2 May → Mon 4 May; two months from the clamped 28 Feb would be Tue 28 Apr.
    // Counting three months from 31 Jan gives Thu 30 Apr.
    expect(deadlineFromReceiptDate('2026-01-31')).toBe('2026-03-02');
    expect(deadlineFromReceiptDate('2026-01-31', { extended: true })).toBe('2026-04-30');
  });

  it('returns the one-month deadline when extended is false or omitted', () => {
    expect(deadlineFromReceiptDate('2026-01-02', { extended: false })).toBe('2026-02-02'); // Mon
    expect(deadlineFromReceiptDate('2026-01-02', {})).toBe('2026-02-02');
    expect(deadlineFromReceiptDate('2026-01-02')).toBe('2026-02-02');
  });

  it('returns a deadline computed from the receipt date even when that date is a weekend or holiday', () => {
    // Receipt on Sat 4 Apr 2026 (Easter Saturday): 4 May is a Monday, not moved.
    expect(deadlineFromReceiptDate('2026-04-04')).toBe('2026-05-04');
    // Receipt on Christmas Day 2026: 25 Jan 2027 is a Monday.
    expect(deadlineFromReceiptDate('2026-12-25')).toBe('2027-01-25');
    // Receipt on 1 Jan 2027: 1 Feb is a Monday.
    expect(deadlineFromReceiptDate('2027-01-01')).toBe('2027-02-01');
  });

  it('throws InvalidDateError when the receipt date is malformed', () => {
    expect(() => deadlineFromReceiptDate('2026-02-29')).toThrow(InvalidDateError);
    expect(() => deadlineFromReceiptDate('2026-1-31')).toThrow(InvalidDateError);
    expect(() => deadlineFromReceiptDate('2026-01-31T10:00:00Z')).toThrow(InvalidDateError);
  });

  it('returns the period lengths of Art. 12(3)', () => {
    expect(STATUTORY_PERIOD_MONTHS).toBe(1);
    expect(EXTENDED_PERIOD_MONTHS).toBe(3);
  });
});

describe('statutoryDeadline', () => {
  it.each([
    // Summer: 22:30Z on 30 Jun is 00:30 CEST on 1 Jul → 1 Aug (Sat) → Mon 3 Aug.
    // (The UTC date, 30 Jun, would give Thu 30 Jul.)
    ['2026-06-30T22:30:00Z', '2026-08-03'],
    ['2026-06-30T21:59:59Z', '2026-07-30'], // 23:59:59 CEST on 30 Jun → Thu 30 Jul
    ['2026-07-01T00:30:00+02:00', '2026-08-03'],
    // Winter: 23:30Z on 12 Jan is 00:30 CET on 13 Jan → Fri 13 Feb (UTC date would give Thu 12).
    ['2026-01-12T23:30:00Z', '2026-02-13'],
    ['2026-01-12T22:59:59Z', '2026-02-12'],
    ['2026-01-13T01:59:59+01:00', '2026-02-13'],
    // 23:15Z on 31 Jan is 1 Feb in Oslo → 1 Mar (Sun) → Mon 2 Mar.
    ['2026-01-31T23:15:00Z', '2026-03-02'],
    // Spring-forward night: 23:30Z on 28 Mar is 00:30 CET on 29 Mar → Wed 29 Apr (UTC: Tue 28).
    ['2026-03-28T23:30:00Z', '2026-04-29'],
    ['2026-03-28T22:59:59Z', '2026-04-28'],
    ['2026-03-29T00:30:00Z', '2026-04-29'], // 01:30 CET
    ['2026-03-29T01:30:00Z', '2026-04-29'], // 03:30 CEST
    // Fall-back night: 22:30Z on 24 Oct is 00:30 CEST on 25 Oct → Wed 25 Nov (UTC: Tue 24).
    ['2026-10-24T22:30:00Z', '2026-11-25'],
    ['2026-10-24T21:59:59Z', '2026-11-24'],
    // 22:30Z on 25 Oct is already CET: 23:30 on the 25th, not the 26th → Wed 25 Nov.
    ['2026-10-25T22:30:00Z', '2026-11-25'],
    ['2026-10-25T23:30:00Z', '2026-11-26'], // 00:30 CET on 26 Oct → Thu 26 Nov
    // Year boundary: 23:30Z on 31 Dec 2027 is 00:30 on 1 Jan 2028 → Tue 1 Feb 2028
    // (the UTC date would give Mon 31 Jan).
    ['2027-12-31T23:30:00Z', '2028-02-01'],
    // Leap day: 23:00Z on 28 Feb 2028 is 00:00 on 29 Feb → Wed 29 Mar.
    ['2028-02-28T23:00:00Z', '2028-03-29'],
    // Other offsets: 18:30 at UTC−05:00 on 31 May 2029 is 23:30Z = 01:30 CEST on 1 Jun
    // → 1 Jul (Sun) → Mon 2 Jul.
    ['2029-05-31T18:30:00-05:00', '2029-07-02'],
  ])('returns $1 when the request is received at $0', (receivedAt, expected) => {
    expect(statutoryDeadline(receivedAt)).toBe(expected);
  });

  it('returns the three-month deadline from the Oslo receipt date when extended', () => {
    // 23:30Z on 31 Oct 2026 is 00:30 CET on 1 Nov → 1 Feb 2027 (Mon).
    // (The UTC date, 31 Oct, would give 31 Jan → Mon 1 Feb as well — so also check a case where
    // it matters:) 22:30Z on 30 Jun 2026 is 1 Jul in Oslo → 1 Oct (Thu); UTC date → Wed 30 Sep.
    expect(statutoryDeadline('2026-10-31T23:30:00Z', { extended: true })).toBe('2027-02-01');
    expect(statutoryDeadline('2026-06-30T22:30:00Z', { extended: true })).toBe('2026-10-01');
    expect(statutoryDeadline('2026-06-30T22:30:00Z', { extended: false })).toBe('2026-08-03');
  });

  it('returns the same deadline when given a Date object', () => {
    expect(statutoryDeadline(new Date('2026-06-30T22:30:00Z'))).toBe('2026-08-03');
    expect(statutoryDeadline(new Date('2026-03-02T09:00:00Z'))).toBe('2026-04-07');
  });

  it.each([['2026-03-02T10:00:00'], ['2026-03-02'], ['2026-02-30T10:00:00Z'], ['yesterday']])(
    'throws InvalidInstantError when the request is received at $0',
    (receivedAt) => {
      expect(() => statutoryDeadline(receivedAt)).toThrow(InvalidInstantError);
    },
  );

  it('throws InvalidInstantError when given an invalid Date', () => {
    expect(() => statutoryDeadline(new Date(Number.NaN))).toThrow(InvalidInstantError);
  });
});

describe('endOfDeadlineInstant', () => {
  it.each([
    ['2026-12-23', '2026-12-23T23:59:59+01:00'], // winter: CET
    ['2026-07-01', '2026-07-01T23:59:59+02:00'], // summer: CEST
    ['2026-04-07', '2026-04-07T23:59:59+02:00'],
    ['2026-03-28', '2026-03-28T23:59:59+01:00'], // day before the spring switch
    ['2026-03-29', '2026-03-29T23:59:59+02:00'], // switch day: the evening is CEST
    ['2026-10-24', '2026-10-24T23:59:59+02:00'], // day before the autumn switch
    ['2026-10-25', '2026-10-25T23:59:59+01:00'], // switch day: the evening is CET
    ['2028-02-29', '2028-02-29T23:59:59+01:00'],
    ['2029-12-31', '2029-12-31T23:59:59+01:00'],
  ])('returns $1 when the due date is $0', (dueDate, expected) => {
    expect(endOfDeadlineInstant(dueDate)).toBe(expected);
  });

  it('returns an instant that is the last second of the due date in Oslo', () => {
    const end = Date.parse(endOfDeadlineInstant('2026-08-03'));
    // 23:59:59+02:00 on 3 Aug = 21:59:59Z; one second later is Oslo midnight.
    expect(new Date(end).toISOString()).toBe('2026-08-03T21:59:59.000Z');
  });

  it('throws InvalidDateError when the due date is malformed', () => {
    expect(() => endOfDeadlineInstant('2026-02-30')).toThrow(InvalidDateError);
    expect(() => endOfDeadlineInstant('2026-08-03T23:59:59+02:00')).toThrow(InvalidDateError);
  });
});
