import type { QueueRow, QueueView } from '../../domain/console-queue/queue-rows.js';
import type { IgnoredFilterValue } from '../../domain/console-queue/queue-filter.js';
import { CHANNELS, REQUEST_TYPES, STATUSES } from '../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../web-form/pages/html.js';
import type { ConsoleContext } from './console-context.js';
import { longDate, osloDateTime } from './console-format.js';
import { STAFF_CHANNEL_LABELS, STAFF_TYPE_LABELS, STAFF_STATUS_LABELS } from '../../domain/request/staff-labels.js';
import { inputField, selectField, type Option } from './form-controls.js';
import { renderConsoleLayout } from './layout.js';
import { urgencyBadge } from './urgency-badge.js';

export interface QueuePageModel extends ConsoleContext {
  /** From `queueRows(requests, today, query)`. */
  readonly queue: QueueView;
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
<td>${STAFF_STATUS_LABELS[r.status]}</td>
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
${filterForm(queue)}
<p id="queue-count"><strong>${count === 1 ? '1 henvendelse' : `${count} henvendelser`}</strong></p>
${count === 0
  ? html`<p>Ingen henvendelser passer til filteret. <a href="/console">Vis alle</a>.</p>`
  : table(queue.rows)}`;
  return renderConsoleLayout({ title: 'Kø', body, user: model.user, csrfToken: model.csrfToken, section: 'queue', flash: model.flash });
}
