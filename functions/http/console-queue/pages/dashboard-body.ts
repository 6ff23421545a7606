import type { DashboardStats } from '../../../domain/case-register/dashboard-stats.js';
import { STAFF_CHANNEL_LABELS, STAFF_TYPE_LABELS } from '../../../domain/request/staff-labels.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { barChart } from './charts.js';

/** Where the console serves the register export. */
export const REGISTER_CSV_PATH = '/console/register.csv';

const MONTHS = ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'] as const;

/** `2026-03` → `mars 2026`, from a fixed list so the label does not depend on the ICU build. */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTHS[Number(number) - 1] ?? month} ${year ?? ''}`.trim();
}

/**
 * A share as Norwegian writes it, `93 %` (with a no-break space). Rounded down, so a single late
 * case among hundreds never shows as 100 %.
 */
export function formatShare(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}\u00a0%`;
}

const days = (n: number): string => (n === 1 ? '1 dag' : `${n} dager`);
const cases = (n: number): string => (n === 1 ? '1 sak' : `${n} saker`);

function figure(term: string, value: string, note?: string): SafeHtml {
  return html`<div class="key-figure"><dt>${term}</dt><dd><span class="key-figure-value">${value}</span>${note !== undefined && html` <span class="key-figure-note">${note}</span>`}</dd></div>`;
}

function keyFigures(stats: DashboardStats): SafeHtml {
  const { daysToClose, answeredOnTime } = stats;
  const noClosed = 'ingen avsluttede saker ennå';
  return html`<dl class="key-figures">
${figure('Median tid til svar', daysToClose.median === null ? '–' : days(daysToClose.median), daysToClose.median === null ? noClosed : `(${cases(daysToClose.cases)} avsluttet)`)}
${figure('90 % av sakene besvart innen', daysToClose.p90 === null ? '–' : days(daysToClose.p90), daysToClose.p90 === null ? noClosed : undefined)}
${figure(
  'Besvart innen fristen',
  answeredOnTime.share === null ? '–' : formatShare(answeredOnTime.share),
  answeredOnTime.share === null ? 'ingen besvarte saker ennå' : `(${answeredOnTime.onTime} av ${answeredOnTime.answered})`,
)}
${figure('Over fristen nå', cases(stats.overdueNow), stats.overdueNow > 0 ? 'åpne saker uten svar etter fristen' : undefined)}
</dl>`;
}

/** A chart of case counts; the ids are fixed so the three charts never collide on the page. */
function countChart(id: string, title: string, labelHeading: string, counts: readonly (readonly [string, number])[]): SafeHtml {
  return barChart({ id, title, unit: 'saker', labelHeading, bars: counts.map(([label, value]) => ({ label, value })) });
}

/**
 * The body of the staff dashboard (`/console/dashboard`): headline figures, cases per receipt
 * month, per right and per channel as charts, and the register download for the accountability
 * record. The page around it (navigation, h1, CSS) is the console layout's; this fragment starts
 * at h2 and needs no script.
 */
export function renderDashboardBody(stats: DashboardStats, options: { readonly registerDownload: boolean } = { registerDownload: true }): SafeHtml {
  const period = `${monthLabel(stats.period.fromMonth)} – ${monthLabel(stats.period.toMonth)}`;
  return html`<section class="dashboard-section" aria-labelledby="dashboard-figures">
<h2 id="dashboard-figures">Nøkkeltall</h2>
<p class="dashboard-period">Saker mottatt ${period}. Tid til svar regnes i kalenderdager fra mottaksdatoen til det endelige svaret; sammenslåtte saker er ikke med. «Over fristen nå» gjelder alle åpne saker.</p>
${keyFigures(stats)}
</section>
<section class="dashboard-section" aria-labelledby="dashboard-per-month">
<h2 id="dashboard-per-month">Saker per måned</h2>
${countChart('chart-per-month', 'Saker per mottaksmåned', 'Måned', stats.perMonth.map(({ month, count }) => [monthLabel(month), count]))}
</section>
<section class="dashboard-section" aria-labelledby="dashboard-per-type">
<h2 id="dashboard-per-type">Saker per type</h2>
<p>En sak som gjelder flere rettigheter, telles under hver av dem.</p>
${countChart('chart-per-type', 'Saker per rettighet', 'Rettighet', stats.perType.map(({ type, count }) => [STAFF_TYPE_LABELS[type], count]))}
</section>
<section class="dashboard-section" aria-labelledby="dashboard-per-channel">
<h2 id="dashboard-per-channel">Saker per kanal</h2>
${countChart('chart-per-channel', 'Saker per kanal', 'Kanal', stats.perChannel.map(({ channel, count }) => [STAFF_CHANNEL_LABELS[channel], count]))}
</section>
<section class="dashboard-section" aria-labelledby="dashboard-register">
<h2 id="dashboard-register">Saksregisteret</h2>
<p>Alle saker med referanse, type, kanal, datoer og utfall, uten navn, kontaktopplysninger eller fritekst – til dokumentasjon av at vi overholder personvernforordningen (art. 5 nr. 2).</p>
${options.registerDownload
  ? html`<p><a class="download-link" href="${REGISTER_CSV_PATH}" download>Last ned saksregisteret (CSV)</a></p>`
  : html`<p>Personvernombudet laster ned saksregisteret.</p>`}
</section>`;
}
