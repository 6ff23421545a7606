import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { addNote } from '../../../domain/case-actions/add-note.js';
import { closeManifestlyUnfounded } from '../../../domain/case-actions/close-manifestly-unfounded.js';
import { mergeDuplicate } from '../../../domain/case-actions/merge-duplicate.js';
import { takeCase } from '../../../domain/case-actions/take-case.js';
import { confirmNoMatch, linkToCandidate } from '../../../domain/case-actions/resolve-identity-review.js';
import { assignOnFirstAction } from '../../../domain/case-actions/assign-on-first-action.js';
import { sendStaffMessage } from '../../../domain/staff-messages/send-staff-message.js';
import { RecordCategorySchema, type RecordCategory } from '../../../domain/plan/action-plan.js';
import { disputeCorrection, liftRestriction, setRestriction } from '../../../domain/restriction/restriction-actions.js';
import { RESTRICTION_GROUNDS, type RestrictionGround } from '../../../domain/restriction/restriction.js';
import { correctPlan } from '../../../domain/plan-corrections/correct-plan.js';
import { RequestNotFoundError } from '../../../domain/request/request-errors.js';
import { verifyManually } from '../../../domain/verification/verify-manually.js';
import { extendDeadline } from '../../../domain/workflow/extend-deadline.js';
import { recordDecision, type CorrectionInput } from '../../../domain/workflow/record-decision.js';
import { mergeRefusal } from '../../../web/merge-refusal.js';
import { staffProblem } from '../../../web/staff-problems.js';
import { htmlPage, redirect } from '../../../web/console/console-responses.js';
import { field, list, type FormFields } from '../../../web/console/form-fields.js';
import type { CaseAction } from '../../../web/console/case-action-names.js';
import { caseRefusalCookie } from '../../../web/console/case-refusal-cookie.js';
import { renderNotFoundPage } from '../../../web/console/pages/status-pages.js';
import { CSRF_FIELD } from '../../../web/console/pages/form-controls.js';
import type { ConsoleRequest } from '../../../web/console/console-deps.js';
import type { ConsoleCaseActionsDeps } from '../console-case-actions-deps.js';
import { performMandateAction } from './mandate-action.js';
import type { DoneCode } from '../../../web/console/flash-messages.js';

