import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { osloCalendarDate } from '../../../domain/deadline/index.js';
import { InvalidTransitionError } from '../../../domain/request/request-errors.js';
import { MandateActionError, attachMandate, decideMandate, type MandateDeps } from '../../../domain/representation/mandate-actions.js';
import { MandateDocumentError } from '../../../domain/representation/mandate-document.js';
import { MANDATE_STATE_LABELS, MandateNotAcceptedError } from '../../../domain/request/mandate-rules.js';
import { CONSOLE_HEADERS, htmlPage } from '../../../web/console/console-responses.js';
import { field, list, type FormFields } from '../../../web/console/form-fields.js';
import { renderNotFoundPage } from '../../../web/console/pages/status-pages.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleCaseDeps } from '../console-case-deps.js';
import type { DoneCode } from '../../../web/console/flash-messages.js';

const mandateDeps = (deps: ConsoleCaseDeps): MandateDeps => ({ store: deps.store, objects: deps.objects, now: deps.now, logger: deps.logger });

/**
 * POST …/mandate-document (multipart: `file`) keeps the document with the case; POST …/mandate
 * (`outcome` accepted|refused, `scope` rights, `valid_until`, `note`) records staff's check.
 */
export async function performMandateAction(
  deps: ConsoleCaseDeps,
  action: 'mandate' | 'mandate-document',
  input: { readonly requestId: string; readonly actor: string; readonly form: FormFields; readonly upload: Uint8Array },
): Promise<DoneCode> {
  if (action === 'mandate-document') {
    await attachMandate(mandateDeps(deps), { requestId: input.requestId, actor: input.actor, bytes: input.upload });
    return 'mandate-attached';
  }
  const outcome = field(input.form, 'outcome');
  if (outcome !== 'accepted' && outcome !== 'refused') throw new MandateActionError('Velg om fullmakten godtas eller ikke.');
  await decideMandate(mandateDeps(deps), {
    requestId: input.requestId,
    actor: input.actor,
    outcome,
    scope: list(input.form, 'mandate_scope'),
    validUntil: field(input.form, 'valid_until'),
    note: field(input.form, 'note'),
  });
  return outcome === 'accepted' ? 'mandate-accepted' : 'mandate-refused';
}

/** GET …/mandate-document: the document as uploaded, for staff to check (never shown inline). */
export async function serveMandateDocument(deps: ConsoleCaseDeps, { event, context }: ConsoleRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const request = await deps.store.get(event.pathParameters?.id ?? '');
  const document = request?.mandate?.document;
  const bytes = document && (await deps.objects.getBytes(document.key));
  if (!request || !document || !bytes) return htmlPage(404, renderNotFoundPage(context));
  const extension = document.key.split('.').pop();
  deps.logger.info('mandate.downloaded', { requestId: request.id, on: osloCalendarDate(deps.now()) });
  return {
    statusCode: 200,
    headers: { ...CONSOLE_HEADERS, 'content-type': document.contentType, 'content-disposition': `attachment; filename="${request.id}-fullmakt.${extension}"` },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}
