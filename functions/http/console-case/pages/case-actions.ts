import { deadlineFromReceiptDate } from '../../../domain/deadline/index.js';
import { isOpenStatus } from '../../../domain/lifecycle/request-lifecycle.js';
import { hasStaffGroup } from '../../../domain/staff-auth/index.js';
import type { RightsRequest } from '../../../domain/request/rights-request.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import type { CaseAction, CasePageModel } from './case-page-model.js';
import { section } from './case-sections.js';
import { actorName, longDate, osloDateTime } from '../../../web/console/pages/console-format.js';
import { csrfField } from '../../../web/console/pages/form-controls.js';
import { RECORD_CATEGORY_LABELS } from '../../../web/console/pages/console-labels.js';
import { proposedRestriction } from '../../../domain/restriction/requested-restriction.js';
import { RecordCategorySchema } from '../../../domain/plan/action-plan.js';
import { RESTRICTION_GROUNDS, RESTRICTION_GROUND_LABELS } from '../../../domain/restriction/restriction.js';
import { choiceGroup, inputField, selectField, textareaField } from '../../../web/console/pages/form-controls.js';
import { messageForm } from './case-message-form.js';

/** How many correction rows the approval form offers; more can be added in a second approval. */
export const CORRECTION_ROWS = 3;

/** Id of a case-page control: `${action}-${field}`, which is also where error links point. */
export const caseFieldId = (action: CaseAction, field: string): string => `${action}-${field}`;

interface FormState {
  readonly error: (action: CaseAction, field: string) => string | undefined;
  readonly value: (action: CaseAction, field: string) => string | undefined;
}

function formState(model: CasePageModel): FormState {
  return {
    error: (action, field) => model.errors?.find((e) => e.action === action && e.field === field)?.message,
    value: (action, field) => (model.values?.action === action ? model.values.fields[field] : undefined),
  };
}

const actionUrl = (request: RightsRequest, action: CaseAction): string =>
  `/console/requests/${encodeURIComponent(request.id)}/${action}`;

/** One action: a titled box with a POST form carrying the CSRF token. */
function actionForm(
  model: CasePageModel,
  action: CaseAction,
  title: string,
  fields: SafeHtml,
  submit: string,
  id: string = action,
): SafeHtml {
  return html`<div class="action" id="action-${id}">
<h3>${title}</h3>
<form method="post" action="${actionUrl(model.request, action)}">
${csrfField(model.csrfToken)}
${fields}
<button type="submit">${submit}</button>
</form>
</div>`;
}

/** Required reason box: where the law needs a reason, the browser and the handler both insist. */
function reason(state: FormState, action: CaseAction, label: string, hint: string, value = state.value(action, 'reason')): SafeHtml {
  return textareaField({
    id: caseFieldId(action, 'reason'),
    name: 'reason',
    label,
    hint,
    required: true,
    error: state.error(action, 'reason'),
    value,
  });
}

const isMe = (by: string, username: string): boolean => by === username || by === `staff:${username}`;

function correctionRows(model: CasePageModel, state: FormState): SafeHtml {
  const customers = model.request.customerIds ?? [];
  const rows = Array.from({ length: CORRECTION_ROWS }, (_, i) => {
    const n = i + 1;
    const fieldId = i === 0 ? caseFieldId('decision', 'corrections') : `decision-correction-${n}-field`;
    return html`<fieldset>
<legend>Retting ${n}${i > 0 && ' (valgfri)'}</legend>
${selectField({
  id: fieldId,
  name: 'correction_field',
  label: 'Opplysning',
  options: [
    { value: '', label: 'Velg opplysning' },
    { value: 'name', label: 'Navn' },
    { value: 'email', label: 'E-post' },
    { value: 'phone', label: 'Telefon' },
    { value: 'address', label: 'Adresse' },
  ],
  error: i === 0 ? state.error('decision', 'corrections') : undefined,
})}
${inputField({ id: `decision-correction-${n}-to`, name: 'correction_to', type: 'text', label: 'Ny verdi', maxlength: 500 })}
${customers.length > 1
  ? selectField({
      id: `decision-correction-${n}-customer`,
      name: 'correction_customer',
      label: 'Kundeforhold',
      options: customers.map((c) => ({ value: c, label: c })),
    })
  : html`<input type="hidden" name="correction_customer" value="${customers[0] ?? ''}">`}
</fieldset>`;
  });
  return html`<p class="hint">Henvendelsen om retting er fritekst: angi hvilke opplysninger som skal endres og til hva. Tomme rader brukes ikke.</p>
${rows}`;
}