/** A problem the person can fix on the page: shown by the field, the case unchanged. */
class ActionProblem extends Error {
  override readonly name = 'ActionProblem';
  constructor(
    readonly statusCode: 400 | 409,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const CORRECTION_FIELDS = ['name', 'email', 'phone', 'address'] as const;

/** The correction rows of an approval: rows without a chosen field are empty and skipped. */
function corrections(form: FormFields): CorrectionInput[] {
  const fields = list(form, 'correction_field');
  const values = list(form, 'correction_to');
  const customers = list(form, 'correction_customer');
  return fields.flatMap((name, index) => {
    if (name === '') return [];
    if (!(CORRECTION_FIELDS as readonly string[]).includes(name)) throw new ActionProblem(400, 'Ukjent opplysning valgt for retting.', 'corrections');
    const to = (values[index] ?? '').trim();
    if (to === '') throw new ActionProblem(400, 'Skriv inn den nye verdien for hver opplysning som skal rettes.', 'corrections');
    const customerId = (customers[index] ?? '').trim();
    return [{ field: name as CorrectionInput['field'], to, ...(customerId && { customerId }) }];
  });
}

/** Runs one action and says which flash message to show after it. */
async function perform(deps: ConsoleCaseActionsDeps, action: CaseAction, requestId: string, actor: string, form: FormFields, upload?: Uint8Array): Promise<DoneCode> {
  const reason = field(form, 'reason').trim();
  switch (action) {
    case 'mandate-document':
    case 'mandate':
      return performMandateAction(deps, action, { requestId, actor, form, upload: upload ?? new Uint8Array() });
    case 'decision': {
      const outcome = field(form, 'outcome');
      if (outcome !== 'approved' && outcome !== 'rejected') throw new ActionProblem(400, 'Velg om planen skal godkjennes eller avvises.');
      const correctionList = outcome === 'approved' ? corrections(form) : [];
      const result = await recordDecision(deps, {
        requestId,
        actor,
        outcome,
        ...(reason && { reason }),
        ...(correctionList.length > 0 && { corrections: correctionList }),
      });
      if (outcome === 'rejected') return 'rejected';
      return result.awaitingSecondApprover ? 'first-approval' : 'approved';
    }
    case 'verify':
      await verifyManually(deps, requestId, { actor, reason });
      return 'verified';
    case 'extend':
      await extendDeadline(deps, { requestId, actor, reason, today: deps.today() });
      return 'extended';
    case 'note':
      await addNote(deps, { requestId, actor, text: field(form, 'text') });
      return 'note';
    case 'take':
      await takeCase(deps, { requestId, actor });
      return 'taken';
    case 'merge': {
      const intoId = field(form, 'into').trim();
      if (intoId === '') throw new ActionProblem(400, 'Skriv inn referansen til saken denne skal slås sammen med.', 'into');
      try {
        const samePersonConfirmed = field(form, 'same_person') === 'yes';
        await mergeDuplicate(deps, { requestId, intoId, actor, reason, samePersonConfirmed });
      } catch (error) {
        const refused = mergeRefusal(error, intoId);
        if (refused) throw new ActionProblem(refused.statusCode, refused.message, refused.field === 'samePerson' ? 'same_person' : refused.field);
        throw error;
      }
      return 'merged';
    }
    case 'plan': {
      const planAction = field(form, 'plan_action');
      if (planAction !== 'keep' && planAction !== 'release') throw new ActionProblem(400, 'Velg om oppføringene skal beholdes eller frigis.', 'plan_action');
      const ground = field(form, 'ground');
      if (ground !== '' && ground !== 'legal_claim' && ground !== 'bookkeeping') throw new ActionProblem(400, 'Ukjent grunnlag valgt.', 'ground');
      const until = field(form, 'until').trim();
      await correctPlan(deps, {
        requestId,
        actor,
        action: planAction,
        records: field(form, 'records').split(/[\s,;]+/).filter(Boolean),
        ...(planAction === 'keep' && ground !== '' ? { ground } : {}),
        ...(planAction === 'keep' && until !== '' ? { until } : {}),
        ...(reason && { note: reason }),
        today: deps.today(),
      });
      return 'plan-corrected';
    }
    case 'restriction': {
      const ground = field(form, 'restriction_ground');
      if (!(RESTRICTION_GROUNDS as readonly string[]).includes(ground)) throw new ActionProblem(400, 'Velg grunnlaget for begrensningen (bokstav a–d).', 'restriction_ground');
      const scope = list(form, 'scope');
      if (scope.length === 0) throw new ActionProblem(400, 'Velg minst én kategori som skal begrenses.', 'scope');
      if (!scope.every((category) => (RecordCategorySchema.options as readonly string[]).includes(category))) {
        throw new ActionProblem(400, 'Ukjent kategori valgt.', 'scope');
      }
      await setRestriction(deps, {
        requestId,
        actor,
        ground: ground as RestrictionGround,
        scope: scope as RecordCategory[],
        ...(reason && { note: reason }),
        today: deps.today(),
      });
      return 'restriction-set';
    }
    case 'lift-restriction':
      await liftRestriction(deps, { requestId, actor, reason });
      return 'restriction-lifted';
    case 'dispute':
      await disputeCorrection(deps, { requestId, actor, reason });
      return 'disputed';
    case 'identity': {
      const choice = field(form, 'identity_action');
      if (choice === 'no_match') {
        await confirmNoMatch(deps, { requestId, actor, reason });
        return 'identity-no-match';
      }
      if (choice !== 'link') throw new ActionProblem(400, 'Velg en kunde å knytte saken til, eller bekreft at ingen er et treff.', 'identity_action');
      const customerId = field(form, 'customer').trim();
      if (customerId === '') throw new ActionProblem(400, 'Velg hvilken kunde saken skal knyttes til.', 'customer');
      await linkToCandidate(deps, { requestId, actor, reason, customerId });
      return 'identity-linked';
    }
    case 'message':
      await sendStaffMessage(deps, {
        requestId,
        actor,
        template: field(form, 'template'),
        language: field(form, 'language'),
        text: field(form, 'text'),
        messageKey: field(form, 'message_key'),
      });
      return 'message';
    case 'close': {
      const ground = field(form, 'ground');
      if (ground !== 'manifestly_unfounded' && ground !== 'excessive') {
        throw new ActionProblem(400, 'Velg om henvendelsen er åpenbart grunnløs eller overdreven.', 'ground');
      }
      await closeManifestlyUnfounded(deps, { requestId, actor, ground, reason });
      return 'closed';
    }
  }
}

/** The domain's refusals as messages by the field they concern (the staff problem table); anything else is a fault. */
function problemOf(error: unknown): ActionProblem | undefined {
  if (error instanceof ActionProblem) return error;
  const problem = staffProblem(error);
  if (!problem || problem.statusCode === 404) return undefined;
  // The correction form names its action field `plan_action` (the page has other actions).
  return new ActionProblem(problem.statusCode, problem.message, problem.field === 'action' ? 'plan_action' : problem.field);
}

/**
 * POST /console/requests/{id}/{action}: does it, then back to the case with a message (303). A
 * refused action changes nothing and goes back to the case too (post/redirect/get): the problem and
 * what was typed travel in a short-lived cookie, and the page shows them by the field.
 */
export async function serveCaseAction(
  deps: ConsoleCaseActionsDeps,
  { event, context, actor, form, upload }: ConsoleRequest,
  action: CaseAction,
): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.pathParameters?.id ?? '';
  const caseUrl = `/console/requests/${encodeURIComponent(requestId)}`;
  try {
    const done = await perform(deps, action, requestId, actor, form, upload);
    // After the action succeeded (a refused action changes nothing); the action stands even if this fails.
    if (action !== 'take') {
      await assignOnFirstAction(deps, { requestId, actor }).catch((error: unknown) =>
        deps.logger.warn('console.assign_failed', { requestId, reason: error instanceof Error ? error.name : 'unknown' }),
      );
    }
    deps.logger.info('console.action_done', { action, requestId });
    return redirect(`${caseUrl}?done=${done}`);
  } catch (error) {
    if (error instanceof RequestNotFoundError) return htmlPage(404, renderNotFoundPage(context));
    const problem = problemOf(error);
    if (!problem) throw error;
    deps.logger.info('console.action_refused', { action, requestId, problem: error instanceof Error ? error.name : 'unknown' });
    const fields = Object.fromEntries(
      Object.entries(form).filter(([name, value]) => name !== CSRF_FIELD && typeof value === 'string') as [string, string][],
    );
    const refusal = { id: requestId, status: problem.statusCode, action, ...(problem.field && { field: problem.field }), message: problem.message, fields };
    return redirect(caseUrl, [caseRefusalCookie(refusal, deps.secureCookies)]);
  }
}
