import { createHash } from 'node:crypto';
import type { Language } from '../domain/request/request-vocabulary.js';
import { baseCss } from './base-css.js';
import { html, raw, type SafeHtml } from '../platform/html.js';

/**
 * The page colours, named so the contrast test can check every text/background pair against
 * WCAG's 4.5:1 instead of trusting hex values picked by eye.
 */
export const PALETTE = {
  text: '#1a1a1a',
  background: '#ffffff',
  brand: '#0047ba',
  brandDark: '#00307f',
  onBrand: '#ffffff',
  hint: '#4a4a4a',
  error: '#b00020',
  footerBackground: '#f2f2f2',
  focus: '#ffdd00',
} as const;

const P = PALETTE;

/** Inline so the pages need no other request and work even when static hosting is down. */
const CSS = `${baseCss(P, '1.125rem')}
.bar{max-width:44rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;justify-content:space-between;align-items:center}
.brand{margin:0;font-weight:700;font-size:1.25rem}
main{display:block;max-width:44rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.5rem;line-height:1.2;margin:0 0 1rem;overflow-wrap:normal;word-break:normal;hyphens:manual}
h2{font-size:1.375rem;line-height:1.3;margin:2rem 0 .75rem}
@media (min-width:40em){h1{font-size:2.25rem}main{padding-top:2.5rem}}
.field{margin:0 0 1.75rem}
.field-error{border-left:4px solid ${P.error};padding-left:.75rem}
label,legend{display:block;font-weight:700}
legend{font-size:1.25rem;padding:0}
.hint{color:${P.hint};margin:.25rem 0 .5rem}
.error-message{color:${P.error};font-weight:700;margin:.25rem 0 .5rem}
input[type=text],input[type=email],input[type=tel],textarea{display:block;width:100%;max-width:32rem;font:inherit;color:${P.text};background:${P.background};padding:.5rem;border:2px solid ${P.text};border-radius:0}
.field-error input,.field-error textarea{border-color:${P.error}}
textarea{min-height:9rem;resize:vertical}
fieldset{border:0;margin:0;padding:0;min-width:0}
.checkbox{display:flex;gap:.75rem;align-items:flex-start;margin:1rem 0}
.checkbox input{flex:none;width:1.5rem;height:1.5rem;margin:.125rem 0 0;accent-color:${P.brand}}
.checkbox .hint{margin:0}
button{font:inherit;font-weight:700;color:${P.onBrand};background:${P.brand};border:0;border-bottom:3px solid ${P.brandDark};padding:.75rem 1.5rem;cursor:pointer}
button:hover{background:${P.brandDark}}
.error-summary{border:4px solid ${P.error};padding:1rem 1.25rem;margin:0 0 2rem}
.error-summary h2{margin-top:0}
.error-summary a{color:${P.error};font-weight:700}
.panel{border:4px solid ${P.brand};padding:1rem 1.25rem;margin:0 0 2rem}
.reference{display:block;font-size:2rem;font-weight:700;letter-spacing:.05em;overflow-wrap:anywhere}
.site-footer{background:${P.footerBackground};border-top:4px solid ${P.brand};font-size:1rem}
.site-footer .bar{display:block;padding:1.5rem 1rem}
.site-footer h2{font-size:1.125rem;margin:0 0 .5rem}
.site-footer address{font-style:normal}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}`;

const CSS_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');
const META_POLICY = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; form-action 'self'; base-uri 'none'`;

/**
 * Content-Security-Policy for the handler to send as a header: allows our one inline stylesheet
 * and nothing else, so no script can ever run on these pages, even an injected one.
 */
export const CONTENT_SECURITY_POLICY = `${META_POLICY}; frame-ancestors 'none'`;

const TEXT = {
  nb: {
    skip: 'Hopp til hovedinnholdet',
    languageNav: 'Språk',
    contact: 'Kontakt oss',
    email: 'E-post',
    phone: 'Tlf.',
    phoneDisplay: '934 20 183',
  },
  nn: {
    skip: 'Hopp til hovudinnhaldet',
    languageNav: 'Språk',
    contact: 'Kontakt oss',
    email: 'E-post',
    phone: 'Tlf.',
    phoneDisplay: '934 20 183',
  },
  en: {
    skip: 'Skip to main content',
    languageNav: 'Language',
    contact: 'Contact us',
    email: 'E-mail',
    phone: 'Phone',
    phoneDisplay: '+47 934 20 183',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Each language named in itself, for the links to the other languages. */
const LANGUAGE_NAMES = {
  nb: 'Norsk (bokmål)',
  nn: 'Norsk (nynorsk)',
  en: 'English',
} as const satisfies Record<Language, string>;

/** What a page hands the shell. */
export interface PageShell {
  readonly language: Language;
  /** Plain text; the site name is appended. */
  readonly title: string;
  readonly body: SafeHtml;
  /**
   * Path the language link points at. Empty (the default) keeps the current page (`?lang=en`);
   * a page rendered as a POST response passes the path of its GET twin.
   */
  readonly languageSwitchPath?: string;
}

/**
 * The shell shared by every page, so language switch, skip link, contact details and styles are
 * the same everywhere. Contains no script: the pages must work with JavaScript off.
 */
export function renderLayout({ language, title, body, languageSwitchPath = '' }: PageShell): string {
  const t = TEXT[language];
  const others = (Object.keys(LANGUAGE_NAMES) as Language[]).filter((other) => other !== language);
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${META_POLICY}">
<title>${title} – OBOS Nærkontor</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">${t.skip}</a>
<header class="site-header">
<div class="bar">
<p class="brand">OBOS Nærkontor</p>
<nav aria-label="${t.languageNav}">${others.map(
    (other, index) => html`${index > 0 ? ' · ' : ''}<a href="${languageSwitchPath}?lang=${other}" hreflang="${other}" lang="${other}">${LANGUAGE_NAMES[other]}</a>`,
  )}</nav>
</div>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
<div class="bar">
<h2>${t.contact}</h2>
<p>${t.email}: <a href="mailto:naerkontor@obos.no">naerkontor@obos.no</a><br>${t.phone} <a href="tel:+4793420183">${t.phoneDisplay}</a></p>
<address>OBOS NÆRKONTOR AS<br>Postboks 6666 St Olavs Plass<br>0129 OSLO</address>
</div>
</footer>
</body>
</html>
`.toString();
}
