import { describe, expect, it } from 'vitest';
import { dashboardStats, type DashboardStats } from '../../../functions/domain/case-register/dashboard-stats.js';
import { formatShare, monthLabel, renderDashboardBody } from '../../../functions/http/console-queue/pages/dashboard-body.js';
import { ids, tags } from '../web-form/page-inspection.js';
import { aCarriedOutCase, aCase } from './case-fixture.js';

const TODAY = '2026-12-10';

function someStats(): DashboardStats {
  const answered = Array.from({ length: 14 }, (_, i) =>
    aCarriedOutCase('2026-11-02', '2026-12-02', `2026-11-${String(3 + i).padStart(2, '0')}T10:00:00.000Z`, { id: `NK-${i}` }),
  );
  const late = aCarriedOutCase('2026-10-01', '2026-11-02', '2026-11-04T10:00:00.000Z', { id: 'NK-late', channel: 'phone' });
  const overdue = aCase('2026-10-20', { id: 'NK-overdue', dueDate: '2026-11-20', status: 'awaiting_approval', types: ['rectification'] });
  return dashboardStats([...answered, late, overdue], TODAY);
}

const headings = (body: string) => [...body.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);

describe('renderDashboardBody', () => {
  it('shows the headline figures in Norwegian: median and 90th percentile days, share on time, overdue now', () => {
    const body = String(renderDashboardBody(someStats()));

    // 15 answered: 14 on time, so 93 % (93.3 rounded down); days 1..14 and 34 → median 8, p90 14.
    expect(body).toMatch(/Median tid til svar<\/dt><dd><span class="key-figure-value">8 dager<\/span>/);
    expect(body).toMatch(/90 % av sakene besvart innen<\/dt><dd><span class="key-figure-value">14 dager<\/span>/);
    expect(body).toContain('<span class="key-figure-value">93\u00a0%</span> <span class="key-figure-note">(14 av 15)</span>');
    expect(body).toMatch(/Over fristen nå<\/dt><dd><span class="key-figure-value">1 sak<\/span>/);
  });

  it('has an h2 for each part and a chart per month, type and channel', () => {
    const body = String(renderDashboardBody(someStats()));

    expect(headings(body)).toEqual(['Nøkkeltall', 'Saker per måned', 'Saker per type', 'Saker per kanal', 'Saksregisteret']);
    expect(tags(body, 'svg').map((svg) => svg.role)).toEqual(['img', 'img', 'img']);
    expect(body).toContain('<th scope="row">nov. 2026</th><td>14</td>');
    expect(body).toContain('<th scope="row">Retting</th><td>1</td>');
    expect(body).toContain('<th scope="row">Telefon</th><td>1</td>');
    expect(body).toContain('Saker mottatt jan. 2026 – des. 2026.');
  });

  it('gives every element a unique id', () => {
    const all = ids(String(renderDashboardBody(someStats())));

    expect(new Set(all).size).toBe(all.length);
  });

  it('links to the register download', () => {
    const body = String(renderDashboardBody(someStats()));

    const link = tags(body, 'a').find((a) => a.href === '/console/register.csv');
    expect(link).toBeDefined();
    expect(body).toContain('>Last ned saksregisteret (CSV)</a>');
  });

  it('leaves out the register download for staff who may not export it, saying who does', () => {
    const body = String(renderDashboardBody(someStats(), { registerDownload: false }));
    expect(tags(body, 'a').some((a) => a.href === '/console/register.csv')).toBe(false);
    expect(body).toContain('Personvernombudet laster ned saksregisteret');
  });

  it('shows dashes and "Ingen data" rather than zeros when there are no cases', () => {
    const body = String(renderDashboardBody(dashboardStats([], TODAY)));

    expect(body).toContain('<span class="key-figure-value">–</span> <span class="key-figure-note">ingen avsluttede saker ennå</span>');
    expect(body).toContain('ingen besvarte saker ennå');
    expect(body).toContain('<span class="key-figure-value">0 saker</span>');
    expect(body.match(/Ingen data/g)).toHaveLength(3);
    expect(body).not.toContain('<svg');
    expect(body).not.toContain('NaN');
  });

  it('contains no script', () => {
    expect(String(renderDashboardBody(someStats()))).not.toMatch(/<script|\son\w+=/i);
  });
});

describe('formatShare', () => {
  it.each([
    [0.93, '93\u00a0%'],
    [1, '100\u00a0%'],
    [0, '0\u00a0%'],
    [0.999, '99\u00a0%'],
    [0.29, '29\u00a0%'],
  ])('writes %s as %j, rounded down', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});

describe('monthLabel', () => {
  it.each([
    ['2026-01', 'jan. 2026'],
    ['2026-03', 'mars 2026'],
    ['2026-12', 'des. 2026'],
  ])('writes %s as %j', (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });
});
