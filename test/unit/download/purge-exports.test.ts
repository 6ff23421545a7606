import { describe, expect, it } from 'vitest';
import { EXPORTS_ROOT } from '../../../functions/domain/request/export-window.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { purgeExports } from '../../../functions/schedule/purge-exports/purge-exports.js';
import { auditOf } from '../carry-out/carry-out-fixture.js';
import { downloadable as withPackage } from './download-fixture.js';

/** A request with an export package, and what the purge job needs. */
async function downloadable() {
  const fixture = await withPackage();
  return { ...fixture, deps: { store: fixture.store, objects: fixture.objects, logger: fixture.log.logger } };
}

const AFTER_WINDOW = new Date('2026-12-09T00:00:00+01:00');
const IN_WINDOW = new Date('2026-12-08T23:00:00+01:00');

describe('purgeExports', () => {
  it('deletes the objects of an expired package and records it on the request, keeping request.export', async () => {
    // Prepare
    const { deps, objects, store, id } = await downloadable();
    // Act
    const result = await purgeExports(deps, AFTER_WINDOW);
    // Assess
    expect(result).toEqual({ purged: 1, orphans: 0, skipped: 0 });
    expect(await objects.list(OBJECT_KEYS.exportPrefix(id))).toEqual([]);
    expect((await store.get(id))?.export).toBeDefined();
    expect((await auditOf(store, id, 'export.purged')).map((e) => e.detail)).toEqual([
      { objects: 2, expiredAt: '2026-12-08T23:59:59+01:00', downloads: 0 },
    ]);
  });

  it('leaves a package alone while its window is open', async () => {
    const { deps, objects, id } = await downloadable();

    const result = await purgeExports(deps, IN_WINDOW);

    expect(result).toEqual({ purged: 0, orphans: 0, skipped: 1 });
    expect(await objects.list(OBJECT_KEYS.exportPrefix(id))).toHaveLength(2);
  });

  it('deletes and records nothing more when run again', async () => {
    const { deps, store, id } = await downloadable();
    await purgeExports(deps, AFTER_WINDOW);
    const trail = await store.auditTrail(id);

    const again = await purgeExports(deps, AFTER_WINDOW, [id]);

    expect(again).toEqual({ purged: 0, orphans: 0, skipped: 1 });
    expect(await store.auditTrail(id)).toEqual(trail);
  });

  it('deletes a package no request refers to', async () => {
    const { deps, objects } = await downloadable();
    await objects.putText(OBJECT_KEYS.exportReport('NK-20250101-AAAAAAAA'), '<html></html>', 'text/html');

    const result = await purgeExports(deps, IN_WINDOW);

    expect(result.orphans).toBe(1);
    expect(await objects.list(OBJECT_KEYS.exportPrefix('NK-20250101-AAAAAAAA'))).toEqual([]);
  });

  it('looks only at the requests it is given', async () => {
    const { deps, objects, id } = await downloadable();

    const result = await purgeExports(deps, AFTER_WINDOW, ['NK-20250101-BBBBBBBB']);

    expect(result).toEqual({ purged: 0, orphans: 0, skipped: 1 });
    expect(await objects.list(OBJECT_KEYS.exportPrefix(id))).toHaveLength(2);
  });

  it('finds every package under the exports root of the key layout', () => {
    expect(OBJECT_KEYS.exportPrefix('NK-X').startsWith(EXPORTS_ROOT)).toBe(true);
    expect(OBJECT_KEYS.exportPackage('NK-X').startsWith(EXPORTS_ROOT)).toBe(true);
  });
});
