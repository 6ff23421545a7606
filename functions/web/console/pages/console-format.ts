import { daysBetween, osloCalendarDate } from '../../../domain/deadline/index.js';
import { formatCalendarDate } from '../../../domain/letter-format/format-calendar-date.js';

const DATE_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as Oslo wall-clock time, "23.11.2026 kl. 21:05": staff work in Oslo and compare
 * with phone notes and postmarks, whatever offset the instant was stored with. Unreadable input
 * is shown as given rather than breaking the page.
 */
export function osloDateTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const parts = Object.fromEntries(DATE_TIME.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} kl. ${parts.hour}:${parts.minute}`;
}

/** A calendar date in words, "23. desember 2026"; unreadable input is shown as given. */
export function longDate(date: string): string {
  try {
    return formatCalendarDate(date, 'nb');
  } catch {
    return date;
  }
}

/**
 * How long something received at `instant` has waited, counted in Oslo calendar days up to
 * `today`: «i dag», «1 dag», «3 dager». Calendar days, not hours, because staff judge a mail's
 * wait the way the statutory month runs: from the day it came in. A time after today (a clock a
 * little ahead) reads «i dag»; unreadable input gives undefined rather than breaking the page.
 */
export function ageInDays(instant: string, today: string): string | undefined {
  let days: number;
  try {
    days = daysBetween(osloCalendarDate(instant), today);
  } catch {
    return undefined;
  }
  if (days <= 0) return 'i dag';
  return `${days} ${days === 1 ? 'dag' : 'dager'}`;
}

/** "1 arbeidsdag" / "3 arbeidsdager". */
export const workingDays = (n: number): string => `${n} ${Math.abs(n) === 1 ? 'arbeidsdag' : 'arbeidsdager'}`;

/** Who did something, in words: `staff:kari` → "kari", `system:plan` → "Systemet (plan)". */
export function actorName(actor: string): string {
  if (actor.startsWith('staff:')) return actor.slice('staff:'.length);
  if (actor.startsWith('system:')) return `Systemet (${actor.slice('system:'.length)})`;
  if (actor === 'requester') return 'Den registrerte';
  return actor;
}
