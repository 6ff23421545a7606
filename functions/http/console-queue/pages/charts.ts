import { html, type SafeHtml } from '../../../platform/html.js';

/** One bar: what it stands for and how many. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

export interface BarChartInput {
  /** Names the chart for screen readers (`<title>`) and captions its data table. */
  readonly title: string;
  readonly bars: readonly Bar[];
  /** What the values count, as it reads after "Antall": `saker`, `dager`. */
  readonly unit: string;
  /** Heading of the label column in the data table. */
  readonly labelHeading?: string;
  /** Element id, unique on the page; derived from the title when left out. */
  readonly id?: string;
}

/** Bar fill: 8.0:1 against white, above the 4.5:1 WCAG asks of text, so it also reads in print. */
export const BAR_COLOUR = '#0047ba';
/** Labels and value figures: 15.9:1 against white. */
export const TEXT_COLOUR = '#222222';
/** The axis line the bars start from: 7.0:1 against white. */
export const AXIS_COLOUR = '#595959';

const WIDTH = 640;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const PADDING = 8;
const VALUE_SPACE = 56;
/** Rough width of one 13 px character, to size the label column to the longest label. */
const CHAR_WIDTH = 8;

const NUMBER = new Intl.NumberFormat('nb-NO');

/** Rounded to two decimals: enough for a pixel grid, short in the markup. */
const px = (n: number): string => String(Math.round(n * 100) / 100);

/** An id from the title (`Saker per måned` → `chart-saker-per-maned`), valid in HTML and SVG. */
function chartId(title: string): string {
  const folded = title
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `chart-${folded || 'figur'}`;
}

function dataTable(input: BarChartInput): SafeHtml {
  return html`<table class="visually-hidden chart-data"><caption>${input.title}</caption>
<thead><tr><th scope="col">${input.labelHeading ?? 'Kategori'}</th><th scope="col">Antall ${input.unit}</th></tr></thead>
<tbody>${input.bars.map((bar) => html`<tr><th scope="row">${bar.label}</th><td>${NUMBER.format(bar.value)}</td></tr>`)}</tbody>
</table>`;
}

/**
 * A horizontal bar chart drawn on the server as SVG: no script and no chart library, so the
 * console works under a strict content security policy and prints as it looks. Each bar's length
 * is proportional to its value (the longest bar is the largest value) and carries its figure in
 * text beside it. The SVG is one image to assistive technology (`role="img"` named by its
 * `<title>` and `<desc>`), and a visually hidden table next to it gives screen readers the exact
 * numbers. Labels are escaped like any other text. With no bars, or only zeros, it says
 * "Ingen data" instead of drawing an empty frame.
 *
 * @throws {RangeError} for a negative or non-finite value (counts and days never are)
 */
export function barChart(input: BarChartInput): SafeHtml {
  const { title, bars } = input;
  if (bars.some((bar) => !Number.isFinite(bar.value) || bar.value < 0)) {
    throw new RangeError('bar values must be finite and not negative');
  }
  const id = input.id ?? chartId(title);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  if (max === 0) {
    return html`<div class="chart chart-empty" id="${id}"><p><span class="chart-title">${title}:</span> Ingen data</p></div>`;
  }

  const longestLabel = Math.max(...bars.map((bar) => bar.label.length));
  const labelWidth = Math.min(240, Math.max(60, Math.ceil(longestLabel * CHAR_WIDTH) + 12));
  const barSpace = WIDTH - labelWidth - VALUE_SPACE;
  const height = PADDING * 2 + bars.length * ROW_HEIGHT;
  const rows = bars.map((bar, i) => {
    const y = PADDING + i * ROW_HEIGHT;
    const width = (bar.value / max) * barSpace;
    const middle = y + BAR_HEIGHT / 2;
    return html`<g class="chart-bar"><text x="${px(labelWidth - 8)}" y="${px(middle)}" text-anchor="end" dominant-baseline="middle">${bar.label}</text><rect x="${px(labelWidth)}" y="${px(y)}" width="${px(width)}" height="${BAR_HEIGHT}" fill="${BAR_COLOUR}"/><text class="chart-value" x="${px(labelWidth + width + 6)}" y="${px(middle)}" dominant-baseline="middle">${NUMBER.format(bar.value)}</text></g>`;
  });

  return html`<figure class="chart" id="${id}">
<svg class="chart-svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif" font-size="13" fill="${TEXT_COLOUR}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">Stolpediagram med ${bars.length} stolper, høyeste verdi ${NUMBER.format(max)} ${input.unit}. Tallene står i tabellen under.</desc>
${rows}
<line x1="${px(labelWidth)}" y1="${PADDING / 2}" x2="${px(labelWidth)}" y2="${height - PADDING / 2}" stroke="${AXIS_COLOUR}"/>
</svg>
${dataTable(input)}
</figure>`;
}
