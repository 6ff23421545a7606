import type { QueuePage } from '../../../domain/console-queue/queue-page.js';
import type { QueueRow, QueueView } from '../../../domain/console-queue/queue-rows.js';
import { MANDATE_STATE_LABELS } from '../../../domain/request/mandate-rules.js';
import type { IgnoredFilterValue } from '../../../domain/console-queue/queue-filter.js';
import { CHANNELS, REQUEST_TYPES, STATUSES } from '../../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import type { ConsoleContext } from '../../../web/console/pages/console-context.js';
import { longDate, osloDateTime } from '../../../web/console/pages/console-format.js';
import { STAFF_CHANNEL_LABELS, STAFF_TYPE_LABELS, STAFF_STATUS_LABELS } from '../../../domain/request/staff-labels.js';
import { inputField, selectField, type Option } from '../../../web/console/pages/form-controls.js';
import { renderConsoleLayout } from '../../../web/console/pages/layout.js';
import { urgencyBadge } from '../../../web/console/pages/console-labels.js';

export interface QueuePageModel extends ConsoleContext {
  /** From `readQueuePage(store, today, query)`: one page and where the next starts. */
  readonly queue: QueueView & Partial<Omit<QueuePage, keyof QueueView>>;
}

const FILTER_NAMES: Readonly<Record<IgnoredFilterValue['field'], string>> = { status: 'status', type: 'type', channel: 'kanal' };

const all = (label: string): Option => ({ value: '', label });

function filterForm(queue: QueueView): SafeHtml {
  const { filter } = queue;
  return html`<form method="get" action="/console" class="filters" role="search" aria-label="Filtrer køen">
${selectField({
  id: 'filter-status',
  name: 'status',
  label: 'Status',
  value: filter.status,
  options: [all('Alle statuser'), ...STATUSES.map((s) => ({ value: s, label: STAFF_STATUS_LABELS[s] }))],
})}
${selectField({
  id: 'filter-type',
  name: 'type',
  label: 'Type',
  value: filter.type,
  options: [all('Alle typer'), ...REQUEST_TYPES.map((t) => ({ value: t, label: STAFF_TYPE_LABELS[t] }))],
})}
${selectField({
  id: 'filter-channel',
  name: 'channel',
  label: 'Kanal',
  value: filter.channel,
  options: [all('Alle kanaler'), ...CHANNELS.map((c) => ({ value: c, label: STAFF_CHANNEL_LABELS[c] }))],
})}
${inputField({
  id: 'filter-q',
  name: 'q',
  type: 'search',
  label: 'Søk',
  hint: 'Referanse, navn eller e-post',
  value: filter.q,
  maxlength: 254,
})}
<div class="actions"><button type="submit">Filtrer</button><a class="button-link" href="/console">Nullstill</a></div>
</form>`;
}

function row(r: QueueRow): SafeHtml {
  return html`<tr>
<th scope="row"><a href="/console/requests/${encodeURIComponent(r.reference)}">${r.reference}</a><br><span class="hint">${r.requesterName}</span></th>
<td>${urgencyBadge(r.urgency, r.workingDaysLeft)}<br>${longDate(r.dueDate)}${r.extended && ' (forlenget)'}</td>
<td>${r.types.map((t) => STAFF_TYPE_LABELS[t]).join(', ')}</td>
<td>${STAFF_CHANNEL_LABELS[r.channel]}</td>
<td>${STAFF_STATUS_LABELS[r.status]}${r.approvals &&
    html`<br><span class="approvals">${r.approvals.given} av ${r.approvals.needed} godkjenninger</span>`}${r.mandate &&
    html`<br><span class="mandate">${MANDATE_STATE_LABELS[r.mandate]}</span>`}</td>
<td><time datetime="${r.receivedAt}">${osloDateTime(r.receivedAt)}</time></td>
<td>${r.assignee ?? html`<span class="hint">Ingen</span>`}</td>
<td><time datetime="${r.lastActivity}">${osloDateTime(r.lastActivity)}</time></td>
</tr>`;
}

