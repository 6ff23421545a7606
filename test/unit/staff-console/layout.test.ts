import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { html } from '../../../functions/platform/html.js';
import {
  CONSOLE_COLOUR_PAIRS,
  CONSOLE_CONTENT_SECURITY_POLICY,
  renderConsoleLayout,
} from '../../../functions/web/console/pages/layout.js';
import { tags } from '../web-form/page-inspection.js';
import { CSRF, USER, expectCsrfOnEveryPostForm } from './console-page-checks.js';

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const signedIn = (flash?: { kind: 'success' | 'error'; text: string }): string =>
  renderConsoleLayout({ title: 'Kø <&>', body: html`<h1>Kø</h1>`, user: USER, csrfToken: CSRF, section: 'queue', flash });

describe('renderConsoleLayout', () => {
  it('is a Norwegian document with an escaped title, a skip link to main and no script', () => {
    const page = signedIn();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain('<title>Kø &lt;&amp;&gt; – Personvernkonsoll, OBOS Nærkontor</title>');
    expect(tags(page, 'a')[0]).toMatchObject({ href: '#main', class: 'skip-link' });
    expect(page).not.toMatch(/<script/i);
  });

  it('shows the signed-in user with groups, the menu with the current section, and sign-out as a POST with CSRF', () => {
    const page = signedIn();
    expect(page).toContain('Innlogget som <strong>kari.saksbehandler</strong> (saksbehandler, personvernombud)');
    const links = tags(page, 'a').filter((a) => a.href?.startsWith('/console'));
    expect(links.map((a) => a.href)).toEqual(['/console', '/console/triage', '/console/intake', '/console/post', '/console/dashboard']);
    expect(links.find((a) => a['aria-current'] === 'page')?.href).toBe('/console');
    expect(tags(page, 'form')).toEqual([{ method: 'post', action: '/console/sign-out' }]);
    expectCsrfOnEveryPostForm(page);
  });

  it('has a status region for flash messages, present even when empty', () => {
    expect(signedIn()).toContain('<div role="status"></div>');
    expect(signedIn({ kind: 'success', text: 'Notatet er lagret <b>' })).toContain(
      '<div role="status"><p class="flash flash-success">Notatet er lagret &lt;b&gt;</p></div>',
    );
  });

  it('shows no menu before sign-in', () => {
    const page = renderConsoleLayout({ title: 'Logg inn', body: html`<h1>Logg inn</h1>` });
    expect(tags(page, 'nav')).toEqual([]);
    expect(page).not.toContain('Logg ut');
  });

  it('allows exactly the inline stylesheet it contains, and no framing', () => {
    const page = signedIn();
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(CONSOLE_CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(CONSOLE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONSOLE_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONSOLE_CONTENT_SECURITY_POLICY).toContain("form-action 'self'");
  });

  it('uses only colour pairs with at least 4.5:1 contrast', () => {
    for (const [text, background] of CONSOLE_COLOUR_PAIRS) {
      expect(contrast(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
