import { EXPORTS_ROOT, isExportExpired, requestIdOfExportKey } from '../../domain/request/export-window.js';
import type { RequestStore } from '../../domain/request/request-store.js';
import { OBJECT_KEYS, type ObjectStore } from '../../domain/storage/object-store.js';
import type { Logger } from '../../platform/logger.js';

export interface PurgeExportsDeps {
  readonly store: Pick<RequestStore, 'get' | 'apply'>;
  readonly objects: Pick<ObjectStore, 'list' | 'delete'>;
  readonly logger: Logger;
}

export interface PurgeExportsResult {
  /** Requests whose expired package was deleted in this run. */
  readonly purged: number;
  /** Packages with no request behind them (e.g. a request since deleted), deleted too. */
  readonly orphans: number;
  /** Candidates left alone: not expired yet, or nothing left to delete. */
  readonly skipped: number;
}

export const EXPORT_PURGED_EVENT = 'export.purged';

/**
 * The requests that may have a package to purge. There is no table index for "export expires
 * before" yet, so unless the caller names the requests, the bucket is the index: every package
 * not yet purged is under `exports/<id>/`.
 */
async function candidates(deps: PurgeExportsDeps, requestIds: readonly string[] | undefined): Promise<string[]> {
  if (requestIds) return [...new Set(requestIds)];
  const ids = (await deps.objects.list(EXPORTS_ROOT)).map(requestIdOfExportKey).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/**
 * Scheduled job: deletes the export objects of every request whose download window has closed
 * (`export.expiresAt` passed) and records it on the request with an `export.purged` audit entry
 * (the request schema has no field for it; `request.export` stays, so the download page can still
 * say the package expired). Idempotent: a purged package has no objects left, so a second run
 * deletes and records nothing.
 *
 * @param requestIds the requests to look at; without them, every package in the bucket
 */
export async function purgeExports(deps: PurgeExportsDeps, now: Date, requestIds?: readonly string[]): Promise<PurgeExportsResult> {
  let purged = 0;
  let orphans = 0;
  let skipped = 0;
  for (const requestId of await candidates(deps, requestIds)) {
    const keys = await deps.objects.list(OBJECT_KEYS.exportPrefix(requestId));
    if (keys.length === 0) {
      skipped += 1;
      continue;
    }
    const request = await deps.store.get(requestId);
    if (!request?.export) {
      if (request) {
        skipped += 1;
        continue;
      }
      await deps.objects.delete(keys);
      deps.logger.warn('export.orphan_purged', { requestId, objects: keys.length });
      orphans += 1;
      continue;
    }
    if (!isExportExpired(request.export, now)) {
      skipped += 1;
      continue;
    }
    await deps.objects.delete(keys);
    const at = now.toISOString();
    await deps.store.apply(requestId, {
      expectedVersion: request.version,
      set: { updatedAt: at },
      audit: {
        requestId,
        at,
        event: EXPORT_PURGED_EVENT,
        actor: 'system:purge-exports',
        detail: { objects: keys.length, expiredAt: request.export.expiresAt, downloads: request.export.downloads },
      },
    });
    deps.logger.info('export.purged', { requestId, objects: keys.length });
    purged += 1;
  }
  return { purged, orphans, skipped };
}
