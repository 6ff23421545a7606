import type { FieldError } from '../../../domain/request/request-submission.js';
import { REQUEST_TYPE_LABELS } from '../../../domain/request/request-type-labels.js';
import { REQUEST_TYPES, type Language } from '../../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { onBehalfFieldset, type OnBehalfValues } from './on-behalf-fieldset.js';
import { renderLayout } from '../../../web/page-shell.js';
import { FORM_TEXT, PRIVACY_POLICY_URL, RESTRICTION_GROUND_CHOICES, RIGHT_EXPLANATIONS } from './request-form-text.js';
import { CATEGORY_LABELS } from '../../../domain/letters/art15-information.js';
import { RecordCategorySchema } from '../../../domain/plan/action-plan.js';
import { RESTRICTION_GROUNDS } from '../../../domain/restriction/restriction.js';

/** What the requester typed, as it came back in the POST body (unvalidated). */
export interface RequestFormValues extends OnBehalfValues {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly details: string;
  readonly types: readonly string[];
  /** Art. 18(1) ground a–d the person chose, if any. */
  readonly restriction_ground: string;
  readonly restriction_scope: string | readonly string[];
}

export interface RequestFormInput {
  readonly language: Language;
  /** Fresh per rendering; the POST carries it so a double submit makes one request. */
  readonly idempotencyKey: string;
  readonly values?: Partial<RequestFormValues>;
  readonly errors?: readonly FieldError[];
}

/** Fields with a control on the form, in page order; error summary links follow this order. */
const FORM_FIELDS = ['name', 'email', 'phone', 'types', 'restriction', 'on_behalf_relation', 'subject_name', 'subject_email', 'subject_phone', 'details'] as const;
type FormField = (typeof FORM_FIELDS)[number];

const isFormField = (field: string): field is FormField => (FORM_FIELDS as readonly string[]).includes(field);

/** ` aria-describedby="…"` for the ids given, or nothing when none apply. */
function describedBy(...idRefs: (string | false | undefined)[]): SafeHtml | false {
  const value = idRefs.filter(Boolean).join(' ');
  return value !== '' && html` aria-describedby="${value}"`;
}