/**
 * Approve or reject, as two forms: a refusal must carry a reason the requester is sent
 * (Art. 12(4)), and only a separate form lets the browser require it without script. Erasure
 * needs two different approvers; the page says who approved first and stops that person from
 * being the second.
 */
function decisionForms(model: CasePageModel, state: FormState): SafeHtml {
  const { request, user } = model;
  if (request.decision) {
    const d = request.decision;
    return html`<div class="action" id="action-decision"><h3>Avgjørelse</h3><p>${d.outcome === 'approved' ? 'Godkjent' : 'Avslått'} av ${actorName(d.decidedBy)}, ${osloDateTime(d.decidedAt)}.${d.reason && html` Begrunnelse: ${d.reason}`}</p></div>`;
  }
  if (request.status !== 'awaiting_approval') return html``;
  const needsTwo = model.plan?.needsTwoApprovers ?? request.types.includes('erasure');
  const approvals = request.approvals ?? [];
  // Both decision forms post `reason`; refill only the one that was sent.
  const sentOutcome = state.value('decision', 'outcome');
  const reasonFor = (outcome: string): string | undefined => (sentOutcome === outcome ? state.value('decision', 'reason') : undefined);
  const approvedByMe = approvals.some((a) => isMe(a.by, user.username));
  const twoApprovers =
    needsTwo &&
    html`<div class="notice"><p><strong>Sletting krever godkjenning fra to ulike saksbehandlere.</strong></p>
${approvals.length === 0
  ? html`<p>Ingen har godkjent ennå. Din godkjenning blir den første.</p>`
  : html`<ul>${approvals.map((a) => html`<li>Godkjent av ${actorName(a.by)}, ${osloDateTime(a.at)}${a.reason && html`: ${a.reason}`}</li>`)}</ul>
${approvedByMe
  ? html`<p><strong>Du godkjente første gang og kan ikke også være den andre godkjenneren.</strong> En annen saksbehandler må godkjenne.</p>`
  : html`<p>Din godkjenning blir den andre, og planen blir utført.</p>`}`}
</div>`;
  const approve =
    !approvedByMe &&
    actionForm(
      model,
      'decision',
      'Godkjenn planen',
      html`<input type="hidden" name="outcome" value="approved">
${request.types.includes('rectification') && correctionRows(model, state)}
${textareaField({
  id: 'decision-approve-reason',
  name: 'reason',
  label: 'Kommentar (valgfri)',
  hint: 'Lagres i historikken.',
  value: reasonFor('approved'),
})}`,
      'Godkjenn',
      'approve',
    );
  const reject = actionForm(
    model,
    'decision',
    'Avslå henvendelsen',
    html`<input type="hidden" name="outcome" value="rejected">
${reason(
  state,
  'decision',
  'Begrunnelse for avslaget',
  'Sendes til den registrerte sammen med retten til å klage til Datatilsynet og gå til domstolene (art. 12 (4)).',
  reasonFor('rejected'),
)}`,
    'Avslå',
    'reject',
  );
  return html`<div class="decision" id="action-decision">${twoApprovers}${approve}${reject}</div>`;
}

function verifyForm(model: CasePageModel, state: FormState): SafeHtml | false {
  const v = model.request.verification;
  if (model.request.status !== 'awaiting_verification' && v?.status !== 'pending') return false;
  return actionForm(
    model,
    'verify',
    'Bekreft identiteten manuelt',
    reason(
      state,
      'verify',
      'Hvordan ble identiteten bekreftet?',
      'For eksempel: ringte nummeret vi har registrert, og personen bekreftet henvendelsen. Ikke skriv fødselsnummer, og ikke ta kopi av legitimasjon.',
    ),
    'Bekreft identiteten',
  );
}

