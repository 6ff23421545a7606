import { REQUEST_TYPE_LABELS } from '../../../domain/request/request-type-labels.js';
import { REQUEST_TYPES } from '../../../domain/request/request-vocabulary.js';
import { RecordCategorySchema } from '../../../domain/plan/action-plan.js';
import { RESTRICTION_GROUND_LABELS, RESTRICTION_GROUNDS } from '../../../domain/restriction/restriction.js';
import { RECORD_CATEGORY_LABELS } from '../../../web/console/pages/console-labels.js';
import { html } from '../../../platform/html.js';
import type { ConsoleContext, ConsoleFieldError } from '../../../web/console/pages/console-context.js';
import { csrfField } from '../../../web/console/pages/form-controls.js';
import { REPRESENTATIVE_RELATIONS } from '../../../domain/request/representative.js';
import { RELATION_LABELS } from '../../../web/console/pages/console-labels.js';
import { choiceGroup, errorSummary, inputField, languageChoice, textareaField } from '../../../web/console/pages/form-controls.js';
import { renderConsoleLayout } from '../../../web/console/pages/layout.js';

/** The intake form as posted (unvalidated), to refill it after an error. */
export interface IntakeFormValues {
  readonly channel: string;
  /** `YYYY-MM-DD`, Oslo. */
  readonly received_date: string;
  /** `HH:MM`, Oslo. */
  readonly received_time: string;
  readonly name: string;
  readonly email: string;
  readonly street: string;
  readonly postal_code: string;
  readonly city: string;
  readonly phone: string;
  readonly rep_relation: string;
  readonly rep_name: string;
  readonly rep_email: string;
  readonly rep_phone: string;
  readonly rep_street: string;
  readonly rep_postal_code: string;
  readonly rep_city: string;
  readonly types: readonly string[];
  /** Art. 18(1) ground a–d the person gave, or ''. */
  readonly restriction_ground: string;
  readonly restriction_scope: readonly string[];
  readonly details: string;
  readonly language: string;
  readonly intake_note: string;
}

export interface IntakePageModel extends ConsoleContext {
  /** Sent back with the form, so a double submit (or a retry after a timeout) registers one request. */
  readonly idempotencyKey: string;
  readonly values?: Partial<IntakeFormValues>;
  /** `field` is the form field name (`received_date`, `types`…). */
  readonly errors?: readonly ConsoleFieldError[];
}

/** Form fields in page order: the error summary lists problems in this order. */
const FIELD_ORDER = ['channel', 'received_date', 'received_time', 'name', 'email', 'street', 'postal_code', 'city', 'phone', 'rep_relation', 'rep_name', 'rep_email', 'rep_phone', 'rep_street', 'rep_postal_code', 'rep_city', 'types', 'restriction', 'details', 'language', 'intake_note'];

const fieldId = (field: string): string => `intake-${field.replaceAll('_', '-')}`;

/**
 * Manual intake of a request that came by phone or post. The receipt date and time are asked for
 * explicitly; the route fills in now (Oslo time) for a fresh form, and the hint says to change it:
 * the deadline runs from when the call or letter reached us, not from when it is typed in
 * (Art. 12(3)).
 */