function errorMessage(id: string, message: string | undefined, prefix: string): SafeHtml | false {
  return (
    message !== undefined &&
    html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${prefix}</span> ${message}</p>`
  );
}

interface TextFieldSpec {
  readonly field: 'name' | 'email' | 'phone';
  readonly type: 'text' | 'email' | 'tel';
  readonly autocomplete: string;
  readonly required: boolean;
  readonly label: string;
  readonly hint?: string;
}

/**
 * The request form, blank or refilled after a failed submission. Refilling every value and box
 * means nothing the person typed is lost; each error sits next to its field and in a summary whose
 * links move focus to the field, so keyboard and screen-reader users can find what to fix.
 * The form has no `action`: it posts to the address it is shown at (`/`, `POST /` in the route
 * table), so the form shown again after an error keeps that address in the address bar.
 *
 * @example renderRequestFormPage({ language: 'nb', idempotencyKey: randomUUID() })
 */
export function renderRequestFormPage({ language, idempotencyKey, values = {}, errors = [] }: RequestFormInput): string {
  const t = FORM_TEXT[language];
  const firstError = new Map<string, string>();
  for (const e of errors) if (!firstError.has(e.field)) firstError.set(e.field, e.message);
  const rank = (field: string): number => (isFormField(field) ? FORM_FIELDS.indexOf(field) : FORM_FIELDS.length);
  const sorted = [...errors].sort((a, b) => rank(a.field) - rank(b.field));
  const errorFor = (field: FormField): string | undefined => firstError.get(field);

  const textField = (spec: TextFieldSpec): SafeHtml => {
    const id = `field-${spec.field}`;
    const error = errorFor(spec.field);
    return html`<div class="field${error !== undefined && ' field-error'}">
<label for="${id}">${spec.label}</label>
${spec.hint && html`<p class="hint" id="${id}-hint">${spec.hint}</p>`}
${errorMessage(id, error, t.errorPrefix)}
<input type="${spec.type}" id="${id}" name="${spec.field}" autocomplete="${spec.autocomplete}"${spec.type === 'email' && html` spellcheck="false"`}${spec.required && html` required`} value="${values[spec.field] ?? ''}"${error !== undefined && html` aria-invalid="true"`}${describedBy(spec.hint && `${id}-hint`, error !== undefined && `${id}-error`)}>
</div>`;
  };

  const checked = new Set(values.types ?? []);
  const typesError = errorFor('types');
  const checkboxes = REQUEST_TYPES.map((type, index) => {
    const id = index === 0 ? 'field-types' : `field-types-${type}`;
    return html`<div class="checkbox">
<input type="checkbox" id="${id}" name="types" value="${type}"${checked.has(type) && html` checked`}${typesError !== undefined && html` aria-invalid="true"`} aria-describedby="${id}-hint">
<div><label for="${id}">${REQUEST_TYPE_LABELS[type][language]}</label>
<p class="hint" id="${id}-hint">${RIGHT_EXPLANATIONS[type][language]}</p></div>
</div>`;
  });

  const restrictionError = errorFor('restriction');
  const chosenGround = typeof values.restriction_ground === 'string' ? values.restriction_ground : '';
  const chosenScope = new Set(typeof values.restriction_scope === 'string' ? [values.restriction_scope] : (values.restriction_scope ?? []));
  const groundOptions = [['', t.restrictionNoGround] as const, ...RESTRICTION_GROUNDS.map((ground) => [ground, RESTRICTION_GROUND_CHOICES[ground][language]] as const)].map(
    ([value, label], index) => {
      const id = index === 0 ? 'field-restriction' : `field-restriction-ground-${value}`;
      return html`<div class="checkbox">
<input type="radio" id="${id}" name="restriction_ground" value="${value}"${chosenGround === value && html` checked`}${restrictionError !== undefined && html` aria-invalid="true"`}>
<label for="${id}">${label}</label>
</div>`;
    },
  );
  const scopeOptions = RecordCategorySchema.options.map(
    (category) => html`<div class="checkbox">
<input type="checkbox" id="field-restriction-scope-${category}" name="restriction_scope" value="${category}"${chosenScope.has(category) && html` checked`}${restrictionError !== undefined && html` aria-invalid="true"`}>
<label for="field-restriction-scope-${category}">${CATEGORY_LABELS[category][language]}</label>
</div>`,
  );

  const detailsError = errorFor('details');
  const body = html`<h1>${t.title}</h1>
${errors.length > 0 && html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${t.summaryTitle}</h2>
<ul>${sorted.map((e) => html`<li>${isFormField(e.field) ? html`<a href="#field-${e.field}">${e.message}</a>` : e.message}</li>`)}</ul>
</div>`}
<p>${t.lead}</p>
<p><strong>${t.free}</strong></p>
<p>${t.deadline}</p>
<p>${t.identity}</p>
<p>${t.privacyBefore}<a href="${PRIVACY_POLICY_URL}" hreflang="nb">${t.privacyLink}</a>${t.privacyAfter}</p>
<p>${t.otherChannels}</p>
<form method="post" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="language" value="${language}">
<input type="hidden" name="idempotencyKey" value="${idempotencyKey}">
${textField({ field: 'name', type: 'text', autocomplete: 'name', required: true, label: t.name })}
${textField({ field: 'email', type: 'email', autocomplete: 'email', required: true, label: t.email, hint: t.emailHint })}
${textField({ field: 'phone', type: 'tel', autocomplete: 'tel', required: false, label: t.phone, hint: t.phoneHint })}
<div class="field${typesError !== undefined && ' field-error'}">
<fieldset${describedBy('field-types-group-hint', typesError !== undefined && 'field-types-error')}>
<legend>${t.types}</legend>
<p class="hint" id="field-types-group-hint">${t.typesHint}</p>
${errorMessage('field-types', typesError, t.errorPrefix)}
${checkboxes}
</fieldset>
</div>
<div class="field${restrictionError !== undefined && ' field-error'}">
<h2>${t.restriction}</h2>
<p class="hint" id="field-restriction-hint">${t.restrictionHint}</p>
${errorMessage('field-restriction', restrictionError, t.errorPrefix)}
<fieldset${describedBy('field-restriction-hint', restrictionError !== undefined && 'field-restriction-error')}>
<legend>${t.restrictionGround}</legend>
${groundOptions}
</fieldset>
<fieldset aria-describedby="field-restriction-scope-hint">
<legend>${t.restrictionScope}</legend>
<p class="hint" id="field-restriction-scope-hint">${t.restrictionScopeHint}</p>
${scopeOptions}
</fieldset>
</div>
${onBehalfFieldset(language, values, (field) => (isFormField(field) ? errorFor(field) : undefined), t.errorPrefix)}
<div class="field${detailsError !== undefined && ' field-error'}">
<label for="field-details">${t.details}</label>
<p class="hint" id="field-details-hint">${t.detailsHint}</p>
${errorMessage('field-details', detailsError, t.errorPrefix)}
<textarea id="field-details" name="details" rows="8" maxlength="5000"${detailsError !== undefined && html` aria-invalid="true"`}${describedBy('field-details-hint', detailsError !== undefined && 'field-details-error')}>
${values.details ?? ''}</textarea>
</div>
<button type="submit">${t.submit}</button>
</form>`;

  return renderLayout({
    language,
    title: errors.length > 0 ? t.errorTitlePrefix + t.title : t.title,
    body,
    languageSwitchPath: '/',
  });
}
