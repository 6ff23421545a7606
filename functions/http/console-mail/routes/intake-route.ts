import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { registerManualRequest } from '../../../domain/manual-intake/register-manual-request.js';
import { IdempotencyKeyReusedError } from '../../../domain/request/request-errors.js';
import { toOsloIsoString } from '../../../domain/deadline/oslo-calendar-date.js';
import { htmlPage, redirect } from '../../../web/console/console-responses.js';
import { field, list, submittedValues } from '../../../web/console/form-fields.js';
import { renderIntakePage, type IntakeFormValues } from '../pages/intake-page.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleMailDeps } from '../console-mail-deps.js';

const TEXT_FIELDS = ['channel', 'received_date', 'received_time', 'name', 'email', 'street', 'postal_code', 'city', 'phone', 'restriction_ground', 'details', 'language', 'intake_note'] as const;

/**
 * GET /console/intake: an empty form with a fresh key against double submits. The receipt date and
 * time start at now in Oslo: most phone calls are registered while or right after they happen, and
 * staff change them for a letter or a call written down later.
 */
export function serveIntakeForm(deps: Pick<ConsoleMailDeps, 'now'>, { context }: ConsoleRequest): APIGatewayProxyStructuredResultV2 {
  const now = toOsloIsoString(deps.now());
  return htmlPage(200, renderIntakePage({ ...context, idempotencyKey: randomUUID(), values: { received_date: now.slice(0, 10), received_time: now.slice(11, 16) } }));
}

/**
 * POST /console/intake: a phone or post request, validated as the web form validates, stored with
 * its original receipt time and started on the same workflow; then the new case's page.
 */
export async function serveIntake(deps: ConsoleMailDeps, { context, actor, form }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const idempotencyKey = field(form, 'idempotencyKey') || undefined;
  const values: Partial<IntakeFormValues> = {
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(form, name)])),
    types: list(form, 'types'),
    restriction_scope: list(form, 'restriction_scope'),
  };
  try {
    // The key travels in the form too; the intake form's validator sets it aside.
    const result = await registerManualRequest(deps, { form: submittedValues(form), actor, idempotencyKey });
    if (result.ok) {
      deps.logger.info('console.request_registered', { requestId: result.id });
      return redirect(`/console/requests/${encodeURIComponent(result.id)}?done=registered`);
    }
    return htmlPage(400, renderIntakePage({ ...context, idempotencyKey: idempotencyKey ?? randomUUID(), values, errors: result.errors }));
  } catch (error) {
    if (!(error instanceof IdempotencyKeyReusedError)) throw error;
    // The same page was sent again with other content: register it as a new form, keeping what was typed.
    return htmlPage(422, renderIntakePage({
      ...context,
      idempotencyKey: randomUUID(),
      values,
      errors: [{ message: 'Skjemaet var allerede sendt med annet innhold. Kontroller feltene og send på nytt.' }],
    }));
  }
}