export function renderIntakePage(model: IntakePageModel): string {
  const values = model.values ?? {};
  const errors = model.errors ?? [];
  const error = (field: string): string | undefined => errors.find((e) => e.field === field)?.message;
  const rank = (field: string | undefined): number => (field && FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  const summary = [...errors]
    .sort((a, b) => rank(a.field) - rank(b.field))
    .map((e) => ({ message: e.message, href: e.field && FIELD_ORDER.includes(e.field) ? fieldId(e.field) : undefined }));

  const body = html`${errorSummary(summary)}
<h1>Registrer henvendelse fra telefon eller post</h1>
<p>Fyll inn det den registrerte ba om, så raskt som mulig. Fristen regnes fra da henvendelsen kom inn, ikke fra nå.</p>
<form method="post" action="/console/intake">
${csrfField(model.csrfToken)}
<input type="hidden" name="idempotencyKey" value="${model.idempotencyKey}">
${choiceGroup({
  id: fieldId('channel'),
  name: 'channel',
  type: 'radio',
  label: 'Hvordan kom henvendelsen inn?',
  required: true,
  options: [
    { value: 'phone', label: 'Telefon' },
    { value: 'post', label: 'Post' },
  ],
  checked: values.channel ? [values.channel] : [],
  error: error('channel'),
})}
${inputField({
  id: fieldId('received_date'),
  name: 'received_date',
  type: 'date',
  label: 'Dato mottatt',
  hint: 'Fylt inn med dagens dato. Endre den hvis samtalen kom inn eller brevet ble mottatt tidligere (ikke poststempelet). ÅÅÅÅ-MM-DD.',
  required: true,
  value: values.received_date,
  error: error('received_date'),
})}
${inputField({
  id: fieldId('received_time'),
  name: 'received_time',
  type: 'time',
  label: 'Klokkeslett mottatt (norsk tid)',
  hint: 'Fylt inn med klokkeslettet nå. TT:MM. For post: når posten ble åpnet eller levert, så godt det er kjent.',
  required: true,
  value: values.received_time,
  error: error('received_time'),
})}
${inputField({ id: fieldId('name'), name: 'name', type: 'text', label: 'Navn', required: true, autocomplete: 'off', maxlength: 200, value: values.name, error: error('name') })}
${inputField({
  id: fieldId('email'),
  name: 'email',
  type: 'email',
  label: 'E-post (hvis personen har en)',
  hint: 'Bekreftelse og svar sendes hit. Uten e-post går alle brev per post til postadressen under (som PDF til utskrift). Oppgi minst én av dem.',
  autocomplete: 'off',
  maxlength: 254,
  value: values.email,
  error: error('email'),
})}
<fieldset>
<legend>Postadresse (for svar per post)</legend>
${inputField({ id: fieldId('street'), name: 'street', type: 'text', label: 'Gateadresse eller postboks', autocomplete: 'off', maxlength: 200, value: values.street, error: error('street') })}
${inputField({ id: fieldId('postal_code'), name: 'postal_code', type: 'text', label: 'Postnummer', hint: 'Fire sifre.', autocomplete: 'off', maxlength: 4, value: values.postal_code, error: error('postal_code') })}
${inputField({ id: fieldId('city'), name: 'city', type: 'text', label: 'Poststed', autocomplete: 'off', maxlength: 100, value: values.city, error: error('city') })}
</fieldset>
${inputField({ id: fieldId('phone'), name: 'phone', type: 'tel', label: 'Telefon (valgfritt)', autocomplete: 'off', maxlength: 32, value: values.phone, error: error('phone') })}
<fieldset>
<legend>Representant (bare når noen spør på vegne av personen over)</legend>
<p class="hint">Forelder for et barn, verge, advokat eller annen fullmektig. Feltene over er da personen opplysningene gjelder (identiteten kontrolleres hos henne eller ham), og brevene går til representanten. Fullmakten lastes opp på saken etterpå.</p>
${choiceGroup({
  id: fieldId('rep_relation'),
  name: 'rep_relation',
  type: 'radio',
  label: 'Hvem er representanten for personen?',
  options: [{ value: '', label: 'Ingen representant' }, ...REPRESENTATIVE_RELATIONS.map((relation) => ({ value: relation, label: RELATION_LABELS[relation] }))],
  checked: [values.rep_relation ?? ''],
  error: error('rep_relation'),
})}
${inputField({ id: fieldId('rep_name'), name: 'rep_name', type: 'text', label: 'Representantens navn', autocomplete: 'off', maxlength: 200, value: values.rep_name, error: error('rep_name') })}
${inputField({ id: fieldId('rep_email'), name: 'rep_email', type: 'email', label: 'Representantens e-post', autocomplete: 'off', maxlength: 254, value: values.rep_email, error: error('rep_email') })}
${inputField({ id: fieldId('rep_phone'), name: 'rep_phone', type: 'tel', label: 'Representantens telefon (valgfritt)', autocomplete: 'off', maxlength: 32, value: values.rep_phone, error: error('rep_phone') })}
${inputField({ id: fieldId('rep_street'), name: 'rep_street', type: 'text', label: 'Representantens gateadresse eller postboks (for svar per post)', autocomplete: 'off', maxlength: 200, value: values.rep_street, error: error('rep_street') })}
${inputField({ id: fieldId('rep_postal_code'), name: 'rep_postal_code', type: 'text', label: 'Representantens postnummer', autocomplete: 'off', maxlength: 4, value: values.rep_postal_code, error: error('rep_postal_code') })}
${inputField({ id: fieldId('rep_city'), name: 'rep_city', type: 'text', label: 'Representantens poststed', autocomplete: 'off', maxlength: 100, value: values.rep_city, error: error('rep_city') })}
</fieldset>
${choiceGroup({
  id: fieldId('types'),
  name: 'types',
  type: 'checkbox',
  label: 'Hva ber personen om?',
  hint: 'Velg én eller flere.',
  options: REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t].nb })),
  checked: values.types ?? [],
  error: error('types'),
})}
${choiceGroup({
  id: fieldId('restriction'),
  name: 'restriction_ground',
  type: 'radio',
  label: 'Ved begrensning: grunnen personen oppgir (valgfritt)',
  hint: 'Bare når personen ber om begrensning. Det du velger her, er forhåndsvalgt når grunnlag og omfang skal bekreftes i saken.',
  options: [{ value: '', label: 'Ingen grunn oppgitt' }, ...RESTRICTION_GROUNDS.map((ground) => ({ value: ground, label: RESTRICTION_GROUND_LABELS[ground] }))],
  checked: [values.restriction_ground ?? ''],
  error: error('restriction'),
})}
${choiceGroup({
  id: fieldId('restriction_scope'),
  name: 'restriction_scope',
  type: 'checkbox',
  label: 'Ved begrensning: opplysninger personen vil ha begrenset (valgfritt)',
  options: RecordCategorySchema.options.map((category) => ({ value: category, label: RECORD_CATEGORY_LABELS[category] })),
  checked: values.restriction_scope ?? [],
})}
${textareaField({
  id: fieldId('details'),
  name: 'details',
  label: 'Hva personen sa eller skrev (valgfritt)',
  hint: 'Med personens egne ord så langt det går. Høyst 5000 tegn. Ikke skriv fødselsnummer eller helseopplysninger.',
  maxlength: 5000,
  rows: 6,
  value: values.details,
  error: error('details'),
})}
${languageChoice(fieldId('language'), values.language ?? 'nb', error('language'))}
${textareaField({
  id: fieldId('intake_note'),
  name: 'intake_note',
  label: 'Internt notat om mottaket (valgfritt)',
  hint: 'For eksempel hvem som tok samtalen eller hvor brevet er arkivert. Lagres i historikken.',
  maxlength: 2000,
  value: values.intake_note,
  error: error('intake_note'),
})}
<button type="submit">Registrer henvendelsen</button>
</form>`;
  return renderConsoleLayout({
    title: errors.length > 0 ? 'Feil: Ny henvendelse' : 'Ny henvendelse',
    body,
    user: model.user,
    csrfToken: model.csrfToken,
    section: 'intake',
    flash: model.flash,
  });
}
