import { MandateActionError, attachMandate, decideMandate, type MandateDeps } from '../../../domain/representation/mandate-actions.js';
import { field, list, type FormFields } from '../../../web/console/form-fields.js';
import type { DoneCode } from '../../../web/console/flash-messages.js';
import type { ConsoleCaseActionsDeps } from '../console-case-actions-deps.js';

const mandateDeps = (deps: ConsoleCaseActionsDeps): MandateDeps => ({ store: deps.store, objects: deps.objects, now: deps.now, logger: deps.logger });

/**
 * POST …/mandate-document (multipart: `file`) keeps the document with the case; POST …/mandate
 * (`outcome` accepted|refused, `scope` rights, `valid_until`, `note`) records staff's check.
 */
export async function performMandateAction(
  deps: ConsoleCaseActionsDeps,
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
