import { describe, expect, it } from 'vitest';
import { buildExportPackage, type ExportPackage } from '../../../functions/domain/export/export-package.js';
import { ENUM_LABELS } from '../../../functions/domain/export/export-fields.js';
import { renderExportReport } from '../../../functions/domain/export/export-report.js';
import { CUSTOMER_AUDIT_EVENT_LABELS, CUSTOMER_STATUS_LABELS } from '../../../functions/domain/export/report-labels.js';
import { CATEGORY_LABELS } from '../../../functions/domain/letters/art15-information.js';
import { RecordCategorySchema } from '../../../functions/domain/plan/action-plan.js';
import { requestTypeLabel } from '../../../functions/domain/request/request-type-labels.js';
import { CHANNELS, LANGUAGES, REQUEST_TYPES, STATUSES, type Language } from '../../../functions/domain/request/request-vocabulary.js';
import { AUDIT_EVENT_LABELS } from '../../../functions/http/console-case/pages/audit-event-labels.js';
import { CUSTOMER, FORMER_CUSTOMER, NOW, scenario } from '../carry-out/carry-out-fixture.js';
import { aConsent, aDoorEvent, gatheredData } from '../gather/customer-data-fixture.js';

/** Every store filled, with the codes the stores really hold (door ids and names, consent sources). */
const HELD = {
  ...FORMER_CUSTOMER,
  consents: [aConsent({ kind: 'newsletter', granted: true, source: 'kundeservice' }), aConsent({ kind: 'sms', granted: false, source: 'web' })],
  events: [aDoorEvent(), aDoorEvent({ eventId: 'E-2', door: 'side' }), aDoorEvent({ eventId: 'E-3', door: 'Hovedinngang' })],
};

/** A person with an earlier closed case, one still open, mail both ways and a trail with and without status changes. */
const HISTORY: Pick<ExportPackage, 'earlierRequests' | 'correspondence' | 'auditTrail'> = {
  earlierRequests: [
    { reference: 'NK-20250110-AAAAAAAA', receivedAt: '2025-01-10T09:00:00.000+01:00', channel: 'email', types: ['access'], outcome: 'carried_out', outcomeText: 'Besvart', closedAt: '2025-01-20T12:00:00.000+01:00' },
    { reference: 'NK-20261101-BBBBBBBB', receivedAt: '2026-11-01T09:00:00.000+01:00', channel: 'web', types: ['rectification'], outcome: 'open', outcomeText: 'Ikke avsluttet' },
  ],
  correspondence: [],
  auditTrail: [
    { at: '2026-11-23T21:05:09.120+01:00', event: 'request.received', toStatus: 'received', by: 'requester' },
    { at: '2026-11-23T21:05:10.000+01:00', event: 'status.changed', fromStatus: 'received', toStatus: 'awaiting_verification', by: 'system' },
    { at: '2026-11-23T21:05:11.000+01:00', event: 'mail.sent', by: 'system' },
    { at: '2026-11-24T08:00:00.000+01:00', event: 'verification.verified', fromStatus: 'awaiting_verification', toStatus: 'gathering', by: 'requester' },
    { at: '2026-11-24T09:00:00.000+01:00', event: 'case.taken', by: 'staff' },
  ],
};

function reportIn(language: Language): { html: string; pkg: ExportPackage } {
  const { plan, request } = scenario({ types: ['access'], request: { language }, held: HELD });
  const gathered = gatheredData({ ...HELD, customerIds: [CUSTOMER.customerId] });
  const pkg = buildExportPackage({ request, plan, gathered, exportedAt: NOW });
  const withHistory = { ...pkg, ...HISTORY };
  return { html: renderExportReport(withHistory), pkg: withHistory };
}

/** The text of every table cell (tags stripped, entities of the dash kept). */
const cells = (html: string): string[] =>
  [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, ' ').trim());

/** The stored codes that have a label: none may stand in a cell where its label should. */
function codesWithLabels(language: Language): string[] {
  const labels = new Set<string>([
    ...Object.values(ENUM_LABELS).map((label) => label[language]),
    ...Object.values(CUSTOMER_STATUS_LABELS).map((label) => label[language]),
    ...RecordCategorySchema.options.map((category) => CATEGORY_LABELS[category][language]),
    ...REQUEST_TYPES.map((type) => requestTypeLabel(type, language)),
  ]);
  const codes = [...Object.keys(ENUM_LABELS), ...STATUSES, ...CHANNELS, ...REQUEST_TYPES, ...RecordCategorySchema.options, ...Object.keys(AUDIT_EVENT_LABELS)];
  // A code that is also a label in this language (e.g. «SMS») may of course be shown.
  return [...new Set(codes)].filter((code) => !labels.has(code));
}

