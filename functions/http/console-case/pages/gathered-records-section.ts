import { html, type SafeHtml } from '../../../platform/html.js';
import type { GatheredCopies } from './case-page-model.js';
import { section } from './case-sections.js';
import { GATHER_SOURCE_LABELS } from '../../../web/console/pages/console-labels.js';

/** Records per store and page: enough to read, small enough that a door log of thousands stays a light page. */
export const GATHERED_PAGE_SIZE = 25;

export type GatheredSource = 'subscriptions' | 'billing' | 'access-log';
export const GATHERED_SOURCES: readonly GatheredSource[] = ['subscriptions', 'billing', 'access-log'];


const GROUP_LABELS: Readonly<Record<string, string>> = {
  profiles: 'Kundeprofil',
  subscriptions: 'Abonnement',
  consents: 'Samtykke',
  reservations: 'Reservasjon',
  notes: 'Servicenotat',
  invoices: 'Faktura',
  payments: 'Betaling',
  events: 'Dørhendelse',
};

const GROUPS: Readonly<Record<GatheredSource, readonly string[]>> = {
  subscriptions: ['profiles', 'subscriptions', 'consents', 'reservations', 'notes'],
  billing: ['invoices', 'payments'],
  'access-log': ['events'],
};

/** One value as staff read it: text as it is, a missing one as a dash, anything else as compact JSON. */
const shown = (value: unknown): string =>
  value === undefined || value === null || value === '' ? '–' : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);

function recordList(copy: Record<string, unknown>, source: GatheredSource): { group: string; record: Record<string, unknown> }[] {
  return GROUPS[source].flatMap((group) => {
    const records = copy[group];
    return Array.isArray(records) ? records.map((record) => ({ group, record: record as Record<string, unknown> })) : [];
  });
}

function storeBlock(requestId: string, source: GatheredSource, copy: Record<string, unknown>, page: number): SafeHtml {
  const records = recordList(copy, source);
  const pages = Math.max(1, Math.ceil(records.length / GATHERED_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const shownRecords = records.slice((current - 1) * GATHERED_PAGE_SIZE, current * GATHERED_PAGE_SIZE);
  const link = (to: number, label: string, rel: string) =>
    html`<a href="/console/requests/${encodeURIComponent(requestId)}?store=${source}&amp;page=${String(to)}#gathered-${source}" rel="${rel}">${label}</a>`;
  return html`<h3 id="gathered-${source}">${GATHER_SOURCE_LABELS[source] ?? source} (${records.length === 1 ? '1 oppføring' : `${records.length} oppføringer`})</h3>
${records.length === 0
  ? html`<p>Ingen oppføringer.</p>`
  : html`<ol class="records" start="${String((current - 1) * GATHERED_PAGE_SIZE + 1)}">${shownRecords.map(
      ({ group, record }) =>
        html`<li><strong>${GROUP_LABELS[group] ?? group}</strong><dl class="facts">${Object.entries(record).map(
          ([name, value]) => html`<dt>${name}</dt><dd>${shown(value)}</dd>`,
        )}</dl></li>`,
    )}</ol>
${pages > 1 &&
html`<nav class="pager" aria-label="Sider i ${GATHER_SOURCE_LABELS[source] ?? source}"><p>Side ${String(current)} av ${String(pages)}${current > 1 && html` · ${link(current - 1, 'Forrige side', 'prev')}`}${current < pages && html` · ${link(current + 1, 'Neste side', 'next')}`}</p></nav>`}`}`;
}

/**
 * «Innhentede opplysninger»: the records themselves, per store, as the gather steps copied them
 * (the copies stay in the request-data bucket until the case is closed), so the approvers see what
 * the plan acts on. Each store is paged on its own: `page` applies to the store named in `pageOf`.
 */
export function gatheredRecordsSection(requestId: string, copies: GatheredCopies, pageOf: { readonly store?: string; readonly page?: number }): SafeHtml {
  const present = GATHERED_SOURCES.filter((source) => copies[source] !== undefined);
  return section(
    'section-gathered-records',
    'Innhentede opplysninger',
    present.length === 0
      ? html`<p>Ingen innhentede kopier å vise (ikke innhentet ennå, eller slettet da saken ble avsluttet).</p>`
      : html`${present.map((source) => storeBlock(requestId, source, copies[source] as unknown as Record<string, unknown>, pageOf.store === source ? (pageOf.page ?? 1) : 1))}`,
  );
}
