import { PlanNotFoundError } from '../domain/plan/plan-errors.js';
import { ClosureReasonInvalidError, NoteTextInvalidError, OtherClosureLetterSentError } from '../domain/case-actions/case-action-errors.js';
import { GatheredBundleMissingError } from '../domain/export/read-gathered.js';
import {
  IdentityReviewNotPendingError,
  IdentityReviewReasonRequiredError,
  UnknownCandidateError,
} from '../domain/case-actions/resolve-identity-review.js';
import { MarketingStopNotRefusableError } from '../domain/request/marketing-stop-rules.js';
import { correctionProblem } from '../domain/plan-corrections/correction-problem.js';
import { MandateActionError } from '../domain/representation/mandate-actions.js';
import { MandateDocumentError } from '../domain/representation/mandate-document.js';
import { MANDATE_STATE_LABELS, MandateNotAcceptedError } from '../domain/request/mandate-rules.js';
import { ConcurrentChangeError, InvalidTransitionError, RequestNotFoundError } from '../domain/request/request-errors.js';
import { STAFF_STATUS_LABELS } from '../domain/request/staff-labels.js';
import { NoActiveRestrictionError, RestrictionReasonRequiredError, ScopeNotHeldError } from '../domain/restriction/restriction-actions.js';
import { MAX_STAFF_MESSAGE_LENGTH, StaffMessageInvalidError, StaffMessageNoEmailError } from '../domain/staff-messages/send-staff-message.js';
import { AlreadyVerifiedError, UnknownVerificationCustomerError, VerificationReasonRequiredError } from '../domain/verification/verification-errors.js';
import { AlreadyExtendedError, ExtensionReasonRequiredError, ExtensionTooLateError } from '../domain/workflow/extend-deadline.js';
import {
  BalancingReasonRequiredError,
  CorrectionsRequiredError,
  MIN_BALANCING_REASON_LENGTH,
  ReasonRequiredError,
  RestrictionNotSetError,
  SameApproverError,
} from '../domain/workflow/record-decision.js';

/**
 * A refusal of the domain as staff read it: the HTTP status to answer with, the Norwegian message,
 * and the input it concerns (the console shows the message by that field; the staff API returns it).
 */