describe('the export report shows readable values', () => {
  it.each(LANGUAGES)('fills every store and every history table (%s)', (language) => {
    const { pkg } = reportIn(language);

    for (const category of pkg.categories) expect(category.records, category.category).toBeGreaterThan(0);
    expect(pkg.earlierRequests).toHaveLength(2);
    expect(pkg.auditTrail.length).toBeGreaterThan(3);
  });

  it.each(LANGUAGES)('shows no code in a cell where a label exists (%s)', (language) => {
    const { html } = reportIn(language);
    const texts = cells(html);

    for (const code of codesWithLabels(language)) {
      // A code that is a plain word («app», «en») may appear in a sentence; it must not be a cell.
      const shown = /[._-]/.test(code)
        ? (text: string) => text.split(/[\s,()→]+/).includes(code)
        : (text: string) => text === code;
      expect(texts.filter(shown), `${code} in a ${language} cell`).toEqual([]);
    }
  });

  it.each(LANGUAGES)('leaves no cell empty: a dash with its meaning, explained under its table (%s)', (language) => {
    const { html } = reportIn(language);

    expect(html).not.toMatch(/<td(\s[^>]*)?>\s*<\/td>/);
    const dashes = [...html.matchAll(/<abbr title="([^"]*)">–<\/abbr>/g)];
    expect(dashes.length).toBeGreaterThan(0);
    for (const dash of dashes) expect(dash[1]!.length).toBeGreaterThan(3);
    expect(cells(html).filter((text) => text === '')).toEqual([]);
    // Every table with a dash has the legend right under it.
    for (const table of html.split('<table>').slice(1)) {
      const [body, after = ''] = table.split('</table>');
      if (body!.includes('>–</abbr>')) expect(after.slice(0, 400)).toContain('class="legend"');
    }
  });

  it('names doors, consent sources, events and statuses in the report’s language', () => {
    const { html: nb } = reportIn('nb');
    const { html: nn } = reportIn('nn');
    const { html: en } = reportIn('en');

    expect(en).toContain('Main entrance');
    expect(en).toContain('Side entrance');
    expect(en).toContain('customer service');
    expect(en).toContain('the website');
    expect(en).toContain('received → waiting for you to confirm who you are');
    expect(en).toContain('Your request was recorded');
    expect(en).toContain('A dash (–) under “Closed” means the case is not closed yet.');
    expect(nn).toContain('Hovudinngang');
    expect(nn).toContain('motteken → ventar på at du stadfestar kven du er');
    expect(nn).toContain('Førespurnaden vart registrert');
    expect(nn).toContain('Ein strek (–) under «Status» tyder at hendinga ikkje endra status på saka.');
    expect(nb).toContain('Sideinngang');
    expect(nb).toContain('En saksbehandler tok saken');
    expect(nb).toContain('En strek (–) under «Avsluttet» betyr at saken ikke er avsluttet ennå.');
  });

  it('has a customer wording, in every language, for every audit event the staff console knows', () => {
    const missing = Object.keys(AUDIT_EVENT_LABELS).filter((event) => !Object.hasOwn(CUSTOMER_AUDIT_EVENT_LABELS, event));

    expect(missing).toEqual([]);
    for (const label of Object.values(CUSTOMER_AUDIT_EVENT_LABELS)) for (const language of LANGUAGES) expect(label[language].length).toBeGreaterThan(5);
  });

  it('describes an event it does not know instead of showing its key', () => {
    const { plan, request } = scenario({ types: ['access'], request: { language: 'en' }, held: HELD });
    const pkg = buildExportPackage({ request, plan, gathered: gatheredData({ ...HELD, customerIds: [CUSTOMER.customerId] }), exportedAt: NOW });

    const html = renderExportReport({ ...pkg, auditTrail: [{ at: NOW, event: 'future.step_done', fromStatus: 'gathering', toStatus: 'made_up', by: 'system' }] });

    expect(html).not.toContain('future.step_done');
    expect(html).not.toContain('made_up');
    expect(html).toContain('Other entry in the case');
    expect(html).toContain('collecting data → other status');
  });
});
