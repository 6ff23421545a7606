import type { QuarantineEntry, TriageEntry } from '../../../domain/intake-mail/inbox-entries.js';
import { REQUEST_TYPE_LABELS } from '../../../domain/request/request-type-labels.js';
import { letterLanguage } from '../../../domain/intake-mail/email-submission.js';
import { REQUEST_TYPES } from '../../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import type { ConsoleContext } from '../../../web/console/pages/console-context.js';
import { ageInDays, osloDateTime } from '../../../web/console/pages/console-format.js';
import { CATEGORY_LABELS, QUARANTINE_REASON_LABELS, TRIAGE_REASON_LABELS } from '../../../web/console/pages/console-labels.js';
import { csrfField } from '../../../web/console/pages/form-controls.js';
import { choiceGroup, inputField, languageChoice, textareaField } from '../../../web/console/pages/form-controls.js';
import { renderConsoleLayout } from '../../../web/console/pages/layout.js';
import { REPRESENTATIVE_RELATIONS } from '../../../domain/request/representative.js';
import { RELATION_LABELS } from '../../../web/console/pages/console-labels.js';

/** A triage entry with the start of the sender's own text, read from the raw mail by the handler. */
export interface TriageItem extends TriageEntry {
  readonly excerpt?: string;
}

export interface TriagePageModel extends ConsoleContext {
  /** As `InboxStore.listTriage` gives them; the page puts possible breaches first regardless. */
  readonly entries: readonly TriageItem[];
  readonly quarantine: readonly QuarantineEntry[];
  /** Today's date in Oslo, to show how long each mail has waited. */
  readonly today: string;
}

const inboxUrl = (entry: TriageEntry, action: 'case' | 'dismiss'): string =>
  `/console/triage/${encodeURIComponent(entry.inboxId)}/${action}`;

const VERDICT: Readonly<Record<string, string>> = { PASS: 'bestått', FAIL: 'feilet', GRAY: 'ikke avgjort' };

function flags(entry: TriageItem): SafeHtml {
  const r = entry.recognition;
  const breach = entry.reason === 'possible_breach' || r?.possibleBreach === true;
  const thirdParty = entry.reason === 'third_party' || r?.thirdParty === true;
  const onBehalf = !thirdParty && (entry.reason === 'on_behalf_of_other' || r?.onBehalfOfOther === true);
  return html`<ul>
${breach &&
html`<li><strong>Haster: mulig brudd på personopplysningssikkerheten.</strong>${entry.respondBy &&
  html` Eventuell melding til Datatilsynet innen <time datetime="${entry.respondBy}">${osloDateTime(entry.respondBy)}</time> (art. 33, 72 timer).`}</li>`}
${onBehalf && html`<li>Sendt på vegne av en annen: sjekk fullmakt før noe utleveres.</li>`}
${thirdParty &&
(r?.employer === true
  ? html`<li><strong>Arbeidsgiver ber om opplysninger om en ansatt.</strong> Dette er ikke en henvendelse fra den ansatte om egne opplysninger (personvernforordningen artikkel 15 gir bare den registrerte selv innsyn), og den startes ikke som den ansattes sak. Svar arbeidsgiveren at den ansatte selv kan be om innsyn, og utlever bare det loven krever, etter vurdering.</li>`
  : html`<li>Ber om opplysninger om en annen person (arbeidsgiver, myndighet eller annen kunde): ikke personens egen henvendelse. Utlever bare det loven krever, etter vurdering.</li>`)}
<li>Hvorfor i innboksen: ${TRIAGE_REASON_LABELS[entry.reason]}</li>
${r
  ? html`<li>Gjenkjent som: ${CATEGORY_LABELS[r.category]}, sikkerhet ${Math.round(r.confidence * 100)} %${r.types.length > 0 &&
      html`, rettigheter: ${r.types.map((t) => REQUEST_TYPE_LABELS[t].nb).join(', ')}`}</li>`
  : html`<li>Gjenkjenningen feilet.</li>`}
<li>Avsenderkontroll: SPF ${VERDICT[entry.authentication.spf] ?? entry.authentication.spf}, DKIM ${VERDICT[entry.authentication.dkim] ?? entry.authentication.dkim}, DMARC ${VERDICT[entry.authentication.dmarc] ?? entry.authentication.dmarc}${!entry.authentication.addressTrusted && html` – <strong>avsenderadressen er ikke bekreftet</strong>`}</li>
${entry.relatedCaseId && html`<li>Gjelder sak <a href="/console/requests/${encodeURIComponent(entry.relatedCaseId)}">${entry.relatedCaseId}</a></li>`}
</ul>`;
}

