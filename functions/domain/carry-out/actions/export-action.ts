import { buildExportPackage } from '../../export/export-package.js';
import { renderExportReport } from '../../export/export-report.js';
import { exportExpiresAt } from '../../export/export-window.js';
import { readGatheredData } from '../../export/read-gathered.js';
import { OBJECT_KEYS } from '../../storage/object-store.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS, plansExport } from '../planned-actions.js';

/**
 * Access (Art. 15) and portability (Art. 20): writes `data.json` and `report.html` to the
 * encrypted bucket and opens the download window (`request.export`, downloads 0) in the same write
 * that records the action. The data never leave the bucket except through the download page.
 */
export async function carryOutExport(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  if (!plansExport(plan) || context.isResolved(ACTION_IDS.export)) return;
  const request = context.request;
  const gathered = await readGatheredData(deps.objects, request);
  const exportedAt = context.now();
  const pkg = buildExportPackage({ request, plan, gathered, exportedAt });
  const dataKey = OBJECT_KEYS.exportPackage(request.id);
  const reportKey = OBJECT_KEYS.exportReport(request.id);
  await deps.objects.putJson(dataKey, pkg);
  await deps.objects.putText(reportKey, renderExportReport(pkg), 'text/html; charset=utf-8');
  const expiresAt = exportExpiresAt(deps.now(), deps.exportDays);
  await context.resolve(
    ACTION_IDS.export,
    'done',
    {
      categories: pkg.categories.length,
      records: pkg.categories.reduce((sum, category) => sum + category.records, 0),
      portable: pkg.portable,
      schemaVersion: pkg.schemaVersion,
      expiresAt,
    },
    { export: { dataKey, reportKey, expiresAt, downloads: 0 } },
  );
}
