import { describe, expect, it } from 'vitest';
import { NBSP, norwegianTypography } from '../../../functions/domain/post/norwegian-typography.js';
import type { PostalLetter } from '../../../functions/domain/post/postal-letter.js';
import { renderLetterPdf, reportHtmlAsText } from '../../../functions/domain/post/render-letter-pdf.js';
import { pdfPageTexts } from '../../support/pdf-text.js';

/**
 * The page texts with no-break spaces read as spaces: the font draws both with one glyph, so a
 * PDF reader copies either as a space. That they hold together on the line is the layout's job
 * (it breaks lines only at ordinary spaces); that they are there is tested on the text below.
 */
const read = async (pdf: Uint8Array): Promise<string[]> => (await pdfPageTexts(pdf)).map((page) => page.replaceAll(NBSP, ' '));

const letter = (text: string, language: 'nb' | 'en' = 'nb'): PostalLetter => ({
  requestId: 'NK-20261207-7KQ4M2PX',
  letterId: 'reply',
  purpose: 'reply',
  recordedAt: '2026-12-07T10:00:00.000Z',
  subject: 'Svar på henvendelsen din om innsyn',
  text,
  postal: { recipient: { name: 'Åse Ødegård', address: { street: 'Bjørkeveien 12 B', postalCode: '0468', city: 'Oslo' } }, date: '2026-12-07', language },
});

describe('letters by post as PDF', () => {
  it('prints sender, recipient, reference, date and «Side n av m» on every page, with æøå as written', async () => {
    // Arrange: enough text for two pages.
    const paragraph = 'Vi har gått gjennom opplysningene vi har om deg i kundesystemet, fakturasystemet og adgangssystemet. ';
    const text = `Hei,\n${paragraph.repeat(60)}\nBeløpet var 12 500 kr. Se "Personvernerklæringen" - den gjelder fra 1. januar 2027.`;
    // Act
    const pages = await read(await renderLetterPdf(letter(text)));
    // Assert
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const first = pages[0]!;
    expect(first).toContain('OBOS Nærkontor AS');
    expect(first).toContain('Åse Ødegård');
    expect(first).toContain('Bjørkeveien 12 B');
    expect(first).toContain(`0468 OSLO`);
    expect(first).toContain('Vår referanse: NK-20261207-7KQ4M2PX');
    expect(first).toContain(`Dato: 7. desember 2026`);
    for (const [index, page] of pages.entries()) expect(page).toContain(`Side ${index + 1} av ${pages.length}`);
    const all = pages.join('\n');
    expect(all).toContain(`12 500 kr`);
    expect(all).toContain('«Personvernerklæringen» – den');
    expect(all).toContain(`1. januar 2027`);
  });

  it('encloses the data copy after the letter on pages of its own, and labels pages in English for an English letter', async () => {
    const report = '<html><head><style>p{}</style></head><body><h1>Your data</h1><table><tr><th>Name</th><td>Åse Ødegård</td></tr></table></body></html>';
    const pages = await read(await renderLetterPdf(letter('Hello,\nthe copy follows.', 'en'), { text: reportHtmlAsText(report) }));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain(`Date: 7 December 2026`);
    expect(pages[0]).toContain(`Page 1 of 2`);
    expect(pages[1]).toContain('Enclosure: a copy of your data');
    expect(pages[1]).toContain('Name · Åse Ødegård');
    expect(pages[1]).not.toContain('p{}');
  });

  it('makes the same PDF from the same recorded letter (so a letter made twice is one letter)', async () => {
    const once = await renderLetterPdf(letter('Hei.'));
    const again = await renderLetterPdf(letter('Hei.'));
    expect(Buffer.from(again).equals(Buffer.from(once))).toBe(true);
  });
});

describe('Norwegian typography', () => {
  it('sets quotes, dashes and no-break spaces and leaves references, dates in ISO form and addresses alone', () => {
    expect(norwegianTypography('Svar "ja" - eller nei')).toBe('Svar «ja» – eller nei');
    expect(norwegianTypography('frist 23. desember 2026, 1 250 kr, § 13')).toBe(`frist 23.${NBSP}desember${NBSP}2026, 1${NBSP}250${NBSP}kr, §${NBSP}13`);
    expect(norwegianTypography('NK-20261207-7KQ4M2PX 2026-12-07 kari@example.no')).toBe('NK-20261207-7KQ4M2PX 2026-12-07 kari@example.no');
    const once = norwegianTypography('Se "dette" - 5 000 kr');
    expect(norwegianTypography(once)).toBe(once);
  });
});