/**
 * For a mail written on someone else's behalf: the sender above becomes the representative, and
 * staff type the data subject (whose identity is checked) and the relation. The case then waits
 * for the mandate («Fullmakt mangler») instead of being answered blindly.
 */
function onBehalfFields(id: string, entry: TriageItem): SafeHtml {
  const flagged = entry.reason === 'on_behalf_of_other' || (entry.recognition?.onBehalfOfOther === true && entry.recognition.thirdParty !== true);
  return html`<fieldset>
<legend>På vegne av en annen${flagged ? ' (gjenkjent i e-posten)' : ' (bare hvis avsenderen spør for en annen)'}</legend>
<p class="hint">Avsenderen over blir da representanten og får svarene. Fyll inn personen opplysningene gjelder; identiteten kontrolleres hos henne eller ham, og saken venter på fullmakt.</p>
${choiceGroup({
  id: `${id}-on-behalf-relation`,
  name: 'on_behalf_relation',
  type: 'radio',
  label: 'Hvem er avsenderen for personen?',
  options: [{ value: '', label: 'Avsenderen spør for seg selv' }, ...REPRESENTATIVE_RELATIONS.map((relation) => ({ value: relation, label: RELATION_LABELS[relation] }))],
  checked: [''],
})}
${inputField({ id: `${id}-subject-name`, name: 'subject_name', type: 'text', label: 'Navnet til personen det gjelder', autocomplete: 'off', maxlength: 200 })}
${inputField({ id: `${id}-subject-email`, name: 'subject_email', type: 'email', label: 'E-postadressen til personen det gjelder', autocomplete: 'off', maxlength: 254 })}
${inputField({ id: `${id}-subject-phone`, name: 'subject_phone', type: 'tel', label: 'Telefonnummeret til personen det gjelder (valgfritt)', autocomplete: 'off', maxlength: 32 })}
</fieldset>`;
}

/** « (3 dager)» after the receipt time, so a mail that has waited stands out in the list. */
function receivedAge(receivedAt: string, today: string): SafeHtml | string {
  const age = ageInDays(receivedAt, today);
  return age === undefined ? '' : html` <span class="age">(${age})</span>`;
}

