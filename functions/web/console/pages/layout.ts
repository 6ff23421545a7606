import { createHash } from 'node:crypto';
import { STAFF_GROUP_LABELS } from '../../../domain/request/staff-labels.js';
import { baseCss } from '../../base-css.js';
import { html, raw, type SafeHtml } from '../../../platform/html.js';
import { PALETTE } from '../../page-shell.js';
import type { ConsoleUser, Flash } from './console-context.js';
import { csrfField } from './form-controls.js';

/**
 * The console's colours: the public site's palette plus the urgency badges and table rules.
 * Named so the contrast test checks every text/background pair against WCAG's 4.5:1.
 */
export const CONSOLE_PALETTE = {
  ...PALETTE,
  rule: '#6b6b6b',
  stripe: '#f5f7fa',
  overdueText: '#ffffff',
  overdueBackground: '#b00020',
  criticalText: '#6b2e00',
  criticalBackground: '#ffe8cc',
  soonText: '#4d3d00',
  soonBackground: '#fff6cc',
  normalText: '#00307f',
  normalBackground: '#e6eefb',
  successText: '#0b5a1e',
  successBackground: '#e3f4e6',
} as const;

/** Text/background pairs the pages actually use, for the contrast test. */
export const CONSOLE_COLOUR_PAIRS: readonly (readonly [string, string])[] = [
  [CONSOLE_PALETTE.text, CONSOLE_PALETTE.background],
  [CONSOLE_PALETTE.text, CONSOLE_PALETTE.stripe],
  [CONSOLE_PALETTE.hint, CONSOLE_PALETTE.background],
  [CONSOLE_PALETTE.brand, CONSOLE_PALETTE.background],
  [CONSOLE_PALETTE.onBrand, CONSOLE_PALETTE.brand],
  [CONSOLE_PALETTE.onBrand, CONSOLE_PALETTE.brandDark],
  [CONSOLE_PALETTE.error, CONSOLE_PALETTE.background],
  [CONSOLE_PALETTE.overdueText, CONSOLE_PALETTE.overdueBackground],
  [CONSOLE_PALETTE.criticalText, CONSOLE_PALETTE.criticalBackground],
  [CONSOLE_PALETTE.soonText, CONSOLE_PALETTE.soonBackground],
  [CONSOLE_PALETTE.normalText, CONSOLE_PALETTE.normalBackground],
  [CONSOLE_PALETTE.successText, CONSOLE_PALETTE.successBackground],
  [CONSOLE_PALETTE.text, CONSOLE_PALETTE.footerBackground],
];

const P = CONSOLE_PALETTE;

/** Inline, like the public pages, so the console needs no static hosting and no script. */
const CSS = `${baseCss(P, '1rem')}
.bar{max-width:80rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;justify-content:space-between;align-items:center}
.brand{margin:0;font-weight:700;font-size:1.125rem}
.who{margin:0;font-size:.9375rem}
.menu{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:center}
.menu a{display:inline-block;padding:.375rem 0;font-weight:700}
.menu a[aria-current=page]{text-decoration-thickness:.2em}
.menu button{padding:.375rem .75rem;border:2px solid ${P.onBrand};border-bottom-width:2px;background:${P.brandDark}}
main{display:block;max-width:80rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 1rem;overflow-wrap:break-word}
h2{font-size:1.375rem;line-height:1.3;margin:2rem 0 .75rem}
h3{font-size:1.125rem;margin:1.5rem 0 .5rem}
.field{margin:0 0 1.25rem}
.field-error{border-left:4px solid ${P.error};padding-left:.75rem}
label,legend{display:block;font-weight:700}
legend{padding:0;margin:0 0 .25rem}
.hint{color:${P.hint};margin:.25rem 0 .5rem}
.error-message{color:${P.error};font-weight:700;margin:.25rem 0 .5rem}
input[type=text],input[type=email],input[type=tel],input[type=search],input[type=password],input[type=date],input[type=time],select,textarea{display:block;width:100%;max-width:32rem;font:inherit;color:${P.text};background:${P.background};padding:.375rem .5rem;border:2px solid ${P.text};border-radius:0}
.field-error input,.field-error textarea,.field-error select{border-color:${P.error}}
textarea{min-height:5rem;resize:vertical}
fieldset{border:0;margin:0 0 1.25rem;padding:0;min-width:0}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}
.choice input{flex:none;width:1.25rem;height:1.25rem;margin:.125rem 0 0;accent-color:${P.brand}}
.choice label{font-weight:400}
button{font:inherit;font-weight:700;color:${P.onBrand};background:${P.brand};border:0;border-bottom:3px solid ${P.brandDark};padding:.5rem 1.25rem;cursor:pointer}
button:hover{background:${P.brandDark}}
.button-link{display:inline-block;padding:.5rem 0}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;margin:0 0 1.5rem}
.filters .field{margin:0;flex:1 1 12rem}
.filters .actions{display:flex;gap:1rem;align-items:center}
.error-summary{border:4px solid ${P.error};padding:1rem 1.25rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0}
.error-summary a{color:${P.error};font-weight:700}
.flash{padding:.75rem 1rem;margin:0 0 1.5rem;border-left:6px solid}
.flash-success{color:${P.successText};background:${P.successBackground}}
.flash-error{color:${P.error};background:${P.background};border:4px solid ${P.error}}
.notice{border:4px solid ${P.brand};padding:.75rem 1rem;margin:0 0 1.25rem}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;font-size:1.125rem;padding:0 0 .5rem}
th,td{text-align:left;vertical-align:top;padding:.5rem .625rem;border-bottom:1px solid ${P.rule}}
thead th{border-bottom:3px solid ${P.text};white-space:nowrap}
tbody tr:nth-child(even){background:${P.stripe}}
.badge{display:inline-block;font-weight:700;padding:.125rem .5rem;border:2px solid;white-space:nowrap}
.badge-overdue{color:${P.overdueText};background:${P.overdueBackground};border-color:${P.overdueBackground}}
.badge-critical{color:${P.criticalText};background:${P.criticalBackground}}
.badge-soon{color:${P.soonText};background:${P.soonBackground}}
.badge-normal{color:${P.normalText};background:${P.normalBackground}}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:0 0 1rem}
.facts dt{font-weight:700}
.facts dd{margin:0;overflow-wrap:anywhere}
.message-text{white-space:pre-wrap;overflow-wrap:anywhere;background:${P.footerBackground};padding:.75rem 1rem;margin:0 0 1rem;font-family:inherit}
.timeline{padding-left:1.5rem}
.timeline li{margin:0 0 .75rem}
.actions-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1.5rem}
.action{border:2px solid ${P.rule};padding:1rem}
.decision{grid-column:1/-1;display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1.5rem}
.decision .notice{grid-column:1/-1;margin:0}
.action h3{margin-top:0}
.key-figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:1rem;margin:0 0 1.5rem}
.key-figure{display:flex;flex-direction:column-reverse;justify-content:flex-end;border:2px solid ${P.rule};border-top:6px solid ${P.brand};padding:1rem}
.key-figure dt{font-weight:400;margin:.25rem 0 0}
.key-figure dd{margin:0}
.key-figure-value{display:block;font-size:2.5rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.key-figure-note{display:block;color:${P.hint};font-size:.9375rem;margin:.25rem 0 0}
.entry{border:2px solid ${P.rule};padding:1rem;margin:0 0 1.5rem}
.entry-urgent{border:4px solid ${P.overdueBackground}}
.entry h3{margin-top:0}
.site-footer{background:${P.footerBackground};border-top:4px solid ${P.brand};font-size:.9375rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}`;

