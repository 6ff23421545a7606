import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { html } from '../../../functions/platform/html.js';
import { CONTENT_SECURITY_POLICY, PALETTE, renderLayout } from '../../../functions/web/page-shell.js';
import type { Language } from '../../../functions/domain/request/request-vocabulary.js';
import { tags } from './page-inspection.js';

const page = (language: Language, languageSwitchPath?: string): string =>
  renderLayout({ language, title: 'Tittel <&>', body: html`<p>innhold</p>`, languageSwitchPath });

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

describe('renderLayout', () => {
  it('never hyphenates or breaks a heading inside a word (a phone with hyphenation dictionaries would)', () => {
    const page = renderLayout({ language: 'nb', title: 'T', body: html`<h1>Send en personvernhenvendelse</h1>` });
    const h1Rule = /h1\{[^}]*\}/.exec(page)?.[0] ?? '';

    expect(h1Rule).toContain('hyphens:manual');
    expect(h1Rule).not.toMatch(/hyphens:auto|overflow-wrap:(break-word|anywhere)|word-break:break-all/);
  });

  it('starts with a doctype and declares the page language, charset and viewport', () => {
    const nb = page('nb');
    expect(nb.startsWith('<!doctype html>')).toBe(true);
    expect(nb).toContain('<html lang="nb">');
    expect(page('en')).toContain('<html lang="en">');
    expect(nb).toContain('<meta charset="utf-8">');
    expect(tags(nb, 'meta').some((m) => m.name === 'viewport' && m.content?.includes('width=device-width'))).toBe(true);
  });

  it('escapes the title', () => {
    expect(page('nb')).toContain('<title>Tittel &lt;&amp;&gt; – OBOS Nærkontor</title>');
  });

  it('links to the other language with hreflang and lang on the link', () => {
    const [toEnglish] = tags(page('nb'), 'a').filter((a) => a.hreflang === 'en');
    expect(toEnglish).toMatchObject({ href: '?lang=en', lang: 'en' });
    const [toBokmal] = tags(page('en'), 'a').filter((a) => a.hreflang === 'nb');
    expect(toBokmal).toMatchObject({ href: '?lang=nb', lang: 'nb' });
    expect(tags(page('nb', '/'), 'a').find((a) => a.hreflang === 'en')?.href).toBe('/?lang=en');
  });

  it('links every page to both other languages, nynorsk among them', () => {
    const links = (language: Language) => tags(page(language), 'a').filter((a) => a.hreflang).map((a) => a.hreflang);
    expect(links('nb')).toEqual(['nn', 'en']);
    expect(links('nn')).toEqual(['nb', 'en']);
    expect(links('en')).toEqual(['nb', 'nn']);
    expect(page('nb')).toContain('Norsk (nynorsk)');
    expect(page('nn')).toContain('<html lang="nn">');
    expect(page('nn')).toContain('Hopp til hovudinnhaldet');
  });

  it('has a skip link to main as the first focusable element', () => {
    const nb = page('nb');
    expect(tags(nb, 'a')[0]?.href).toBe('#main');
    expect(tags(nb, 'main')[0]?.id).toBe('main');
    expect(nb).toContain('Hopp til hovedinnholdet');
    expect(page('en')).toContain('Skip to main content');
  });

  it('shows the company contact details in the footer', () => {
    const footer = page('nb').split('<footer')[1] ?? '';
    for (const text of ['naerkontor@obos.no', '934 20 183', 'OBOS NÆRKONTOR AS', 'Postboks 6666 St Olavs Plass', '0129 OSLO']) {
      expect(footer).toContain(text);
    }
  });

  it('contains no script and loads no external asset', () => {
    const nb = page('nb');
    expect(nb).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect(tags(nb, 'link')).toEqual([]);
    expect(nb).not.toMatch(/@import|url\(/);
  });

  it('allows exactly its own inline stylesheet in the Content-Security-Policy', () => {
    const nb = page('nb');
    const css = /<style>([\s\S]*)<\/style>/.exec(nb)?.[1] ?? '';
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    const meta = tags(nb, 'meta').find((m) => m['http-equiv'] === 'Content-Security-Policy');
    expect(meta?.content).toContain(`style-src 'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
  });

  it('has a visible focus style', () => {
    expect(page('nb')).toMatch(/:focus-visible\{outline:3px solid/);
  });

  it.each([
    ['text', PALETTE.text, PALETTE.background],
    ['links', PALETTE.brand, PALETTE.background],
    ['footer text', PALETTE.text, PALETTE.footerBackground],
    ['footer links', PALETTE.brand, PALETTE.footerBackground],
    ['hints', PALETTE.hint, PALETTE.background],
    ['errors', PALETTE.error, PALETTE.background],
    ['header and button', PALETTE.onBrand, PALETTE.brand],
    ['hovered button', PALETTE.onBrand, PALETTE.brandDark],
  ])('gives %s a contrast of at least 4.5:1', (_, foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the focus ring at least 3:1 against white and the header', () => {
    expect(contrast(PALETTE.text, PALETTE.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(PALETTE.focus, PALETTE.brand)).toBeGreaterThanOrEqual(3);
  });
});
