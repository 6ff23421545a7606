import { describe, expect, it } from 'vitest';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import { parseReceiptTime } from '../../../functions/domain/manual-intake/receipt-time-field.js';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';

/** The stored form of a successful parse: Oslo local time with its offset. */
function stored(date: string, time: string, now: string): string {
  const result = parseReceiptTime(date, time, new Date(now));
  if (!result.ok) throw new Error(`expected ${date} ${time} to parse: ${JSON.stringify(result.errors)}`);
  return toOsloIsoString(result.receivedAt);
}

function errors(date: unknown, time: unknown, now: string) {
  const result = parseReceiptTime(date, time, new Date(now));
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseReceiptTime: Oslo local time to an instant', () => {
  it('reads an ordinary winter time with +01:00', () => {
    expect(stored('2026-11-23', '14:05', '2026-11-24T08:00:00.000Z')).toBe('2026-11-23T14:05:00.000+01:00');
  });

  it('keeps 00:30 on the spring-forward Sunday on that Oslo date, though it is the day before in UTC', () => {
    const receivedAt = stored('2026-03-29', '00:30', '2026-04-15T10:00:00.000Z');
    expect(receivedAt).toBe('2026-03-29T00:30:00.000+01:00');
    expect(new Date(receivedAt).toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(osloCalendarDate(receivedAt)).toBe('2026-03-29');
  });

  it('reads 00:30 on the autumn Sunday as still summer time (+02:00), two hours ahead of UTC', () => {
    const receivedAt = stored('2026-10-25', '00:30', '2026-11-10T10:00:00.000Z');
    expect(receivedAt).toBe('2026-10-25T00:30:00.000+02:00');
    expect(new Date(receivedAt).toISOString()).toBe('2026-10-24T22:30:00.000Z');
    expect(osloCalendarDate(receivedAt)).toBe('2026-10-25');
  });

  it('switches to +01:00 after the clocks went back', () => {
    expect(stored('2026-10-25', '03:30', '2026-11-10T10:00:00.000Z')).toBe('2026-10-25T03:30:00.000+01:00');
  });

  it('reads the repeated autumn hour as its first, summer-time occurrence', () => {
    expect(stored('2026-10-25', '02:30', '2026-11-10T10:00:00.000Z')).toBe('2026-10-25T02:30:00.000+02:00');
  });

  it('refuses a time the clocks skipped in spring, saying why, instead of moving it', () => {
    expect(errors('2026-03-29', '02:30', '2026-04-15T10:00:00.000Z')).toEqual([
      {
        field: 'received_time',
        message: 'Klokken 02:30 fantes ikke 29. mars 2026: klokkene ble stilt fram fra 02:00 til 03:00 (sommertid). Sjekk klokkeslettet.',
      },
    ]);
    expect(stored('2026-03-29', '03:00', '2026-04-15T10:00:00.000Z')).toBe('2026-03-29T03:00:00.000+02:00');
  });

  it('accepts a single-digit hour and the Norwegian 14.05 style', () => {
    expect(stored('2026-11-23', '9:05', '2026-11-24T08:00:00.000Z')).toBe('2026-11-23T09:05:00.000+01:00');
    expect(stored('2026-11-23', '14.05', '2026-11-24T08:00:00.000Z')).toBe('2026-11-23T14:05:00.000+01:00');
  });
});

describe('parseReceiptTime: guards against typing mistakes', () => {
  const now = '2026-11-24T08:00:00.000Z'; // 09:00 in Oslo

  it('refuses a date after today in Oslo', () => {
    expect(errors('2026-11-25', '08:00', now)).toEqual([
      { field: 'received_date', message: 'Datoen er fram i tid. Skriv datoen henvendelsen faktisk kom inn.' },
    ]);
  });

  it('refuses a later time today, and accepts one just before now', () => {
    expect(errors('2026-11-24', '09:30', now)).toEqual([
      { field: 'received_time', message: 'Klokkeslettet er fram i tid. Skriv når henvendelsen faktisk kom inn.' },
    ]);
    expect(stored('2026-11-24', '08:59', now)).toBe('2026-11-24T08:59:00.000+01:00');
  });

  it('takes today from the Oslo calendar: 00:15 on 1 December is allowed at 00:30 Oslo time, still 30 November in UTC', () => {
    expect(stored('2026-12-01', '00:15', '2026-11-30T23:30:00.000Z')).toBe('2026-12-01T00:15:00.000+01:00');
  });

  it('accepts a date exactly three months back and refuses the day before, explaining why', () => {
    expect(stored('2026-08-24', '10:00', now)).toBe('2026-08-24T10:00:00.000+02:00');
    const [error] = errors('2026-08-23', '10:00', now);
    expect(error?.field).toBe('received_date');
    expect(error?.message).toContain('mer enn tre måneder tilbake (før 24. august 2026)');
    expect(error?.message).toContain('svarfristen er én måned fra mottak');
  });

  it('refuses a wrong year such as last year’s date', () => {
    expect(errors('2025-11-23', '10:00', now)[0]?.field).toBe('received_date');
  });

  it('reports a malformed date and time together, each under its own field', () => {
    expect(errors('23.11.2026', '25:00', now)).toEqual([
      { field: 'received_date', message: 'Skriv inn datoen henvendelsen kom inn, som ÅÅÅÅ-MM-DD (for eksempel 2026-11-30).' },
      { field: 'received_time', message: 'Skriv inn klokkeslettet henvendelsen kom inn, som TT:MM (for eksempel 14:05).' },
    ]);
    expect(errors(undefined, '12:60', now).map((error) => error.field)).toEqual(['received_date', 'received_time']);
    expect(errors('2026-02-30', '10:00', now).map((error) => error.field)).toEqual(['received_date']);
  });
});
