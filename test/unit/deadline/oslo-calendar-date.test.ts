import { describe, it, expect } from 'vitest';
import { InvalidDateError } from '../../../functions/domain/deadline/calendar-date.js';
import {
  InvalidInstantError,
  osloCalendarDate,
  osloWallClockInstant,
  parseInstant,
} from '../../../functions/domain/deadline/oslo-calendar-date.js';

// Oslo is UTC+01:00 (CET) in winter and UTC+02:00 (CEST) in summer. EU rule: summer time from
// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
// 2026: 1 Mar is a Sunday → last March Sunday is 29 Mar; 1 Oct is a Thursday → Sundays 4, 11,
// 18, 25 → last October Sunday is 25 Oct. So CEST runs 2026-03-29T01:00Z … 2026-10-25T01:00Z.

describe('osloCalendarDate', () => {
  it.each([
    // Winter (+01:00): Oslo midnight is 23:00Z the day before.
    ['2026-01-31T22:59:59Z', '2026-01-31'], // 23:59:59 Oslo
    ['2026-01-31T23:00:00Z', '2026-02-01'], // 00:00 Oslo
    ['2026-01-31T23:15:00Z', '2026-02-01'], // 00:15 Oslo — the UTC date would be wrong
    ['2026-02-01T00:59:59Z', '2026-02-01'], // 01:59:59 Oslo
    ['2026-01-12T23:30:00Z', '2026-01-13'],
    // Summer (+02:00): Oslo midnight is 22:00Z the day before.
    ['2026-06-30T21:59:59Z', '2026-06-30'], // 23:59:59 Oslo
    ['2026-06-30T22:00:00Z', '2026-07-01'], // 00:00 Oslo
    ['2026-06-30T22:30:00Z', '2026-07-01'], // 00:30 Oslo
    ['2026-06-30T23:59:59Z', '2026-07-01'], // 01:59:59 Oslo
    ['2026-06-30T21:59:59.999Z', '2026-06-30'],
    ['2026-06-30T21:59:59.9999999Z', '2026-06-30'], // sub-millisecond digits never round up
    // Spring-forward night 28/29 Mar 2026: still CET until 01:00Z on the 29th.
    ['2026-03-28T22:59:59Z', '2026-03-28'], // 23:59:59 CET
    ['2026-03-28T23:00:00Z', '2026-03-29'], // 00:00 CET
    ['2026-03-28T23:30:00Z', '2026-03-29'], // 00:30 CET
    ['2026-03-29T00:59:59Z', '2026-03-29'], // 01:59:59 CET, last second before the switch
    ['2026-03-29T01:00:00Z', '2026-03-29'], // 03:00 CEST
    // The first summer-time midnight, at the end of 29 Mar, is 22:00Z.
    ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30'], // 00:00 CEST
    // Fall-back night 24/25 Oct 2026: still CEST until 01:00Z on the 25th.
    ['2026-10-24T21:59:59Z', '2026-10-24'], // 23:59:59 CEST
    ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST
    ['2026-10-24T22:30:00Z', '2026-10-25'], // 00:30 CEST
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 02:30 CEST (first pass)
    ['2026-10-25T01:30:00Z', '2026-10-25'], // 02:30 CET (second pass)
    // The first winter-time midnight, at the end of 25 Oct, is 23:00Z.
    ['2026-10-25T22:30:00Z', '2026-10-25'], // 23:30 CET — would be the 26th under CEST
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // Year boundary and leap day.
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2027-12-31T22:59:59Z', '2027-12-31'],
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2028-02-29T23:00:00Z', '2028-03-01'],
  ])('returns $1 when the instant is $0', (instant, expected) => {
    expect(osloCalendarDate(instant)).toBe(expected);
  });

  it.each([
    ['2026-02-01T00:15:00+01:00', '2026-02-01'], // already Oslo winter time
    ['2026-01-31T18:15:00-05:00', '2026-02-01'], // = 23:15Z = 00:15 Oslo
    ['2026-02-01T08:00:00+09:00', '2026-02-01'], // = 2026-01-31T23:00Z = 00:00 Oslo
    ['2026-02-01T07:59:59+09:00', '2026-01-31'], // = 22:59:59Z = 23:59:59 Oslo on the 31st
    ['2026-07-01T00:30:00+02:00', '2026-07-01'],
    ['2026-06-30T23:30:00+01:00', '2026-07-01'], // = 22:30Z = 00:30 CEST
    ['2026-06-30T20:00:00-02:30', '2026-07-01'], // = 22:30Z
    ['2026-01-01T00:30:00+00:00', '2026-01-01'],
    ['2026-01-01T00:30:00-00:00', '2026-01-01'],
    ['2026-01-31T23:15Z', '2026-02-01'], // seconds are optional
    ['2026-01-31t23:15:00z', '2026-02-01'], // RFC 3339 allows lower-case t and z
    ['2026-01-31T23:15:00,5Z', '2026-02-01'], // ISO-8601 decimal comma
  ])('returns $1 when the instant $0 carries an explicit offset', (instant, expected) => {
    expect(osloCalendarDate(instant)).toBe(expected);
  });

  it('returns the Oslo date when given a Date object', () => {
    expect(osloCalendarDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(osloCalendarDate(new Date(Date.UTC(2026, 0, 31, 23, 15)))).toBe('2026-02-01');
  });

  it.each([
    ['2026-01-01T10:00:00'], // no offset: ambiguous
    ['2026-01-01T10:00'],
    ['2026-01-01T10:00:00.000'],
    ['2026-01-01 10:00:00'],
    ['2026-01-01'], // a date is not an instant
    ['2026-02-30T10:00:00Z'], // no such day
    ['2026-13-01T10:00:00Z'],
    ['2026-01-01T24:00:00Z'],
    ['2026-01-01T10:60:00Z'],
    ['2026-01-01T10:00:60Z'], // leap seconds are not supported
    ['2026-01-01T10:00:00+25:00'],
    ['2026-01-01T10:00:00+01:60'],
    ['2026-01-01T10:00:00+01'],
    ['2026-01-01T10:00:00+0100'],
    ['2026-01-01T10:00:00 Z'],
    ['2026-01-01T10:00:00.Z'],
    ['0001-01-01T00:00:00Z'], // before the supported range
    ['9999-12-31T12:00:00Z'], // after it
    ['1 January 2026'],
    [''],
  ])('throws InvalidInstantError when the instant is $0', (instant) => {
    expect(() => osloCalendarDate(instant)).toThrow(InvalidInstantError);
  });

  it('throws InvalidInstantError when given an invalid Date or a non-string', () => {
    expect(() => osloCalendarDate(new Date('not a date'))).toThrow(InvalidInstantError);
    expect(() => osloCalendarDate(1767225600000 as unknown as string)).toThrow(InvalidInstantError);
    expect(() => osloCalendarDate(null as unknown as string)).toThrow(InvalidInstantError);
  });

  it('returns an error that names the missing offset when the instant is a local time', () => {
    try {
      osloCalendarDate('2026-01-01T10:00:00');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInstantError);
      expect(error).toBeInstanceOf(Error);
      expect((error as InvalidInstantError).name).toBe('InvalidInstantError');
      expect((error as InvalidInstantError).message).toMatch(/offset/);
      expect((error as InvalidInstantError).value).toBe('2026-01-01T10:00:00');
    }
  });
});