function table(rows: readonly QueueRow[]): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="queue-caption" tabindex="0">
<table>
<caption id="queue-caption">Henvendelser, mest presserende først</caption>
<thead><tr>
<th scope="col">Referanse og navn</th><th scope="col">Frist</th><th scope="col">Type</th><th scope="col">Kanal</th><th scope="col">Status</th><th scope="col">Mottatt</th><th scope="col">Saksbehandler</th><th scope="col">Siste aktivitet</th>
</tr></thead>
<tbody>
${rows.map(row)}
</tbody>
</table>
</div>`;
}

/**
 * The queue: a GET filter form (so a filtered view is a link staff can share), the count, and
 * the cases sorted overdue first. Unknown filter values are named so staff know why the list is
 * wider than the URL suggests.
 */
export function renderQueuePage(model: QueuePageModel): string {
  const { queue } = model;
  const count = queue.rows.length;
  const body = html`<h1>Kø</h1>
${queue.ignored.length > 0 &&
html`<div class="notice"><p>Noen filterverdier er ukjente og ble ikke brukt:</p><ul>${queue.ignored.map(
  (i) => html`<li>${FILTER_NAMES[i.field]}: «${i.value}»</li>`,
)}</ul></div>`}
${queue.lookedThrough !== undefined &&
html`<div class="notice"><p>Siden er ikke full: for å svare raskt leser hver side høyst ${NUMBER.format(queue.lookedThrough)} åpne henvendelser. «Søk videre» leter i resten.</p></div>`}
${filterForm(queue)}
<p id="queue-count"><strong>${countText(queue)}</strong></p>
${count === 0
  ? queue.continued
    ? html`<p>Ingen flere henvendelser. <a href="${pageHref(queue.filter)}">Til første side</a>.</p>`
    : html`<p>Ingen henvendelser passer til filteret. <a href="/console">Vis alle</a>.</p>`
  : table(queue.rows)}
${pager(queue)}`;
  return renderConsoleLayout({ title: 'Kø', body, user: model.user, csrfToken: model.csrfToken, section: 'queue', flash: model.flash });
}

const NUMBER = new Intl.NumberFormat('nb-NO');
const cases = (n: number): string => (n === 1 ? '1 henvendelse' : `${NUMBER.format(n)} henvendelser`);

/**
 * «Viser 1–50 av 1 200 henvendelser»; «… av over 2 000 henvendelser» for a queue too long to count
 * on every page; «Viser 1–50» for a filtered one; or the hits of a search, which is not counted.
 */
function countText(queue: QueuePageModel['queue']): string {
  const shown = queue.rows.length;
  // A search that reached the end on its first page has counted every hit.
  if (queue.firstPosition === undefined) return queue.nextCursor || queue.continued ? `${shown} treff på denne siden` : cases(shown);
  if (queue.total !== undefined && (shown === 0 || (queue.firstPosition === 1 && shown === queue.total))) return cases(queue.total);
  if (shown === 0) return queue.continued ? 'Ingen flere henvendelser' : cases(0);
  const range = `Viser ${NUMBER.format(queue.firstPosition)}–${NUMBER.format(queue.firstPosition + shown - 1)}`;
  if (queue.total !== undefined) return `${range} av ${cases(queue.total)}`;
  if (queue.totalOver !== undefined) return `${range} av over ${cases(queue.totalOver)}`;
  return range;
}

/** The queue's address with the filter kept, and the cursor when given. */
export function pageHref(filter: QueueView['filter'], after?: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value !== undefined) query.set(name, String(value));
  if (after !== undefined) query.set('after', after);
  const text = query.toString();
  return text === '' ? '/console' : `/console?${text}`;
}

function pager(queue: QueuePageModel['queue']): SafeHtml {
  if (!queue.nextCursor && !queue.continued) return html``;
  return html`<nav class="pager" aria-label="Sider i køen"><ul class="menu">
${queue.continued && html`<li><a href="${pageHref(queue.filter)}">Første side</a></li>`}
${queue.nextCursor &&
  html`<li><a href="${pageHref(queue.filter, queue.nextCursor)}" rel="next">${queue.lookedThrough === undefined ? 'Neste side' : 'Søk videre'}</a></li>`}
</ul></nav>`;
}
