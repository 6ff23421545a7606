import { LANGUAGES } from '../../../domain/request/request-vocabulary.js';
import { STAFF_LANGUAGE_LABELS } from '../../../domain/request/staff-labels.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { CSRF_FIELD } from '../../../domain/staff-auth/index.js';

/**
 * Labelled form controls for the console. Each control gets an id, a `<label for>`, its hint and
 * error linked by `aria-describedby`, so keyboard and screen-reader users hear what to type and
 * what went wrong; radio and checkbox groups sit in a fieldset with a legend.
 */

interface ControlBase {
  /** Unique on the page; the error summary links to it. */
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  readonly required?: boolean;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): SafeHtml | false {
  const refs = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return refs !== '' && html` aria-describedby="${refs}"`;
}

function hintAndError(id: string, hint: string | undefined, error: string | undefined): SafeHtml {
  return html`${hint && html`<p class="hint" id="${id}-hint">${hint}</p>`}${
    error && html`<p class="error-message" id="${id}-error"><span class="visually-hidden">Feil:</span> ${error}</p>`
  }`;
}

const invalid = (error: string | undefined): SafeHtml | false => error !== undefined && html` aria-invalid="true"`;
const wrapClass = (error: string | undefined): string => (error === undefined ? 'field' : 'field field-error');

export interface InputSpec extends ControlBase {
  readonly type: 'text' | 'email' | 'tel' | 'search' | 'password' | 'date' | 'time';
  readonly value?: string;
  readonly autocomplete?: string;
  readonly maxlength?: number;
  readonly pattern?: string;
}

export function inputField(spec: InputSpec): SafeHtml {
  const { id, error, hint } = spec;
  return html`<div class="${wrapClass(error)}">
<label for="${id}">${spec.label}</label>
${hintAndError(id, hint, error)}
<input type="${spec.type}" id="${id}" name="${spec.name}" value="${spec.value ?? ''}"${spec.autocomplete && html` autocomplete="${spec.autocomplete}"`}${spec.maxlength !== undefined && html` maxlength="${spec.maxlength}"`}${spec.pattern && html` pattern="${spec.pattern}"`}${spec.type === 'email' && html` spellcheck="false"`}${spec.required && html` required`}${invalid(error)}${describedBy(id, hint, error)}>
</div>`;
}

export interface TextareaSpec extends ControlBase {
  readonly value?: string;
  readonly rows?: number;
  readonly maxlength?: number;
}

export function textareaField(spec: TextareaSpec): SafeHtml {
  const { id, error, hint } = spec;
  return html`<div class="${wrapClass(error)}">
<label for="${id}">${spec.label}</label>
${hintAndError(id, hint, error)}
<textarea id="${id}" name="${spec.name}" rows="${spec.rows ?? 4}" maxlength="${spec.maxlength ?? 2000}"${spec.required && html` required`}${invalid(error)}${describedBy(id, hint, error)}>
${spec.value ?? ''}</textarea>
</div>`;
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface SelectSpec extends ControlBase {
  readonly options: readonly Option[];
  readonly value?: string;
}

export function selectField(spec: SelectSpec): SafeHtml {
  const { id, error, hint } = spec;
  return html`<div class="${wrapClass(error)}">
<label for="${id}">${spec.label}</label>
${hintAndError(id, hint, error)}
<select id="${id}" name="${spec.name}"${spec.required && html` required`}${invalid(error)}${describedBy(id, hint, error)}>
${spec.options.map((o) => html`<option value="${o.value}"${o.value === (spec.value ?? '') && html` selected`}>${o.label}</option>`)}
</select>
</div>`;
}

export interface ChoiceGroupSpec extends ControlBase {
  readonly type: 'radio' | 'checkbox';
  readonly options: readonly Option[];
  /** Values to pre-select. */
  readonly checked?: readonly string[];
}

/**
 * Radio buttons or checkboxes in a fieldset with a legend. The first control has the group's id,
 * so an error-summary link to the group lands on a focusable element.
 */
export function choiceGroup(spec: ChoiceGroupSpec): SafeHtml {
  const { id, error, hint } = spec;
  const checked = new Set(spec.checked ?? []);
  // A required checkbox group cannot be expressed in HTML; only radios get `required`.
  const required = spec.required === true && spec.type === 'radio';
  return html`<div class="${wrapClass(error)}">
<fieldset${describedBy(`${id}-group`, hint, error)}>
<legend>${spec.label}</legend>
${hintAndError(`${id}-group`, hint, error)}
${spec.options.map((o, i) => {
  const optionId = i === 0 ? id : `${id}-${i}`;
  return html`<div class="choice"><input type="${spec.type}" id="${optionId}" name="${spec.name}" value="${o.value}"${checked.has(o.value) && html` checked`}${required && html` required`}${invalid(error)}><label for="${optionId}">${o.label}</label></div>`;
})}
</fieldset>
</div>`;
}

export interface SummaryError {
  /** Id of the control to move focus to; absent for a problem with the whole form. */
  readonly href?: string;
  readonly message: string;
}

/**
 * The error summary at the top of a page, as on the public form: focus lands on it
 * (`autofocus`, `role="alert"`), and each link moves focus to the field to fix.
 */
export function errorSummary(errors: readonly SummaryError[]): SafeHtml | false {
  return (
    errors.length > 0 &&
    html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">Dette må rettes:</h2>
<ul>${errors.map((e) => html`<li>${e.href ? html`<a href="#${e.href}">${e.message}</a>` : e.message}</li>`)}</ul>
</div>`
  );
}

/** The answer-language choice (bokmål, nynorsk or English) that every form registering a request asks for. */
export const languageChoice = (id: string, checked: string, error?: string): SafeHtml =>
  choiceGroup({
    id,
    name: 'language',
    type: 'radio',
    label: 'Svarspråk',
    required: true,
    options: LANGUAGES.map((value) => ({ value, label: STAFF_LANGUAGE_LABELS[value] })),
    checked: [checked],
    error,
  });

/** The form field name the handler reads the CSRF token from. */
export { CSRF_FIELD };

/**
 * The hidden CSRF field every state-changing form carries: a cookie session alone would let
 * another site post a decision in a signed-in staff member's name.
 */
export const csrfField = (token: string): SafeHtml => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
