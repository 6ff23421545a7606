import { readSubjectHistory, type ProvenIdentity } from '../../export/earlier-requests.js';
import { buildExportPackage } from '../../export/export-package.js';
import type { GatheredData } from '../../gather/gathered-data.js';
import type { RightsRequest } from '../../request/rights-request.js';
import { renderExportReport } from '../../export/export-report.js';
import { exportExpiresAt } from '../../request/export-window.js';
import { readGatheredData } from '../../export/read-gathered.js';
import { OBJECT_KEYS } from '../../storage/object-store.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS, plansExport } from '../../plan/planned-actions.js';

/**
 * Who the person is proven to be: the customers they were verified as with the addresses
 * registered for them, or (verified as the owner of an address only) that address.
 */
function provenIdentity(request: RightsRequest, customerIds: readonly string[], gathered: GatheredData): ProvenIdentity {
  const registered = gathered.subscriptions.profiles
    .filter((profile) => customerIds.includes(profile.customerId) && profile.anonymisedAt === undefined && profile.email)
    .map((profile) => profile.email);
  const provenAddress = request.verification?.status === 'verified' && request.verification.subject === 'address';
  return { customerIds: [...customerIds], emails: provenAddress && request.requester.email ? [request.requester.email] : registered.filter((email): email is string => email !== undefined) };
}

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
  const history = await readSubjectHistory(deps.store, request, provenIdentity(request, plan.customerIds, gathered), request.language);
  const pkg = buildExportPackage({ request, plan, gathered, exportedAt, history, recipients: deps.recipients });
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
