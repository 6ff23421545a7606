import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { extensionAvailability } from '../../../domain/console-queue/extension-availability.js';
import { ActionPlanSchema, type ActionPlan } from '../../../domain/plan/action-plan.js';
import type { AuditEntry, RightsRequest } from '../../../domain/request/rights-request.js';
import { htmlPage } from '../../../web/console/console-responses.js';
import type { ConsoleContext } from '../../../web/console/pages/console-context.js';
import { GATHERED_SOURCES } from '../pages/gathered-records-section.js';
import type { GatheredCopies } from '../pages/case-page-model.js';
import { GatheredAccessLogSchema, GatheredBillingSchema, GatheredSubscriptionsSchema } from '../../../domain/gather/gathered-data.js';
import { renderCasePage, type CaseActionError, type CasePageModel, type ReceivedEmail } from '../pages/case-page.js';
import { renderNotFoundPage } from '../../../web/console/pages/status-pages.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleCaseDeps } from '../console-case-deps.js';
import { flashFrom } from '../../../web/console/flash-messages.js';
import { readReceivedMail } from '../../../web/console/received-mail.js';
import { clearCaseRefusalCookie, readCaseRefusal, refusalErrors } from '../../../web/console/case-refusal-cookie.js';

/** The plan as stored; a missing or unreadable one is shown as "no plan yet", never as an error page. */
async function readPlan(deps: Pick<ConsoleCaseDeps, 'objects'>, request: RightsRequest): Promise<ActionPlan | undefined> {
  if (!request.planKey) return undefined;
  const parsed = ActionPlanSchema.safeParse(await deps.objects.getJson(request.planKey).catch(() => undefined));
  return parsed.success ? parsed.data : undefined;
}

const GATHERED_SCHEMAS = { subscriptions: GatheredSubscriptionsSchema, billing: GatheredBillingSchema, 'access-log': GatheredAccessLogSchema } as const;

/** The gathered copies still in the bucket; one that is gone or unreadable is left out, never an error page. */
async function readGatheredCopies(deps: Pick<ConsoleCaseDeps, 'objects'>, request: RightsRequest): Promise<GatheredCopies> {
  const entries = await Promise.all(
    GATHERED_SOURCES.map(async (source) => {
      const key = request.gathered?.[source];
      if (!key) return undefined;
      const parsed = GATHERED_SCHEMAS[source].safeParse(await deps.objects.getJson(key).catch(() => undefined));
      return parsed.success ? ([source, parsed.data] as const) : undefined;
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== undefined)) as GatheredCopies;
}

/** The mail a case came from, re-read from the raw message the intake stored. */
async function readEmail(deps: ConsoleCaseDeps, trail: readonly AuditEntry[]): Promise<ReceivedEmail | undefined> {
  const received = trail.find((entry) => entry.event === 'mail.request_received' || entry.event === 'mail.triaged');
  const rawKey = received?.detail?.rawKey;
  if (typeof rawKey !== 'string') return undefined;
  const message = await readReceivedMail(deps, rawKey);
  if (message === undefined) return undefined;
  return {
    subject: message.subject,
    from: message.from?.address,
    messageText: message.ownText,
    attachmentNames: message.attachments.map((attachment, index) => attachment.filename ?? `vedlegg ${index + 1} (${attachment.contentType})`),
  };
}

/** After a failed action: what went wrong and what was typed, so the page can show both. */
interface CaseProblems {
  readonly errors: readonly CaseActionError[];
  readonly values?: CasePageModel['values'];
}

/** The case page of `id`, with the problems of a failed action when there are some. */
async function renderCase(
  deps: ConsoleCaseDeps,
  id: string,
  context: ConsoleContext,
  statusCode = 200,
  problems?: CaseProblems,
  pageOf: CasePageModel['gatheredPage'] = {},
): Promise<APIGatewayProxyStructuredResultV2> {
  const request = await deps.store.get(id);
  if (!request) return htmlPage(404, renderNotFoundPage(context));
  const auditTrail = await deps.store.auditTrail(id);
  const today = deps.today();
  const extension = extensionAvailability(request, today);
  const [plan, email, gathered] = await Promise.all([
    readPlan(deps, request),
    request.channel === 'email' ? readEmail(deps, auditTrail) : undefined,
    readGatheredCopies(deps, request),
  ]);
  const model: CasePageModel = {
    ...context,
    request,
    auditTrail,
    today,
    plan,
    email,
    canExtend: extension.allowed,
    extendExplanation: extension.allowed ? undefined : extension.explanation,
    messageKey: randomUUID(),
    gathered,
    gatheredPage: pageOf,
    errors: problems?.errors,
    values: problems?.values,
  };
  return htmlPage(statusCode, renderCasePage(model));
}

/**
 * GET /console/requests/{id}. After a refused action (post/redirect/get) the refusal comes in a
 * short-lived cookie: the page shows it by its field with what was typed, answers with the
 * refusal's status, and clears the cookie so a reload shows the case without it.
 */
export async function serveCasePage(deps: ConsoleCaseDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const query = event.queryStringParameters ?? {};
  const id = event.pathParameters?.id ?? '';
  const flash = flashFrom(query);
  const page = Number(query.page);
  const { present, refusal } = readCaseRefusal(event, id);
  const answer = await renderCase(
    deps,
    id,
    { ...context, flash },
    refusal?.status ?? 200,
    refusal && { errors: refusalErrors(refusal), values: { action: refusal.action, fields: refusal.fields } },
    {
      ...(query.store !== undefined && { store: query.store }),
      ...(Number.isInteger(page) && page > 0 && { page }),
    },
  );
  return present ? { ...answer, cookies: [...(answer.cookies ?? []), clearCaseRefusalCookie(id, deps.secureCookies)] } : answer;
}