const CSS_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');
const META_POLICY = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; form-action 'self'; base-uri 'none'`;

/**
 * Content-Security-Policy for the handler to send with every console page: our one inline
 * stylesheet and nothing else, so no script runs even if requester text were ever mis-escaped.
 * `form-action 'self'` keeps every form posting to the console.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = `${META_POLICY}; frame-ancestors 'none'`;

/** The console's main sections; the current one is marked for screen readers. */
export type ConsoleSection = 'queue' | 'triage' | 'intake' | 'post' | 'dashboard';

const MENU: readonly { readonly section: ConsoleSection; readonly href: string; readonly label: string }[] = [
  { section: 'queue', href: '/console', label: 'Kø' },
  { section: 'triage', href: '/console/triage', label: 'Innboks' },
  { section: 'intake', href: '/console/intake', label: 'Ny henvendelse' },
  { section: 'post', href: '/console/post', label: 'Til utsending per post' },
  { section: 'dashboard', href: '/console/dashboard', label: 'Oversikt' },
];

export interface ConsoleShell {
  /** Plain text; the console's name is appended. */
  readonly title: string;
  readonly body: SafeHtml;
  /** Absent on pages shown before sign-in: then neither menu nor user is shown. */
  readonly user?: ConsoleUser;
  /** Needed with `user`, for the sign-out form. */
  readonly csrfToken?: string;
  readonly section?: ConsoleSection;
  readonly flash?: Flash;
}

function renderMenu(user: ConsoleUser, csrfToken: string, section: ConsoleSection | undefined): SafeHtml {
  const groups = user.groups.length > 0 ? user.groups.map((group) => STAFF_GROUP_LABELS[group]).join(', ') : 'ingen tilgangsgruppe';
  return html`<p class="who">Innlogget som <strong>${user.username}</strong> (${groups})</p>
<nav aria-label="Hovedmeny">
<ul class="menu">
${MENU.map((item) => html`<li><a href="${item.href}"${item.section === section && html` aria-current="page"`}>${item.label}</a></li>`)}
<li><form method="post" action="/console/sign-out">${csrfField(csrfToken)}<button type="submit">Logg ut</button></form></li>
</ul>
</nav>`;
}

/**
 * The shell of every console page: skip link, header with the signed-in user and the menu, the
 * status area for flash messages (`role="status"`, present even when empty so screen readers
 * announce what a redirect puts there), and the page. Contains no script.
 */
export function renderConsoleLayout({ title, body, user, csrfToken = '', section, flash }: ConsoleShell): string {
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${META_POLICY}">
<meta name="robots" content="noindex, nofollow">
<title>${title} – Personvernkonsoll, OBOS Nærkontor</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">Hopp til hovedinnholdet</a>
<header class="site-header">
<div class="bar">
<p class="brand">Personvernkonsoll – OBOS Nærkontor</p>
${user && renderMenu(user, csrfToken, section)}
</div>
</header>
<main id="main" tabindex="-1">
<div role="status">${flash && html`<p class="flash flash-${flash.kind}">${flash.text}</p>`}</div>
${body}
</main>
<footer class="site-footer">
<div class="bar"><p>Intern saksbehandling av personvernhenvendelser. Ikke del skjermbilder med personopplysninger.</p></div>
</footer>
</body>
</html>
`.toString();
}
