import { MAX_MANDATE_BYTES } from '../../../domain/representation/mandate-document.js';
import { MANDATE_STATE_LABELS, mandateState } from '../../../domain/request/mandate-rules.js';
import { STAFF_TYPE_LABELS } from '../../../domain/request/staff-labels.js';
import { isOpenStatus } from '../../../domain/lifecycle/request-lifecycle.js';
import type { RepresentativeRelation } from '../../../domain/request/representative.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import type { CasePageModel } from './case-page-model.js';
import { section } from './case-sections.js';
import { actorName, longDate, osloDateTime } from '../../../web/console/pages/console-format.js';
import { RELATION_LABELS } from '../../../web/console/pages/console-labels.js';
import { csrfField } from '../../../web/console/pages/form-controls.js';
import { choiceGroup, inputField, textareaField } from '../../../web/console/pages/form-controls.js';


/** What staff check for each relation: the judgement recorded in the note. */
const WHAT_TO_CHECK: Readonly<Record<RepresentativeRelation, string>> = {
  parent:
    'Kontroller foreldreansvaret (fødselsattest eller bekreftelse fra Folkeregisteret) og at barnet er under 18 år. Jo eldre barnet er, desto mer vekt skal barnets egen mening ha: vurder om barnet selv bør spørres.',
  guardian: 'Kontroller vergemålet og at det omfatter personopplysninger (vergefullmakt fra Statsforvalteren).',
  lawyer: 'Kontroller at fullmakten er undertegnet av den registrerte og hva den omfatter.',
  other: 'Kontroller at fullmakten er undertegnet av den registrerte, hva den omfatter og hvor lenge den gjelder.',
};

const url = (model: CasePageModel, action: string): string => `/console/requests/${encodeURIComponent(model.request.id)}/${action}`;

const fieldError = (model: CasePageModel, action: 'mandate' | 'mandate-document', field: string): string | undefined =>
  model.errors?.find((error) => error.action === action && error.field === field)?.message;
const typed = (model: CasePageModel, field: string): string | undefined => (model.values?.action === 'mandate' ? model.values.fields[field] : undefined);

function uploadForm(model: CasePageModel): SafeHtml {
  const error = fieldError(model, 'mandate-document', 'file');
  return html`<div class="action" id="action-mandate-document">
<h3>Last opp fullmakt</h3>
<form method="post" action="${url(model, 'mandate-document')}" enctype="multipart/form-data">
${csrfField(model.csrfToken)}
<div class="${error ? 'field field-error' : 'field'}">
<label for="mandate-document-file">Fullmakt (PDF, PNG eller JPEG, høyst ${MAX_MANDATE_BYTES / 1024 / 1024} MB)</label>
${error && html`<p class="error-message" id="mandate-document-file-error"><span class="visually-hidden">Feil:</span> ${error}</p>`}
<input type="file" id="mandate-document-file" name="file" accept="application/pdf,image/png,image/jpeg" required${error && html` aria-invalid="true" aria-describedby="mandate-document-file-error"`}>
</div>
<button type="submit">Last opp</button>
</form>
</div>`;
}

function checkForm(model: CasePageModel): SafeHtml {
  const { request } = model;
  const relation = request.representative!.relation;
  return html`<div class="action" id="action-mandate">
<h3>Kontroller fullmakten</h3>
<p class="hint">${WHAT_TO_CHECK[relation]}</p>
<form method="post" action="${url(model, 'mandate')}">
${csrfField(model.csrfToken)}
${choiceGroup({
  id: 'mandate-outcome',
  name: 'outcome',
  type: 'radio',
  label: 'Resultat',
  required: true,
  options: [
    { value: 'accepted', label: 'Godta fullmakten' },
    { value: 'refused', label: 'Fullmakten godtas ikke' },
  ],
  checked: typed(model, 'outcome') ? [typed(model, 'outcome')!] : [],
})}
${choiceGroup({
  id: 'mandate-scope',
  name: 'mandate_scope',
  type: 'checkbox',
  label: 'Rettigheter fullmakten gjelder',
  hint: 'Bare det fullmakten gir rom for. Planen kan godkjennes bare når alle rettighetene i saken er dekket.',
  options: request.types.map((type) => ({ value: type, label: STAFF_TYPE_LABELS[type] })),
  checked: request.mandate?.scope ?? request.types,
  ...(fieldError(model, 'mandate', 'scope') && { error: fieldError(model, 'mandate', 'scope') }),
})}
${inputField({
  id: 'mandate-valid_until',
  name: 'valid_until',
  type: 'date',
  label: 'Gyldig til og med',
  value: typed(model, 'valid_until') ?? request.mandate?.validUntil ?? '',
  ...(fieldError(model, 'mandate', 'valid_until') && { error: fieldError(model, 'mandate', 'valid_until') }),
})}
${textareaField({
  id: 'mandate-note',
  name: 'note',
  label: 'Hva er kontrollert (eller hvorfor fullmakten ikke godtas)',
  required: true,
  value: typed(model, 'note') ?? '',
  ...(fieldError(model, 'mandate', 'note') && { error: fieldError(model, 'mandate', 'note') }),
})}
<button type="submit">Lagre kontrollen</button>
</form>
</div>`;
}

/**
 * «Representant og fullmakt»: who asks on the data subject's behalf, how to reach them, the
 * mandate's state, document, scope and who checked it, and (while the case is open and not yet
 * decided) the upload and the check. Absent for a request the data subject made themselves.
 */
export function representationSection(model: CasePageModel): SafeHtml | false {
  const { request } = model;
  const representative = request.representative;
  if (!representative) return false;
  const mandate = request.mandate;
  const state = mandateState(request, model.today);
  const open = isOpenStatus(request.status) && !request.decision;
  const address = representative.postalAddress;
  return section(
    'representation',
    'Representant og fullmakt',
    html`<dl class="facts">
<dt>Representant</dt><dd>${representative.name} (${RELATION_LABELS[representative.relation].toLowerCase()})</dd>
<dt>Kontakt</dt><dd>${representative.email ?? ''}${address && html`${representative.email ? ', ' : ''}${address.street}, ${address.postalCode} ${address.city}`}</dd>
<dt>Den registrerte</dt><dd>${request.requester.name} (identiteten kontrolleres hos den registrerte, ikke hos representanten)</dd>
<dt>Fullmakt</dt><dd><strong>${MANDATE_STATE_LABELS[state]}</strong></dd>
${mandate?.document &&
html`<dt>Dokument</dt><dd><a href="${url(model, 'mandate-document')}">Last ned fullmakten</a> (${Math.ceil(mandate.document.bytes / 1024)} kB, lastet opp av ${actorName(mandate.document.attachedBy)} ${osloDateTime(mandate.document.attachedAt)})</dd>`}
${mandate?.scope && html`<dt>Omfang</dt><dd>${mandate.scope.map((type) => STAFF_TYPE_LABELS[type]).join(', ')}</dd>`}
${mandate?.validUntil && html`<dt>Gyldig til</dt><dd>${longDate(mandate.validUntil)}</dd>`}
${mandate?.checkedBy && html`<dt>Kontrollert av</dt><dd>${actorName(mandate.checkedBy)} ${osloDateTime(mandate.checkedAt ?? '')}: ${mandate.note ?? ''}</dd>`}
</dl>
${open && html`<div class="actions-grid">${uploadForm(model)}${mandate?.document && checkForm(model)}</div>`}`,
  );
}
