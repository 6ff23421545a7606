import { describe, expect, it } from 'vitest';
import { renderPostPage } from '../../../functions/http/console-mail/pages/post-page.js';
import { A_POSTAL_LETTER } from '../staff-console-router/console-world.js';
import { CONTEXT, HOSTILE, expectAccessibleMarkup, expectCsrfOnEveryPostForm, mainText } from './console-page-checks.js';

describe('renderPostPage («Til utsending per post»)', () => {
  const hostile = { ...A_POSTAL_LETTER, letterId: 'verification-code#2026-11-30T08:00:00.000Z#0', purpose: 'verification-code', postal: { ...A_POSTAL_LETTER.postal, recipient: { ...A_POSTAL_LETTER.postal.recipient, name: HOSTILE } } };

  it('lists each letter with its case, what it is, the recipient, a PDF link and «Merk som postlagt», escaped and with the CSRF token', () => {
    const page = renderPostPage({ ...CONTEXT, letters: [A_POSTAL_LETTER, hostile] });
    expectAccessibleMarkup(page);
    expectCsrfOnEveryPostForm(page);
    expect(page).not.toContain(HOSTILE);
    const text = mainText(page);
    expect(text).toContain('Til utsending per post');
    expect(text).toContain('Svar');
    expect(text).toContain('Kode for identitetskontroll');
    expect(text).toContain('Storgata 1, 0155 OSLO');
    expect(page).toContain(`/console/requests/${A_POSTAL_LETTER.requestId}/letter?letter=verification-code%232026-11-30T08%3A00%3A00.000Z%230`);
    expect(page.match(/Merk som postlagt/g)).toHaveLength(2);
  });

  it('says when nothing waits', () => {
    expect(mainText(renderPostPage({ ...CONTEXT, letters: [] }))).toContain('Ingen brev venter på utsending.');
  });
});
