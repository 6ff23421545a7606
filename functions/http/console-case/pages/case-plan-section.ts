import { keptUntilText } from '../../../domain/letters/kept-until.js';
import { legalBasisIn } from '../../../domain/letter-format/legal-citations.js';
import type { ActionPlan, KeptRecords } from '../../../domain/plan/action-plan.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { section } from './case-sections.js';
import { actorName, longDate, osloDateTime } from '../../../web/console/pages/console-format.js';
import { RECORD_CATEGORY_LABELS } from '../../../web/console/pages/console-labels.js';

const KEPT_KIND: Readonly<Record<KeptRecords['kind'], string>> = {
  legal_obligation: 'Lovpålagt oppbevaring',
  contract: 'Aktivt kundeforhold',
  legal_claim: 'Rettskrav',
};

const FIELD_LABELS: Readonly<Record<string, string>> = { name: 'Navn', email: 'E-post', phone: 'Telefon', address: 'Adresse' };

const CONSENT_LABELS: Readonly<Record<string, string>> = { newsletter: 'Nyhetsbrev', sms: 'SMS', phone: 'Telefon' };
const CHANNEL_LABELS: Readonly<Record<string, string>> = { email: 'E-post', sms: 'SMS', phone: 'Telefon', post: 'Adressert post' };

const shown = (value: unknown): string =>
  value === undefined || value === null ? '–' : typeof value === 'string' ? value : JSON.stringify(value);

/** The record references of a group, folded: staff copy them into a plan correction. */
const refList = (refs: readonly string[]): SafeHtml => html`<details><summary>Referanser</summary><p class="refs">${refs.join(' ')}</p></details>`;

function keptTable(kept: ActionPlan['kept']): SafeHtml {
  return html`<table>
<caption>Beholdes, og hvorfor</caption>
<thead><tr><th scope="col">Hva</th><th scope="col">Antall</th><th scope="col">Grunn</th><th scope="col">Rettslig grunnlag</th><th scope="col">Beholdes</th></tr></thead>
<tbody>${kept.map(
    (k) => html`<tr><th scope="row">${RECORD_CATEGORY_LABELS[k.category]}</th><td>${k.recordIds.length}${refList(k.recordIds)}</td><td>${KEPT_KIND[k.kind]}${k.setBy && html` (satt av ${actorName(k.setBy)})`}: ${k.reason.nb}</td><td>${legalBasisIn(k.legalBasis, 'nb')}</td><td>${keptUntilText(k, 'nb')}</td></tr>`,
  )}</tbody>
</table>`;
}

/**
 * "Plan": what carrying out the request will do, as the approvers must read it before approving —
 * what goes into the export, what is erased, what is kept with its legal basis and end date, what
 * is corrected, and who is told.
 */
export function planSection(plan: ActionPlan | undefined): SafeHtml {
  if (!plan) return section('section-plan', 'Plan', html`<p>Planen er ikke laget ennå. Den lages når dataene er innhentet.</p>`);
  const nothing =
    !plan.export &&
    plan.erasures.length === 0 &&
    plan.kept.length === 0 &&
    plan.corrections.length === 0 &&
    plan.consentChanges.length === 0 &&
    plan.channelReservations.length === 0 &&
    !plan.restrict &&
    !plan.processingObjection &&
    plan.refusals.length === 0;
  return section(
    'section-plan',
    'Plan',
    html`${nothing && html`<p>Planen inneholder ingen handlinger (vi har ingen opplysninger å handle på).</p>`}
${plan.export &&
html`<h3>${plan.export.portable ? 'Eksport (maskinlesbar, dataportabilitet)' : 'Eksport (innsyn)'}</h3>
<ul>${plan.export.categories.map((c) => html`<li>${RECORD_CATEGORY_LABELS[c.category]}: ${c.records} poster</li>`)}</ul>`}
${plan.erasures.length > 0 &&
html`<h3>Slettes</h3>
<ul>${plan.erasures.map(
  (e) => html`<li>${RECORD_CATEGORY_LABELS[e.category]}: ${e.recordIds.length} poster (${e.method === 'delete' ? 'slettes' : 'anonymiseres'})${refList(e.recordIds)}</li>`,
)}</ul>`}
${plan.kept.length > 0 && html`<h3>Beholdes</h3>${keptTable(plan.kept)}`}
${plan.adjustments.length > 0 &&
html`<h3>Rettet av saksbehandler</h3><ul>${plan.adjustments.map(
  (a) => html`<li>${osloDateTime(a.at)}, ${actorName(a.by)}: ${a.action === 'keep' ? `beholder ${a.recordIds.length} oppføringer (${a.ground === 'legal_claim' ? 'rettskrav' : 'bokføring'}) til og med ${longDate(a.until)}` : `frigir ${a.recordIds.length} oppføringer`}${a.note && html` – ${a.note}`}</li>`,
)}</ul>`}
${(plan.corrections.length > 0 || plan.rectificationNeedsStaffInput) &&
html`<h3>Rettes</h3>
${plan.rectificationNeedsStaffInput && html`<p>Saksbehandler må angi rettingene ved godkjenning.</p>`}
${plan.corrections.length > 0 &&
html`<ul>${plan.corrections.map(
  (c) => html`<li>${FIELD_LABELS[c.field] ?? c.field} (kunde ${c.customerId}): ${shown(c.from)} → ${shown(c.to)}</li>`,
)}</ul>`}`}
${plan.consentChanges.length > 0 &&
html`<h3>Samtykker trekkes tilbake</h3><ul>${plan.consentChanges.map((c) => html`<li>${CONSENT_LABELS[c.kind] ?? c.kind}</li>`)}</ul>`}
${plan.channelReservations.length > 0 &&
html`<h3>Reservasjon mot kontaktkanal</h3><ul>${plan.channelReservations.map((c) => html`<li>${CHANNEL_LABELS[c.channel] ?? c.channel}</li>`)}</ul>`}
${plan.restrict && html`<h3>Begrensning</h3><p>Behandlingen begrenses til lagring.</p>`}
${plan.processingObjection &&
html`<h3>Protest mot analyse og utvikling (art. 21 nr. 1)</h3>
<p>Analyse og utvikling (berettiget interesse etter personvernerklæringen) er begrenset mens protesten vurderes. Skriv interesseavveiningen i begrunnelsen: Godkjenn tar protesten til følge og stanser formålet for godt; avslå betyr at tvingende berettigede grunner går foran, og begrensningen oppheves etter at personen har fått svaret.</p>`}
${plan.recipientsToNotify.length > 0 &&
html`<h3>Mottakere som varsles (art. 19)</h3><ul>${plan.recipientsToNotify.map(
  (r) => html`<li>${r.name}: ${r.categories.map((c) => RECORD_CATEGORY_LABELS[c]).join(', ')}</li>`,
)}</ul>`}
${plan.refusals.length > 0 &&
html`<h3>Avslås</h3><ul>${plan.refusals.map((r) => html`<li>${r.reason.nb} (${legalBasisIn(r.legalBasis, 'nb')})</li>`)}</ul>`}
<p>${plan.needsTwoApprovers ? 'Planen sletter opplysninger og må godkjennes av to ulike saksbehandlere.' : 'Planen godkjennes av én saksbehandler.'}</p>`,
  );
}
