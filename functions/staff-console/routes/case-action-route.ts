import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { addNote } from '../../domain/case-actions/add-note.js';
import { ClosureReasonInvalidError, NoteTextInvalidError, OtherClosureLetterSentError } from '../../domain/case-actions/case-action-errors.js';
import { closeManifestlyUnfounded } from '../../domain/case-actions/close-manifestly-unfounded.js';
import { mergeDuplicate } from '../../domain/case-actions/merge-duplicate.js';
import { takeCase } from '../../domain/case-actions/take-case.js';
import {
  IdentityReviewNotPendingError,
  IdentityReviewReasonRequiredError,
  UnknownCandidateError,
  confirmNoMatch,
  linkToCandidate,
} from '../../domain/identity-search/resolve-identity-review.js';
import { assignOnFirstAction } from '../../domain/case-actions/assign-on-first-action.js';
import { MAX_STAFF_MESSAGE_LENGTH, sendStaffMessage, StaffMessageInvalidError, StaffMessageNoEmailError } from '../../domain/staff-messages/send-staff-message.js';
import { PlanNotFoundError } from '../../domain/carry-out/carry-out-errors.js';
import { GatheredBundleMissingError } from '../../domain/export/read-gathered.js';
import { RecordCategorySchema, type RecordCategory } from '../../domain/plan/action-plan.js';
import {
  NoActiveRestrictionError,
  RestrictionReasonRequiredError,
  ScopeNotHeldError,
  disputeCorrection,
  liftRestriction,
  setRestriction,
} from '../../domain/restriction/restriction-actions.js';
import { RESTRICTION_GROUNDS, type RestrictionGround } from '../../domain/restriction/restriction.js';
import { correctPlan } from '../../domain/plan-corrections/correct-plan.js';
import { correctionProblem } from '../../domain/plan-corrections/correction-problem.js';
import { ConcurrentChangeError, InvalidTransitionError, RequestNotFoundError } from '../../domain/request/request-errors.js';
import { AlreadyVerifiedError, UnknownVerificationCustomerError, VerificationReasonRequiredError } from '../../domain/verification/verification-errors.js';
import { verifyManually } from '../../domain/verification/verify-manually.js';
import { AlreadyExtendedError, ExtensionReasonRequiredError, ExtensionTooLateError, extendDeadline } from '../../domain/workflow/extend-deadline.js';
import { MarketingStopNotRefusableError } from '../../domain/marketing-stop/marketing-stop-rules.js';
import {
  BalancingReasonRequiredError,
  CorrectionsRequiredError,
  MIN_BALANCING_REASON_LENGTH,
  ReasonRequiredError,
  RestrictionNotSetError,
  SameApproverError,
  recordDecision,
  type CorrectionInput,
} from '../../domain/workflow/record-decision.js';
import { STAFF_STATUS_LABELS } from '../../domain/request/staff-labels.js';
import { mergeRefusal } from '../../shared/http/merge-refusal.js';
import { redirect } from '../console-responses.js';
import { field, list, type FormFields } from '../form-fields.js';
import type { CaseAction } from '../pages/case-page-model.js';
import { CSRF_FIELD } from '../pages/csrf-field.js';
import type { ConsoleRequest, StaffConsoleDeps } from '../staff-console-deps.js';
import { renderCase } from './case-page-route.js';
import { mandateProblem, performMandateAction } from './mandate-route.js';
import type { DoneCode } from './flash-messages.js';

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
async function perform(deps: StaffConsoleDeps, action: CaseAction, requestId: string, actor: string, form: FormFields, upload?: Uint8Array): Promise<DoneCode> {
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

/** The domain's refusals as messages by the field they concern; anything else is a fault. */
function problemOf(error: unknown): ActionProblem | undefined {
  if (error instanceof ActionProblem) return error;
  const correction = correctionProblem(error);
  if (correction) return new ActionProblem(correction.statusCode, correction.message, correction.field === 'action' ? 'plan_action' : correction.field);
  if (error instanceof ReasonRequiredError) return new ActionProblem(400, 'Skriv en begrunnelse. Den sendes til den registrerte.', 'reason');
  if (error instanceof MarketingStopNotRefusableError) return new ActionProblem(409, 'Stopp av markedsføring kan ikke avslås eller avsluttes som åpenbart grunnløs eller overdreven. Den gjelder fra den ble mottatt.');
  if (error instanceof BalancingReasonRequiredError) return new ActionProblem(400, `Skriv interesseavveiningen (minst ${MIN_BALANCING_REASON_LENGTH} tegn). Den sendes til den registrerte.`, 'reason');
  if (error instanceof CorrectionsRequiredError) return new ActionProblem(400, 'Angi hvilke opplysninger som skal rettes, og til hva.', 'corrections');
  if (error instanceof SameApproverError) return new ActionProblem(409, 'Sletting må godkjennes av en annen saksbehandler enn den som godkjente først.');
  if (error instanceof VerificationReasonRequiredError) return new ActionProblem(400, 'Skriv hvordan identiteten ble bekreftet.', 'reason');
  if (error instanceof AlreadyVerifiedError) return new ActionProblem(409, 'Identiteten er allerede bekreftet.');
  if (error instanceof UnknownVerificationCustomerError) return new ActionProblem(400, 'Kundeforholdet hører ikke til denne henvendelsen.');
  if (error instanceof ExtensionReasonRequiredError) return new ActionProblem(400, 'Skriv hvorfor fristen må forlenges. Begrunnelsen sendes til den registrerte.', 'reason');
  if (error instanceof ExtensionTooLateError) return new ActionProblem(409, 'Fristen på én måned er passert; den kan ikke lenger forlenges (art. 12 nr. 3).');
  if (error instanceof AlreadyExtendedError) return new ActionProblem(409, 'Fristen er allerede forlenget.');
  if (error instanceof PlanNotFoundError || error instanceof GatheredBundleMissingError) {
    return new ActionProblem(409, 'Planen er ikke laget ennå. Vent til opplysningene er innhentet og planen er laget.');
  }
  if (error instanceof RestrictionNotSetError) return new ActionProblem(409, 'Angi grunnlag og omfang for begrensningen før planen godkjennes.');
  if (error instanceof ScopeNotHeldError) return new ActionProblem(400, 'Den registrerte har ingen oppføringer i noen av de valgte kategoriene. Velg bare kategorier vi har opplysninger i.', 'scope');
  if (error instanceof RestrictionReasonRequiredError) return new ActionProblem(400, 'Skriv en begrunnelse (høyst 2000 tegn). Den sendes til den registrerte.', 'reason');
  if (error instanceof NoActiveRestrictionError) return new ActionProblem(409, 'Saken har ingen begrensning som gjelder nå.');
  if (error instanceof NoteTextInvalidError) return new ActionProblem(400, 'Notatet må ha tekst og kan være på høyst 2000 tegn.', 'text');
  if (error instanceof ClosureReasonInvalidError) return new ActionProblem(400, `Begrunnelsen må være mellom ${error.min} og ${error.max} tegn. Den sendes til den registrerte.`, 'reason');
  if (error instanceof IdentityReviewReasonRequiredError) {
    return new ActionProblem(400, 'Skriv hvordan du har bekreftet hvem personen er, eller hvorfor ingen av kundene er et treff (høyst 2000 tegn).', 'reason');
  }
  if (error instanceof UnknownCandidateError) return new ActionProblem(400, 'Kunden er ikke blant treffene for denne saken.', 'customer');
  if (error instanceof IdentityReviewNotPendingError) return new ActionProblem(409, 'Treffene er allerede avklart i denne saken.');
  if (error instanceof StaffMessageNoEmailError) return new ActionProblem(409, 'Personen har ikke oppgitt e-postadresse. Skriv et brev og send det per post.');
  if (error instanceof StaffMessageInvalidError) {
    if (error.field === 'text') return new ActionProblem(400, `Skriv teksten i e-posten (høyst ${MAX_STAFF_MESSAGE_LENGTH} tegn). Bare fullmaktsmalen kan sendes uten egen tekst.`, 'text');
    if (error.field === 'message_key') return new ActionProblem(400, 'Skjemaet manglet en del. Last siden på nytt og prøv igjen.');
    return new ActionProblem(400, error.field === 'template' ? 'Velg hva du vil skrive.' : 'Velg bokmål, nynorsk eller engelsk.', error.field);
  }
  if (error instanceof OtherClosureLetterSentError) return new ActionProblem(409, 'Saken er allerede avsluttet på en annen måte.');
  if (error instanceof ConcurrentChangeError) return new ActionProblem(409, 'Saken ble endret samtidig av noen andre. Se gjennom siden og prøv igjen.');
  if (error instanceof InvalidTransitionError) {
    const label = (STAFF_STATUS_LABELS as Record<string, string>)[error.from] ?? error.from;
    return new ActionProblem(409, `Saken har status «${label}», og dette kan ikke gjøres nå.`);
  }
  return undefined;
}

/** POST /console/requests/{id}/{action}: does it, then back to the case with a message (303). */
export async function serveCaseAction(
  deps: StaffConsoleDeps,
  { event, context, actor, form, upload }: ConsoleRequest,
  action: CaseAction,
): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.pathParameters?.id ?? '';
  try {
    const done = await perform(deps, action, requestId, actor, form, upload);
    // After the action succeeded (a refused action changes nothing); the action stands even if this fails.
    if (action !== 'take') {
      await assignOnFirstAction(deps, { requestId, actor }).catch((error: unknown) =>
        deps.logger.warn('console.assign_failed', { requestId, reason: error instanceof Error ? error.name : 'unknown' }),
      );
    }
    deps.logger.info('console.action_done', { action, requestId });
    return redirect(`/console/requests/${encodeURIComponent(requestId)}?done=${done}`);
  } catch (error) {
    if (error instanceof RequestNotFoundError) return renderCase(deps, requestId, context, 404);
    const mandate = mandateProblem(error);
    const problem = problemOf(error) ?? (mandate && new ActionProblem(mandate.statusCode, mandate.message, mandate.field));
    if (!problem) throw error;
    deps.logger.info('console.action_refused', { action, requestId, problem: error instanceof Error ? error.name : 'unknown' });
    const fields = Object.fromEntries(
      Object.entries(form).filter(([name, value]) => name !== CSRF_FIELD && typeof value === 'string') as [string, string][],
    );
    return renderCase(deps, requestId, context, problem.statusCode, {
      errors: [{ action, ...(problem.field && { field: problem.field }), message: problem.message }],
      values: { action, fields },
    });
  }
}