const MATCHED_BY: Readonly<Record<string, string>> = { email: 'e-post', phone: 'telefonnummer', name_address: 'navn og postadresse' };
const HOLDS: Readonly<Record<string, string>> = { profile: 'kundeprofil', invoices: 'fakturaer', door_events: 'dørhendelser' };

/**
 * The search before «we hold nothing» found customers by another identifier than the proven
 * address: staff see the candidates (never the requester) and link the case to one after
 * confirming who the person is, or confirm that none is a match.
 */
function identityForm(model: CasePageModel, state: FormState): SafeHtml | false {
  const candidates = model.plan?.identitySearch?.candidates ?? [];
  if (model.request.identityReview?.status !== 'pending' || candidates.length === 0) return false;
  return actionForm(
    model,
    'identity',
    'Mulige treff i kunderegisteret',
    html`<p>Personen har bare bekreftet e-postadressen de skrev fra, og den er ikke registrert hos oss. Søket etter andre opplysninger de oppga, fant disse kundene. Ikke fortell den registrerte om treffene før du har bekreftet hvem de er, for eksempel ved å ringe nummeret som er registrert på kunden.</p>
<table id="identity-candidates">
<caption>Treff</caption>
<thead><tr><th scope="col">Kundenummer</th><th scope="col">Funnet på</th><th scope="col">Vi har</th></tr></thead>
<tbody>${candidates.map(
      (candidate) =>
        html`<tr><td>${candidate.customerId}</td><td>${candidate.matchedBy.map((kind) => MATCHED_BY[kind] ?? kind).join(', ')}</td><td>${candidate.holds.map((kind) => HOLDS[kind] ?? kind).join(', ')}</td></tr>`,
    )}</tbody>
</table>
${choiceGroup({
  id: caseFieldId('identity', 'identity_action'),
  name: 'identity_action',
  label: 'Hva viste kontrollen?',
  type: 'radio',
  required: true,
  error: state.error('identity', 'identity_action'),
  options: [
    { value: 'link', label: 'Personen er kunden jeg velger nedenfor' },
    { value: 'no_match', label: 'Ingen av kundene er personen' },
  ],
  checked: [state.value('identity', 'identity_action') ?? ''],
})}
${selectField({
  id: caseFieldId('identity', 'customer'),
  name: 'customer',
  label: 'Kunde',
  error: state.error('identity', 'customer'),
  options: [{ value: '', label: 'Velg kunde' }, ...candidates.map((candidate) => ({ value: candidate.customerId, label: candidate.customerId }))],
  value: state.value('identity', 'customer') ?? '',
})}
${reason(state, 'identity', 'Hvordan kontrollerte du?', 'For eksempel: ringte nummeret registrert på kunden, og personen bekreftet henvendelsen. Ikke skriv fødselsnummer.')}`,
    'Lagre avklaringen',
  );
}

function extendForm(model: CasePageModel, state: FormState): SafeHtml {
  const { request } = model;
  if (!model.canExtend) {
    return html`<div class="action" id="action-extend"><h3>Forleng fristen</h3><p>${model.extendExplanation ?? 'Fristen kan ikke forlenges nå.'}</p></div>`;
  }
  const newDue = longDate(deadlineFromReceiptDate(request.receiptDate, { extended: true }));
  return actionForm(
    model,
    'extend',
    'Forleng fristen',
    html`<p>Fristen er ${longDate(request.dueDate)}. Forlenget frist blir ${newDue} (tre måneder fra mottak, art. 12 (3)).</p>
${reason(state, 'extend', 'Hvorfor må fristen forlenges?', 'Sendes til den registrerte. Forlengelse er bare lov når henvendelsen er omfattende eller det er mange henvendelser.')}`,
    'Forleng og varsle',
  );
}

function noteForm(model: CasePageModel, state: FormState): SafeHtml {
  return actionForm(
    model,
    'note',
    'Skriv et notat',
    textareaField({
      id: caseFieldId('note', 'text'),
      name: 'text',
      label: 'Notat',
      hint: 'Internt, lagres i historikken. Skriv bare det saken trenger.',
      required: true,
      error: state.error('note', 'text'),
      value: state.value('note', 'text'),
    }),
    'Lagre notatet',
  );
}