describe('parseInstant', () => {
  it('returns epoch milliseconds when given an instant with Z or an offset', () => {
    // 2026-01-01T00:00Z: 20 454 days after 1970-01-01 (56 years, 14 leap days) × 86 400 000 ms.
    expect(parseInstant('2026-01-01T00:00:00Z')).toBe(20454 * 86_400_000);
    expect(parseInstant('2026-01-01T01:00:00+01:00')).toBe(20454 * 86_400_000);
    expect(parseInstant('2025-12-31T19:00:00-05:00')).toBe(20454 * 86_400_000);
    expect(parseInstant('2026-01-01T00:00:00.123Z')).toBe(20454 * 86_400_000 + 123);
    expect(parseInstant('2026-01-01T00:00:00.1Z')).toBe(20454 * 86_400_000 + 100);
  });

  it('returns the same value as Date when given a Date', () => {
    const date = new Date('2026-05-17T10:11:12.013Z');
    expect(parseInstant(date)).toBe(date.getTime());
  });

  it('returns a value that does not depend on how years below 100 are handled by Date.UTC', () => {
    // Date.UTC(50, 0, 1) would mean 1950; the parser must keep year 0050.
    expect(new Date(parseInstant('0050-01-01T00:00:00Z')).toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });
});

describe('osloWallClockInstant', () => {
  it.each([
    ['2026-12-23', '23:59:59', '2026-12-23T23:59:59+01:00'], // winter
    ['2026-07-01', '23:59:59', '2026-07-01T23:59:59+02:00'], // summer
    ['2026-03-28', '23:59:59', '2026-03-28T23:59:59+01:00'], // eve of the spring switch
    ['2026-03-29', '01:59:59', '2026-03-29T01:59:59+01:00'], // last second of CET
    ['2026-03-29', '03:00', '2026-03-29T03:00:00+02:00'], // first second of CEST
    ['2026-03-29', '02:30', '2026-03-29T03:30:00+02:00'], // skipped hour: moved forward by the gap
    ['2026-03-29', '23:59:59', '2026-03-29T23:59:59+02:00'],
    ['2026-10-24', '23:59:59', '2026-10-24T23:59:59+02:00'],
    ['2026-10-25', '02:30:00', '2026-10-25T02:30:00+02:00'], // repeated hour: earlier reading
    ['2026-10-25', '03:00:00', '2026-10-25T03:00:00+01:00'], // after the repeat, CET only
    ['2026-10-25', '23:59:59', '2026-10-25T23:59:59+01:00'],
    ['2026-01-01', '00:00', '2026-01-01T00:00:00+01:00'],
  ])('returns $2 when given $0 at $1 Oslo time', (date, time, expected) => {
    expect(osloWallClockInstant(date, time)).toBe(expected);
  });

  it('returns an instant whose Oslo date is the given date', () => {
    expect(osloCalendarDate(osloWallClockInstant('2026-06-30', '23:59:59'))).toBe('2026-06-30');
    expect(osloCalendarDate(osloWallClockInstant('2026-06-30', '00:00'))).toBe('2026-06-30');
  });

  it.each([['24:00'], ['7:00'], ['12:60'], ['12:00:60'], ['noon'], ['']])(
    'throws InvalidInstantError when the time of day is $0',
    (time) => {
      expect(() => osloWallClockInstant('2026-01-01', time)).toThrow(InvalidInstantError);
    },
  );

  it('throws InvalidDateError when the date is malformed or at the edge of the range', () => {
    expect(() => osloWallClockInstant('2026-02-30', '12:00')).toThrow(InvalidDateError);
    expect(() => osloWallClockInstant('9999-12-31', '12:00')).toThrow(InvalidDateError);
    expect(() => osloWallClockInstant('0001-01-01', '12:00')).toThrow(InvalidDateError);
  });
});
