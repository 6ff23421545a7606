import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dashboardStats } from '../../../domain/case-register/dashboard-stats.js';
import { registerCsv, registerCsvFileName } from '../../../domain/case-register/register-csv.js';
import type { RightsRequest } from '../../../domain/request/rights-request.js';
import { hasStaffGroup } from '../../../domain/staff-auth/index.js';
import { csvDownload, htmlPage } from '../../../web/console/console-responses.js';
import { renderDashboardBody } from '../pages/dashboard-body.js';
import { renderDashboardPage } from '../pages/dashboard-page.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleQueueDeps } from '../console-queue-deps.js';

async function everyRequest(deps: Pick<ConsoleQueueDeps, 'store'>): Promise<RightsRequest[]> {
  const requests: RightsRequest[] = [];
  for await (const request of deps.store.listAll()) requests.push(request);
  return requests;
}

/** GET /console/dashboard: cases per month, type and channel; time to close; on time; overdue now. */
export async function serveDashboard(deps: ConsoleQueueDeps, { context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const stats = dashboardStats(await everyRequest(deps), deps.today());
  // The register is the privacy officer's record (its route checks the group as well).
  const registerDownload = hasStaffGroup(context.user, 'privacy-officer');
  return htmlPage(200, renderDashboardPage({ ...context, body: renderDashboardBody(stats, { registerDownload }) }));
}

/**
 * GET /console/register.csv: the case register for the accountability record (Art. 5(2)) —
 * references, types, channel, dates and outcome only; no free text and no contact details.
 */
export async function serveRegister(deps: ConsoleQueueDeps): Promise<APIGatewayProxyStructuredResultV2> {
  deps.logger.info('console.register_exported');
  return csvDownload(registerCsvFileName(deps.today()), registerCsv(await everyRequest(deps)));
}