function entryBlock(model: TriagePageModel, entry: TriageItem, i: number): SafeHtml {
  const id = `triage-${i + 1}`;
  const breach = entry.reason === 'possible_breach' || entry.recognition?.possibleBreach === true;
  const recognised = new Set<string>(entry.recognition?.types ?? []);
  const language = entry.recognition ? letterLanguage(entry.recognition.language) : 'nb';
  return html`<section class="entry${breach && ' entry-urgent'}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${breach && html`<span class="badge badge-overdue">Haster</span> `}${entry.subject || '(uten emne)'}</h3>
<dl class="facts">
<dt>Mottatt</dt><dd><time datetime="${entry.receivedAt}">${osloDateTime(entry.receivedAt)}</time>${receivedAge(entry.receivedAt, model.today)}</dd>
<dt>Avsender</dt><dd>${entry.from ? html`${entry.from.name && html`${entry.from.name} `}&lt;${entry.from.address}&gt;` : 'Ukjent'}</dd>
</dl>
${flags(entry)}
${entry.excerpt && html`<h4>Utdrag</h4><div class="message-text">${entry.excerpt}</div>`}
<div class="actions-grid">
<div class="action">
<h4>Opprett sak</h4>
<form method="post" action="${inboxUrl(entry, 'case')}">
${csrfField(model.csrfToken)}
${choiceGroup({
  id: `${id}-types`,
  name: 'types',
  type: 'checkbox',
  label: 'Hva ber personen om?',
  hint: 'Velg én eller flere. Gjenkjente rettigheter er krysset av.',
  options: REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t].nb })),
  checked: [...recognised],
})}
${inputField({ id: `${id}-name`, name: 'name', type: 'text', label: 'Navn', required: true, autocomplete: 'off', maxlength: 200, value: entry.from?.name })}
${inputField({ id: `${id}-email`, name: 'email', type: 'email', label: 'E-post', required: true, autocomplete: 'off', maxlength: 254, value: entry.from?.address })}
${onBehalfFields(id, entry)}
${languageChoice(`${id}-language`, language)}
<button type="submit">Opprett sak</button>
</form>
</div>
<div class="action">
<h4>Avvis</h4>
<form method="post" action="${inboxUrl(entry, 'dismiss')}">
${csrfField(model.csrfToken)}
${textareaField({
  id: `${id}-dismiss-reason`,
  name: 'reason',
  label: 'Hvorfor er dette ikke en sak?',
  hint: 'Lagres i innboksloggen, for eksempel «faktura-spørsmål, videresendt til regnskap».',
  required: true,
})}
<button type="submit">Avvis</button>
</form>
</div>
</div>
</section>`;
}

function quarantineTable(entries: readonly QuarantineEntry[]): SafeHtml {
  if (entries.length === 0) return html`<p>Ingen e-post i karantene.</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="quarantine-caption" tabindex="0">
<table>
<caption id="quarantine-caption">E-post som ikke kunne leses (${entries.length})</caption>
<thead><tr><th scope="col">Mottatt</th><th scope="col">Avsender</th><th scope="col">Emne</th><th scope="col">Grunn</th><th scope="col">Detalj</th></tr></thead>
<tbody>${entries.map(
    (q) => html`<tr><th scope="row"><time datetime="${q.receivedAt}">${osloDateTime(q.receivedAt)}</time></th><td>${q.from ?? 'Ukjent'}</td><td>${q.subject ?? '(uten emne)'}</td><td>${QUARANTINE_REASON_LABELS[q.reason]}</td><td>${q.detail ?? q.error ?? '–'}</td></tr>`,
  )}</tbody>
</table>
</div>
<p class="hint">Originalen ligger i bøtta for innkommende e-post. Hent den med <code>dsr inbox quarantine</code>.</p>`;
}

/**
 * The inbox: mail staff must judge, possible breaches first (Art. 33 gives 72 hours), each with a
 * form to make it a case or dismiss it with a reason; then the quarantine of unreadable mail.
 */
export function renderTriagePage(model: TriagePageModel): string {
  const isBreach = (e: TriageItem): boolean => e.reason === 'possible_breach' || e.recognition?.possibleBreach === true;
  const ordered = [...model.entries.filter(isBreach), ...model.entries.filter((e) => !isBreach(e))];
  const body = html`<h1>Innboks</h1>
<section aria-labelledby="triage-heading">
<h2 id="triage-heading">Til vurdering (${ordered.length})</h2>
${ordered.length === 0 ? html`<p>Ingen e-post venter på vurdering.</p>` : ordered.map((e, i) => entryBlock(model, e, i))}
</section>
<section aria-labelledby="quarantine-heading">
<h2 id="quarantine-heading">Karantene</h2>
${quarantineTable(model.quarantine)}
</section>`;
  return renderConsoleLayout({ title: 'Innboks', body, user: model.user, csrfToken: model.csrfToken, section: 'triage', flash: model.flash });
}
