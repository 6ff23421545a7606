import { describe, expect, it } from 'vitest';
import { AXIS_COLOUR, BAR_COLOUR, TEXT_COLOUR, barChart } from '../../../functions/http/console-queue/pages/charts.js';
import { ids, tags, textOf } from '../web-form/page-inspection.js';

/** WCAG 2 contrast ratio of a `#rrggbb` colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

const chart = (bars: { label: string; value: number }[], title = 'Saker per kanal') => String(barChart({ title, bars, unit: 'saker' }));

describe('barChart', () => {
  it('draws bars whose lengths are proportional to their values, the largest the longest', () => {
    const page = chart([
      { label: 'Nettskjema', value: 10 },
      { label: 'E-post', value: 5 },
      { label: 'Telefon', value: 0 },
      { label: 'Brev', value: 2 },
    ]);

    const widths = tags(page, 'rect').map((rect) => Number(rect.width));

    expect(widths).toHaveLength(4);
    expect(widths[0]).toBeGreaterThan(100);
    expect(widths[1]).toBeCloseTo((widths[0] as number) / 2, 1);
    expect(widths[2]).toBe(0);
    expect(widths[3]).toBeCloseTo((widths[0] as number) / 5, 1);
  });

  it('writes each value as text beside its bar', () => {
    const page = chart([
      { label: 'Nettskjema', value: 12 },
      { label: 'E-post', value: 3 },
    ]);

    const values = [...page.matchAll(/<text class="chart-value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

    expect(values).toEqual(['12', '3']);
  });

  it('is one image to assistive technology, named by its title and description', () => {
    const page = chart([{ label: 'Nettskjema', value: 4 }]);

    const [svg] = tags(page, 'svg');

    expect(svg?.role).toBe('img');
    const labelledBy = (svg?.['aria-labelledby'] ?? '').split(' ');
    expect(labelledBy).toHaveLength(2);
    for (const id of labelledBy) expect(ids(page)).toContain(id);
    expect(textOf(page, labelledBy[0] as string)).toBe('Saker per kanal');
    expect(textOf(page, labelledBy[1] as string)).toContain('høyeste verdi 4 saker');
  });

  it('gives screen readers the numbers in a visually hidden table', () => {
    const page = chart([
      { label: 'Nettskjema', value: 1200 },
      { label: 'E-post', value: 3 },
    ]);

    const [table] = tags(page, 'table');
    const rows = [...page.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);

    expect(table?.class).toContain('visually-hidden');
    expect(page).toContain('<caption>Saker per kanal</caption>');
    expect(page).toContain('<th scope="col">Antall saker</th>');
    expect(rows).toEqual([
      ['Nettskjema', '1\u00a0200'],
      ['E-post', '3'],
    ]);
  });

  it('escapes labels and the title in the drawing and in the table', () => {
    const page = chart([{ label: '<script>alert(1)</script>', value: 1 }], 'Saker "&" <b>');

    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)).toHaveLength(2);
    expect(page).toContain('Saker &quot;&amp;&quot; &lt;b&gt;');
  });

  it.each([
    ['no bars', []],
    ['only zeros', [{ label: 'Nettskjema', value: 0 }, { label: 'E-post', value: 0 }]],
  ])('says "Ingen data" instead of drawing an empty chart for %s', (_, bars) => {
    const page = chart(bars);

    expect(page).toContain('Ingen data');
    expect(page).toContain('Saker per kanal');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('NaN');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for the value %s', (value) => {
    expect(() => chart([{ label: 'x', value }])).toThrow(RangeError);
  });

  it('uses bar, text and axis colours with at least 4.5:1 contrast against white', () => {
    const page = chart([{ label: 'Nettskjema', value: 1 }]);

    expect(tags(page, 'rect')[0]?.fill).toBe(BAR_COLOUR);
    for (const colour of [BAR_COLOUR, TEXT_COLOUR, AXIS_COLOUR]) expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('derives a valid id from a Norwegian title, or uses the one given', () => {
    expect(chart([{ label: 'a', value: 1 }], 'Saker per måned – år')).toContain('id="chart-saker-per-maned-ar"');
    expect(String(barChart({ id: 'chart-x', title: 'T', unit: 'saker', bars: [{ label: 'a', value: 1 }] }))).toContain('id="chart-x-title"');
  });

  it('contains no script', () => {
    expect(chart([{ label: 'a', value: 1 }])).not.toMatch(/<script|\son\w+=/i);
  });
});