function takeForm(model: CasePageModel): SafeHtml {
  const assignee = model.request.assignee?.username;
  if (assignee === model.user.username) {
    return html`<div class="action" id="action-take"><h3>Saksbehandler</h3><p>Du har denne saken.</p></div>`;
  }
  return actionForm(
    model,
    'take',
    'Saksbehandler',
    html`<p>${assignee ? html`Saken er tatt av ${assignee}.` : 'Ingen har tatt saken.'}</p>`,
    assignee ? 'Ta over saken' : 'Ta saken',
  );
}

function mergeForm(model: CasePageModel, state: FormState): SafeHtml {
  return actionForm(
    model,
    'merge',
    'Slå sammen med en annen sak',
    html`${inputField({
      id: caseFieldId('merge', 'into'),
      name: 'into',
      type: 'text',
      label: 'Referansen til saken denne skal inn i',
      hint: 'For eksempel NK-20261123-7KQ4M2PX. Denne saken avsluttes. Den andre saken får alle rettighetene fra begge og den tidligste mottaksdatoen, og dermed den tidligste fristen.',
      required: true,
      maxlength: 40,
      autocomplete: 'off',
      error: state.error('merge', 'into'),
      value: state.value('merge', 'into'),
    })}
${choiceGroup({
  id: caseFieldId('merge', 'same_person'),
  name: 'same_person',
  type: 'checkbox',
  label: 'Samme person?',
  hint: 'Må krysses av når sakene har ulik e-postadresse eller er knyttet til ulike kunder. Brevet om sammenslåingen oppgir den andre sakens referanse og e-postadressen svaret sendes til.',
  options: [{ value: 'yes', label: 'Jeg har kontrollert at begge henvendelsene kommer fra samme person' }],
  checked: [state.value('merge', 'same_person') ?? ''],
  error: state.error('merge', 'same_person'),
})}
${reason(state, 'merge', 'Hvorfor slås sakene sammen?', 'Lagres i historikken, for eksempel «samme person sendte henvendelsen to ganger».')}`,
    'Slå sammen',
  );
}

function closeForm(model: CasePageModel, state: FormState): SafeHtml {
  // Refusing as manifestly unfounded or excessive is the privacy officer's call (the route checks it too).
  if (!hasStaffGroup(model.user, 'privacy-officer')) {
    return html`<div class="action" id="action-close"><h3>Avslutt som åpenbart grunnløs eller overdreven</h3><p>Bare personvernombudet kan avslutte en henvendelse som åpenbart grunnløs eller overdreven (art. 12 (5)). Skriv et notat og be personvernombudet vurdere saken.</p></div>`;
  }
  return actionForm(
    model,
    'close',
    'Avslutt som åpenbart grunnløs eller overdreven',
    html`<p class="hint">Art. 12 (5): bare for åpenbart grunnløse eller overdrevne henvendelser, særlig gjentatte. Vi har bevisbyrden.</p>
${choiceGroup({
  id: caseFieldId('close', 'ground'),
  name: 'ground',
  type: 'radio',
  label: 'Grunnlag',
  required: true,
  options: [
    { value: 'manifestly_unfounded', label: 'Åpenbart grunnløs' },
    { value: 'excessive', label: 'Overdreven (for eksempel gjentatte henvendelser)' },
  ],
  checked: [state.value('close', 'ground') ?? ''],
  error: state.error('close', 'ground'),
})}
${reason(state, 'close', 'Begrunnelse', 'Sendes til den registrerte sammen med retten til å klage til Datatilsynet og gå til domstolene.')}`,
    'Avslutt saken',
  );
}

/**
 * Correct an erasure plan before approving it: keep records (ground and last day) or release a
 * hold. Shown while the plan waits for a decision; record references are those the plan lists.
 */