export interface StaffProblem {
  readonly statusCode: 400 | 404 | 409;
  readonly message: string;
  readonly field?: string;
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** One row: an error class and how it is said to staff. */
interface Row<E extends Error = Error> {
  readonly error: ErrorClass<E>;
  readonly problem: (error: E) => StaffProblem;
}

const row = <E extends Error>(error: ErrorClass<E>, problem: (error: E) => StaffProblem): Row => ({ error, problem: problem as (error: Error) => StaffProblem });
const refused = (message: string, field?: string): StaffProblem => ({ statusCode: 409, message, ...(field && { field }) });
const invalid = (message: string, field?: string): StaffProblem => ({ statusCode: 400, message, ...(field && { field }) });

const REASON_SENT = 'Den sendes til den registrerte.';

/**
 * The one table of domain errors → staff-facing message and HTTP status, for the console and the
 * staff API alike, so both say the same thing for the same refusal. A domain error staff can meet
 * gets its row here; `test/unit/staff-api/staff-problems.test.ts` checks both surfaces use it.
 */
export const STAFF_PROBLEMS: readonly Row[] = [
  row(RequestNotFoundError, (error) => ({ statusCode: 404, message: `Fant ingen henvendelse ${error.requestId}.` })),
  row(ConcurrentChangeError, () => refused('Saken ble endret samtidig av noen andre. Se gjennom saken på nytt og prøv igjen.')),
  row(InvalidTransitionError, (error) => {
    const label = (STAFF_STATUS_LABELS as Readonly<Record<string, string>>)[error.from] ?? error.from;
    return refused(`Saken har status «${label}», og dette kan ikke gjøres nå.`);
  }),
  row(ReasonRequiredError, () => invalid(`Skriv en begrunnelse. ${REASON_SENT}`, 'reason')),
  row(MarketingStopNotRefusableError, () =>
    refused('Stopp av markedsføring kan ikke avslås eller avsluttes som åpenbart grunnløs eller overdreven. Den gjelder fra den ble mottatt.'),
  ),
  row(BalancingReasonRequiredError, () =>
    invalid(`Skriv interesseavveiningen etter personvernforordningen artikkel 21 nr. 1 (minst ${MIN_BALANCING_REASON_LENGTH} tegn). ${REASON_SENT}`, 'reason'),
  ),
  row(CorrectionsRequiredError, () => invalid('Angi hvilke opplysninger som skal rettes, og til hva.', 'corrections')),
  row(SameApproverError, () => refused('Sletting må godkjennes av en annen saksbehandler enn den som godkjente først.')),
  row(VerificationReasonRequiredError, () => invalid('Skriv hvordan identiteten ble bekreftet.', 'reason')),
  row(AlreadyVerifiedError, () => refused('Identiteten er allerede bekreftet.')),
  row(UnknownVerificationCustomerError, () => invalid('Kundeforholdet hører ikke til denne henvendelsen.')),
  row(ExtensionReasonRequiredError, () => invalid(`Skriv hvorfor fristen må forlenges. ${REASON_SENT}`, 'reason')),
  row(ExtensionTooLateError, () => refused('Fristen på én måned er passert; den kan ikke lenger forlenges (personvernforordningen artikkel 12 nr. 3).')),
  row(AlreadyExtendedError, () => refused('Fristen er allerede forlenget.')),
  row(PlanNotFoundError, () => refused('Planen er ikke laget ennå. Vent til opplysningene er innhentet og planen er laget.')),
  row(GatheredBundleMissingError, () => refused('Planen er ikke laget ennå. Vent til opplysningene er innhentet og planen er laget.')),
  row(RestrictionNotSetError, () => refused('Angi grunnlag og omfang for begrensningen før planen godkjennes.')),
  row(ScopeNotHeldError, (error) =>
    invalid(`Den registrerte har ingen oppføringer i: ${error.categories.join(', ')}. Velg bare kategorier vi har opplysninger i.`, 'scope'),
  ),
  row(RestrictionReasonRequiredError, () => invalid(`Skriv en begrunnelse (høyst 2000 tegn). ${REASON_SENT}`, 'reason')),
  row(NoActiveRestrictionError, () => refused('Saken har ingen begrensning som gjelder nå.')),
  row(NoteTextInvalidError, (error) => invalid(`Notatet må ha tekst og kan være på høyst ${error.max} tegn.`, 'text')),
  row(ClosureReasonInvalidError, (error) => invalid(`Begrunnelsen må være mellom ${error.min} og ${error.max} tegn. ${REASON_SENT}`, 'reason')),
  row(IdentityReviewReasonRequiredError, () =>
    invalid('Skriv hvordan du har bekreftet hvem personen er, eller hvorfor ingen av kundene er et treff (høyst 2000 tegn).', 'reason'),
  ),
  row(UnknownCandidateError, () => invalid('Kunden er ikke blant treffene for denne saken.', 'customer')),
  row(IdentityReviewNotPendingError, () => refused('Treffene er allerede avklart i denne saken.')),
  row(StaffMessageNoEmailError, () => refused('Personen har ikke oppgitt e-postadresse. Skriv et brev og send det per post.')),
  row(StaffMessageInvalidError, (error) => {
    if (error.field === 'text') {
      return invalid(`Skriv teksten i e-posten (høyst ${MAX_STAFF_MESSAGE_LENGTH} tegn). Bare fullmaktsmalen kan sendes uten egen tekst.`, 'text');
    }
    if (error.field === 'message_key') return invalid('Skjemaet manglet en del. Last siden på nytt og prøv igjen.');
    return invalid(error.field === 'template' ? 'Velg hva du vil skrive.' : 'Velg bokmål, nynorsk eller engelsk.', error.field);
  }),
  row(OtherClosureLetterSentError, () => refused('Saken er allerede avsluttet på en annen måte.')),
  row(MandateNotAcceptedError, (error) =>
    refused(
      `${MANDATE_STATE_LABELS[error.state]}: saken er fremmet av en representant, og planen kan ikke godkjennes før en gyldig ` +
        'fullmakt som dekker rettighetene er godtatt. Avvis henvendelsen med begrunnelse hvis fullmakt ikke kommer.',
    ),
  ),
  row(MandateDocumentError, (error) => invalid(error.message, 'file')),
  row(MandateActionError, (error) => ({ statusCode: error.field === 'document' ? 409 : 400, message: error.message, ...(error.field && { field: error.field }) })),
];

/**
 * How a domain error is said to staff, from {@link STAFF_PROBLEMS} (a refused plan correction from
 * its own table); undefined for an error that is a fault, not a refusal.
 */
export function staffProblem(error: unknown): StaffProblem | undefined {
  const correction = correctionProblem(error);
  if (correction) return correction;
  const match = STAFF_PROBLEMS.find((entry) => error instanceof entry.error);
  return match?.problem(error as Error);
}
