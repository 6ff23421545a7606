import {
  STAFF_MESSAGE_TEMPLATE_LABELS,
  STAFF_MESSAGE_TEMPLATES,
} from '../../../domain/staff-messages/staff-message-templates.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import type { CasePageModel } from './case-page-model.js';
import { csrfField } from '../../../web/console/pages/form-controls.js';
import { choiceGroup, selectField, textareaField } from '../../../web/console/pages/form-controls.js';

const LANGUAGE_OPTIONS = [
  { value: 'nb', label: 'Bokmål' },
  { value: 'nn', label: 'Nynorsk' },
  { value: 'en', label: 'Engelsk' },
] as const;

/**
 * «Skriv til den registrerte»: a template (ask for a clarification or a mandate, answer a question)
 * or free text, in bokmål, nynorsk or English (the request's language preselected), mailed to the
 * requester's address. The hidden key makes a form sent twice send one message.
 */
export function messageForm(model: CasePageModel): SafeHtml {
  const sent = model.values?.action === 'message' ? model.values.fields : undefined;
  const error = (field: string) => model.errors?.find((e) => e.action === 'message' && e.field === field)?.message;
  return html`<div class="action" id="action-message">
<h3>Skriv til den registrerte</h3>
<p class="hint">Sendes til ${(model.request.representative ?? model.request.requester).email}${model.request.representative && ' (representanten)'}, med referansen i emnefeltet. Svaret kommer inn på saken som en oppfølging.</p>
<form method="post" action="/console/requests/${encodeURIComponent(model.request.id)}/message">
${csrfField(model.csrfToken)}
<input type="hidden" name="message_key" value="${sent?.['message_key'] ?? model.messageKey ?? ''}">
${choiceGroup({
  id: 'message-template',
  name: 'template',
  type: 'radio',
  label: 'Hva vil du skrive?',
  required: true,
  options: STAFF_MESSAGE_TEMPLATES.map((template) => ({ value: template, label: STAFF_MESSAGE_TEMPLATE_LABELS[template] })),
  checked: [sent?.['template'] ?? 'clarification'],
  error: error('template'),
})}
${selectField({
  id: 'message-language',
  name: 'language',
  label: 'Språk',
  options: LANGUAGE_OPTIONS,
  value: sent?.['language'] ?? model.request.language,
  error: error('language'),
})}
${textareaField({
  id: 'message-text',
  name: 'text',
  label: 'Din tekst',
  hint: 'Kommer etter malens innledning. Må fylles ut, unntatt når du ber om fullmakt. Høyst 5000 tegn.',
  maxlength: 5000,
  rows: 5,
  value: sent?.['text'],
  error: error('text'),
})}
<button type="submit">Send e-posten</button>
</form>
</div>`;
}