function planCorrectionForm(model: CasePageModel, state: FormState): SafeHtml | false {
  const { request, plan } = model;
  if (request.status !== 'awaiting_approval' || request.decision || !plan || !request.types.includes('erasure')) return false;
  return actionForm(
    model,
    'plan',
    'Rett planen før godkjenning',
    html`<p class="hint">Hold tilbake oppføringer planen ville slettet (for eksempel for et rettskrav), eller frigi et hold som ikke lenger gjelder. Endringen lagres i historikken, står i svaret til den registrerte, og godkjenninger gitt før endringen må gis på nytt.</p>
${choiceGroup({
  id: caseFieldId('plan', 'plan_action'),
  name: 'plan_action',
  type: 'radio',
  label: 'Hva skal gjøres?',
  required: true,
  options: [
    { value: 'keep', label: 'Behold oppføringene (med grunnlag og sluttdato)' },
    { value: 'release', label: 'Frigi et hold som ikke lenger gjelder' },
  ],
  checked: [state.value('plan', 'plan_action') ?? ''],
  error: state.error('plan', 'plan_action'),
})}
${textareaField({
  id: caseFieldId('plan', 'records'),
  name: 'records',
  label: 'Oppføringer',
  hint: 'Referansene fra planen, én per linje, for eksempel invoice:202405-AB12CD-1. Skriv door_event:* for alle dørhendelser.',
  required: true,
  error: state.error('plan', 'records'),
  value: state.value('plan', 'records'),
})}
${selectField({
  id: caseFieldId('plan', 'ground'),
  name: 'ground',
  label: 'Grunnlag (når oppføringene beholdes)',
  options: [
    { value: '', label: 'Velg grunnlag' },
    { value: 'legal_claim', label: 'Rettskrav (personvernforordningen artikkel 17 nr. 3 bokstav e)' },
    { value: 'bookkeeping', label: 'Bokføring (bokføringsloven § 13)' },
  ],
  error: state.error('plan', 'ground'),
})}
${inputField({
  id: caseFieldId('plan', 'until'),
  name: 'until',
  type: 'date',
  label: 'Beholdes til og med (når oppføringene beholdes)',
  hint: 'Dagens dato eller senere; oppføringene slettes dagen etter.',
  error: state.error('plan', 'until'),
  value: state.value('plan', 'until'),
})}
${textareaField({
  id: caseFieldId('plan', 'reason'),
  name: 'reason',
  label: 'Begrunnelse (intern)',
  hint: 'Lagres i historikken.',
  value: state.value('plan', 'reason'),
})}`,
    'Rett planen',
  );
}

const SCOPE_OPTIONS = RecordCategorySchema.options.map((category) => ({ value: category, label: RECORD_CATEGORY_LABELS[category] }));

/**
 * Art. 18: set or confirm the ground and scope of a restriction before approving it (required for a
 * restriction request; possible on any case waiting for approval, e.g. ground d for an objection).
 */
function restrictionForm(model: CasePageModel, state: FormState): SafeHtml | false {
  const { request, plan } = model;
  if (request.status !== 'awaiting_approval' || request.decision || !plan) return false;
  if (!request.types.includes('restriction') && !request.types.includes('objection')) return false;
  const current = request.restriction;
  const sent = state.value('restriction', 'scope');
  // What staff confirm starts from what is set, else from what the person chose on the form or by phone.
  const proposed = proposedRestriction(request);
  const asked = request.requestedRestriction;
  return actionForm(
    model,
    'restriction',
    'Grunnlag og omfang for begrensning',
    html`${current
      ? html`<p>Satt av ${actorName(current.setBy)}: bokstav ${current.ground}, gjelder ${current.scope.map((c) => RECORD_CATEGORY_LABELS[c]).join(', ')}.</p>`
      : html`<p class="hint">Må settes før en begrensning godkjennes (personvernforordningen artikkel 18 nr. 1).</p>`}
${!current && asked && html`<p>Den registrerte ba om: ${asked.ground ? html`grunnlag ${RESTRICTION_GROUND_LABELS[asked.ground]}` : 'ingen grunn oppgitt'}; ${asked.scope ? html`gjelder ${asked.scope.map((c) => RECORD_CATEGORY_LABELS[c]).join(', ')}` : 'ingen kategorier valgt'}. Valgene under er fylt ut etter det; kontroller at grunnlaget passer, og lagre.</p>`}
${choiceGroup({
  id: caseFieldId('restriction', 'restriction_ground'),
  name: 'restriction_ground',
  type: 'radio',
  label: 'Grunnlag',
  required: true,
  options: RESTRICTION_GROUNDS.map((ground) => ({ value: ground, label: RESTRICTION_GROUND_LABELS[ground] })),
  checked: [state.value('restriction', 'restriction_ground') ?? proposed.ground ?? ''],
  error: state.error('restriction', 'restriction_ground'),
})}
${choiceGroup({
  id: caseFieldId('restriction', 'scope'),
  name: 'scope',
  type: 'checkbox',
  label: 'Omfang: hvilke kategorier begrenses',
  options: SCOPE_OPTIONS,
  checked: sent !== undefined ? [sent] : (proposed.scope ?? plan.export?.categories.map((c) => c.category) ?? []),
  error: state.error('restriction', 'scope'),
})}
${textareaField({ id: caseFieldId('restriction', 'reason'), name: 'reason', label: 'Merknad (intern)', hint: 'Lagres i historikken.', value: state.value('restriction', 'reason') })}`,
    current ? 'Endre begrensningen' : 'Lagre grunnlag og omfang',
  );
}

