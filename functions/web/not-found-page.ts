import type { Language } from '../domain/request/request-vocabulary.js';
import { html } from '../platform/html.js';
import { renderLayout } from './page-shell.js';

const TEXT = {
  nb: {
    title: 'Fant ikke siden',
    body: 'Sjekk at adressen er riktig. Lenken kan også være gammel.',
    back: 'Gå til skjemaet for personvernhenvendelser',
  },
  nn: {
    title: 'Fann ikkje sida',
    body: 'Sjekk at adressa er rett. Lenkja kan også vere gammal.',
    back: 'Gå til skjemaet for personvernførespurnader',
  },
  en: {
    title: 'Page not found',
    body: 'Check that the address is correct. The link may also be out of date.',
    back: 'Go to the data protection request form',
  },
} as const satisfies Record<Language, Record<'title' | 'body' | 'back', string>>;

/** The 404 page: says what happened and leads back to the form, in the visitor's language. */
export function renderNotFoundPage(language: Language): string {
  const t = TEXT[language];
  const body = html`<h1>${t.title}</h1>
<p>${t.body}</p>
<p><a href="/?lang=${language}">${t.back}</a></p>`;
  return renderLayout({ language, title: t.title, body });
}
