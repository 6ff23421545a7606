import { LANGUAGES } from '../../../functions/domain/request/request-vocabulary.js';
import { describe, expect, it } from 'vitest';
import { buildExportPackage } from '../../../functions/domain/export/export-package.js';
import { renderExportReport } from '../../../functions/domain/export/export-report.js';
import { CATEGORY_LABELS } from '../../../functions/domain/letters/art15-information.js';
import { RecordCategorySchema } from '../../../functions/domain/plan/action-plan.js';
import type { Language } from '../../../functions/domain/request/request-vocabulary.js';
import { aProfile, gatheredData } from '../gather/customer-data-fixture.js';
import { CUSTOMER, FORMER_CUSTOMER, NOW, scenario } from '../carry-out/carry-out-fixture.js';

function reportIn(language: Language, held = FORMER_CUSTOMER): string {
  const { plan, request } = scenario({ types: ['access'], request: { language }, held });
  const gathered = gatheredData({ ...held, customerIds: [CUSTOMER.customerId] });
  return renderExportReport(buildExportPackage({ request, plan, gathered, exportedAt: NOW }));
}

/** The Art. 15(1)(a)–(h) headings, and what (f) and (h) must say, per language. */
const ART_15 = {
  nb: [...'abcdefgh'].map((point) => `personvernforordningen artikkel 15 nr. 1 bokstav ${point}`).concat([ 'Datatilsynet', 'ingen avgjørelser om deg som bare bygger på automatisk behandling', 'domstolene']),
  nn: [...'abcdefgh'].map((point) => `personvernforordninga artikkel 15 nr. 1 bokstav ${point}`).concat(['Datatilsynet', 'ingen avgjerder om deg som berre byggjer på automatisk behandling', 'domstolane']),
  en: [...'abcdefgh'].map((point) => `Article 15(1)(${point}) of the General Data Protection Regulation`).concat([ 'Datatilsynet', 'no decisions about you based solely on automated processing', 'court']),
} as const;

describe('renderExportReport', () => {
  it.each(LANGUAGES)('returns a %s report with every Art. 15(1)(a)–(h) item', (language) => {
    const report = reportIn(language);

    expect(report).toContain(`<html lang="${language}">`);
    for (const item of ART_15[language]) expect(report).toContain(item);
  });

  it.each(LANGUAGES)('returns a %s report with every category and its records in tables', (language) => {
    const report = reportIn(language);

    for (const category of RecordCategorySchema.options) expect(report).toContain(CATEGORY_LABELS[category][language]);
    for (const value of [CUSTOMER.name, CUSTOMER.email, '2024-00017', 'P-1', 'E-2', 'Nærkontor Lambertseter']) expect(report).toContain(value);
    expect(report).toContain('<th scope="col">');
  });

  it('returns concrete retention dates and the sources, including the company that registered the user', () => {
    const report = reportIn('nb', { ...FORMER_CUSTOMER, profiles: [aProfile({ companyName: 'Byggmester AS' })] });

    expect(report).toContain('31. desember 2029');
    expect(report).toContain('Byggmester AS');
    expect(report).toContain('Unloc');
  });

  it('returns dates, amounts and values in English for an English report', () => {
    const report = reportIn('en');

    expect(report).toContain('31 December 2029');
    expect(report).toContain('NOK');
    expect(report).not.toContain('Fakturaer');
  });

  it('escapes record text, so a value that looks like markup is shown and never runs', () => {
    const report = reportIn('nb');

    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report).not.toContain('<script');
    expect(report).toContain('http-equiv="Content-Security-Policy"');
  });
});

describe('renderExportReport: empty values', () => {
  it('leaves no table cell empty: a dash with its explanation, and the dash explained once in words', async () => {
    const { renderEveryText } = await import('../letters/rendered-letters.js');
    const reports = (await renderEveryText()).filter((text) => text.name.startsWith('export report'));
    expect(reports.length).toBeGreaterThan(0);
    const { buildExportPackage } = await import('../../../functions/domain/export/export-package.js');
    const { renderExportReport } = await import('../../../functions/domain/export/export-report.js');
    const { scenario, FORMER_CUSTOMER, NOW, CUSTOMER } = await import('../carry-out/carry-out-fixture.js');
    const { gatheredData } = await import('../gather/customer-data-fixture.js');
    for (const language of ['nb', 'en'] as const) {
      const { plan, request } = scenario({ types: ['access'], request: { language }, held: FORMER_CUSTOMER });
      const html = renderExportReport(buildExportPackage({ request, plan, gathered: gatheredData({ ...FORMER_CUSTOMER, customerIds: [CUSTOMER.customerId] }), exportedAt: NOW }));

      expect(html).toContain('<td><abbr title="');
      expect(html).not.toMatch(/<td(\s[^>]*)?>\s*<\/td>/);
      expect(html).toContain(language === 'nb' ? 'En strek (–) i en tabell betyr at feltet er tomt' : 'A dash (–) in a table means the field is empty');
    }
  });
});