/** Art. 18(3): lift a restriction in force; the person is sent the notice (with the reason) first. */
function liftRestrictionForm(model: CasePageModel, state: FormState): SafeHtml | false {
  const restriction = model.request.restriction;
  if (!restriction?.appliedAt || restriction.liftedAt) return false;
  return actionForm(
    model,
    'lift-restriction',
    'Opphev begrensningen',
    html`<p>Begrensning etter bokstav ${restriction.ground} gjelder ${restriction.scope.map((c) => RECORD_CATEGORY_LABELS[c]).join(', ')} siden ${osloDateTime(restriction.appliedAt)}. Den registrerte får varsel før den oppheves (art. 18 nr. 3).</p>
${reason(state, 'lift-restriction', 'Hvorfor oppheves begrensningen?', 'Sendes til den registrerte i varselet.')}`,
    'Varsle og opphev',
  );
}

/** Art. 18(1)(a): dispute a requested correction and restrict the profile while it is checked. */
function disputeForm(model: CasePageModel, state: FormState): SafeHtml | false {
  const { request } = model;
  if (!request.types.includes('rectification') || request.status !== 'awaiting_approval' || request.decision) return false;
  if (request.restriction?.appliedAt && !request.restriction.liftedAt) return false;
  return actionForm(
    model,
    'dispute',
    'Bestrid rettingen',
    html`<p class="hint">Er vi ikke sikre på at opplysningene er feil, begrenses profilen mens vi undersøker (art. 18 nr. 1 bokstav a). Den registrerte får beskjed.</p>
${reason(state, 'dispute', 'Hvorfor bestrides rettingen?', 'Sendes til den registrerte.')}`,
    'Bestrid og begrens',
  );
}

/**
 * "Handlinger": the forms that fit the case's state. A closed case only takes notes; decision and
 * manual verification appear only at their step; extension only while the law still allows it.
 */
export function actionsSection(model: CasePageModel): SafeHtml {
  const state = formState(model);
  const open = isOpenStatus(model.request.status);
  const content = open
    ? html`<div class="actions-grid">
${decisionForms(model, state)}
${planCorrectionForm(model, state)}
${restrictionForm(model, state)}
${disputeForm(model, state)}
${liftRestrictionForm(model, state)}
${identityForm(model, state)}
${verifyForm(model, state)}
${extendForm(model, state)}
${takeForm(model)}
${messageForm(model)}
${noteForm(model, state)}
${mergeForm(model, state)}
${closeForm(model, state)}
</div>`
    : html`<p>Saken er avsluttet. Du kan fortsatt skrive til den registrerte og skrive notater.</p><div class="actions-grid">${decisionForms(model, state)}${liftRestrictionForm(model, state)}${messageForm(model)}${noteForm(model, state)}</div>`;
  return section('section-actions', 'Handlinger', content);
}
