import { describe, expect, it } from 'vitest';
import { renderErrorPage } from '../../../functions/web/error-page.js';
import { renderNotFoundPage } from '../../../functions/web/not-found-page.js';
import { tags } from './page-inspection.js';

describe('renderNotFoundPage', () => {
  it('says the page was not found, in the visitor language, and links back to the form', () => {
    const nb = renderNotFoundPage('nb');
    expect(nb).toContain('<html lang="nb">');
    expect(nb).toContain('<h1>Fant ikke siden</h1>');
    expect(tags(nb, 'a').some((a) => a.href === '/?lang=nb')).toBe(true);
    const en = renderNotFoundPage('en');
    expect(en).toContain('<h1>Page not found</h1>');
    expect(tags(en, 'a').some((a) => a.href === '/?lang=en')).toBe(true);
  });
});

describe('renderErrorPage', () => {
  it.each([
    [500, 'nb', 'Noe gikk galt'],
    [500, 'en', 'Something went wrong'],
    [503, 'nb', 'Tjenesten er midlertidig utilgjengelig'],
    [503, 'en', 'The service is temporarily unavailable'],
  ] as const)('titles a %s page in %s as "%s"', (status, language, title) => {
    const page = renderErrorPage(language, { status });
    expect(page).toContain(`<html lang="${language}">`);
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain(`<title>${title} – OBOS Nærkontor</title>`);
  });

  it('reassures that nothing is lost without a receipt and offers e-mail as a way out', () => {
    const nb = renderErrorPage('nb', { status: 500 });
    expect(nb).toMatch(/ingen kvittering.*ingenting gått tapt/);
    expect(nb).toMatch(/registrerer vi det bare én gang/);
    expect(tags(nb, 'a').some((a) => a.href === 'mailto:naerkontor@obos.no')).toBe(true);
    const en = renderErrorPage('en', { status: 503 });
    expect(en).toMatch(/did not see a receipt.*nothing has been lost/);
    expect(en).toMatch(/try again/);
  });

  it('contains no script', () => {
    expect(renderErrorPage('nb', { status: 500 })).not.toMatch(/<script|\son\w+=/i);
    expect(renderNotFoundPage('en')).not.toMatch(/<script|\son\w+=/i);
  });
});
