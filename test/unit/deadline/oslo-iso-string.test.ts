import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';

describe('toOsloIsoString', () => {
  it.each([
    ['2026-01-15T12:00:00.000Z', '2026-01-15T13:00:00.000+01:00'],
    ['2026-11-23T20:05:09.120Z', '2026-11-23T21:05:09.120+01:00'],
    ['2026-07-15T12:00:00.000Z', '2026-07-15T14:00:00.000+02:00'],
    ['2026-12-31T23:30:00.000Z', '2027-01-01T00:30:00.000+01:00'],
    ['2026-06-30T22:00:00.000Z', '2026-07-01T00:00:00.000+02:00'],
  ])('returns %s as %s', (utc, oslo) => {
    // Act
    const result = toOsloIsoString(new Date(utc));
    // Assess
    expect(result).toBe(oslo);
  });

  it.each([
    ['2026-03-29T00:59:59.999Z', '2026-03-29T01:59:59.999+01:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000+02:00'],
    ['2026-10-25T00:59:59.999Z', '2026-10-25T02:59:59.999+02:00'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000+01:00'],
    ['2027-03-28T01:00:00.000Z', '2027-03-28T03:00:00.000+02:00'],
    ['2027-10-31T00:30:00.000Z', '2027-10-31T02:30:00.000+02:00'],
    ['2027-10-31T01:30:00.000Z', '2027-10-31T02:30:00.000+01:00'],
  ])('returns %s as %s when the instant is at a daylight-saving switch', (utc, oslo) => {
    expect(toOsloIsoString(new Date(utc))).toBe(oslo);
  });

  it.each([
    ['2026-11-23T20:05:09.007Z', '.007+01:00'],
    ['2026-11-23T20:05:09.000Z', '.000+01:00'],
    ['2026-11-23T20:05:09.999Z', '.999+01:00'],
  ])('returns the milliseconds of %s', (utc, ending) => {
    expect(toOsloIsoString(new Date(utc)).endsWith(ending)).toBe(true);
  });

  const instants = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2200-12-31T23:59:59.999Z'), noInvalidDate: true });

  it('returns a string naming the same instant when parsed back (property)', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(new Date(toOsloIsoString(instant)).getTime()).toBe(instant.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('returns ISO-8601 with a +01:00 or +02:00 offset for any instant (property)', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(toOsloIsoString(instant)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the same instant for every millisecond around both 2026 switches', () => {
    for (const switchAt of ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']) {
      const base = new Date(switchAt).getTime();
      for (let delta = -2000; delta <= 2000; delta += 7) {
        const instant = new Date(base + delta);
        expect(new Date(toOsloIsoString(instant)).getTime()).toBe(instant.getTime());
      }
    }
  });
});
