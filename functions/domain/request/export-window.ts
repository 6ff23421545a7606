import { addDays, osloCalendarDate, osloWallClockInstant } from '../deadline/index.js';
import type { RightsRequest } from './rights-request.js';

/** Days an export can be downloaded when `EXPORT_DOWNLOAD_DAYS` is not set. */
export const DEFAULT_EXPORT_DOWNLOAD_DAYS = 14;

/**
 * When a package made at `now` stops being downloadable: the end (23:59:59, Europe/Oslo) of the
 * day `days` days after today in Oslo, so "until <date> inclusive" in the letter is exact.
 *
 * @example exportExpiresAt(new Date('2026-11-24T08:00:00Z'), 14) // '2026-12-08T23:59:59+01:00'
 */
export const exportExpiresAt = (now: Date, days: number): string =>
  osloWallClockInstant(addDays(osloCalendarDate(now), days), '23:59:59');

/** The last day (Oslo) a package can be downloaded. */
export const exportLastDay = (exported: NonNullable<RightsRequest['export']>): string => osloCalendarDate(exported.expiresAt);

/** True from the moment the download window has closed. */
export const isExportExpired = (exported: NonNullable<RightsRequest['export']>, now: Date): boolean =>
  Date.parse(exported.expiresAt) <= now.getTime();

/**
 * Where export packages live in the request-data bucket: every key of `OBJECT_KEYS.exportPrefix`
 * starts with this, so listing it finds every package not yet purged.
 */
export const EXPORTS_ROOT = 'exports/';

/** The request id of an export object key (`exports/<id>/data.json`), if it is one. */
export function requestIdOfExportKey(key: string): string | undefined {
  if (!key.startsWith(EXPORTS_ROOT)) return undefined;
  const id = key.slice(EXPORTS_ROOT.length).split('/')[0];
  return id ? id : undefined;
}
