import type { Language } from '../domain/request/request-vocabulary.js';
import { html } from '../platform/html.js';
import { renderLayout } from './page-shell.js';

/** The server-side failures the web form shows a page for. */
export type ErrorPageStatus = 500 | 503;

type Keys = 'title500' | 'title503' | 'cause500' | 'cause503' | 'noReceipt' | 'contactBefore' | 'contactAfter' | 'back';

const TEXT: Readonly<Record<Language, Readonly<Record<Keys, string>>>> = {
  nb: {
    title500: 'Noe gikk galt',
    title503: 'Tjenesten er midlertidig utilgjengelig',
    cause500: 'Beklager, det oppstod en feil hos oss.',
    cause503: 'Beklager, tjenesten er nede en kort stund. Prøv igjen om noen minutter.',
    noReceipt:
      'Fikk du ingen kvittering med referansenummer, har ingenting gått tapt: gå tilbake og send skjemaet på nytt. Sender du det samme skjemaet flere ganger, registrerer vi det bare én gang.',
    contactBefore: 'Du kan også skrive til ',
    contactAfter: ' eller ringe 934 20 183.',
    back: 'Til skjemaet',
  },
  nn: {
    title500: 'Noko gjekk gale',
    title503: 'Tenesta er mellombels utilgjengeleg',
    cause500: 'Orsak, det oppstod ein feil hos oss.',
    cause503: 'Orsak, tenesta er nede ei kort stund. Prøv igjen om nokre minutt.',
    noReceipt:
      'Fekk du ingen kvittering med referansenummer, har ingenting gått tapt: gå tilbake og send skjemaet på nytt. Sender du det same skjemaet fleire gonger, registrerer vi det berre éin gong.',
    contactBefore: 'Du kan også skrive til ',
    contactAfter: ' eller ringje 934 20 183.',
    back: 'Til skjemaet',
  },
  en: {
    title500: 'Something went wrong',
    title503: 'The service is temporarily unavailable',
    cause500: 'Sorry, an error occurred on our side.',
    cause503: 'Sorry, the service is down for a short while. Please try again in a few minutes.',
    noReceipt:
      'If you did not see a receipt with a reference number, nothing has been lost: go back and send the form again. If you send the same form more than once, we register it only once.',
    contactBefore: 'You can also write to ',
    contactAfter: ' or call +47 934 20 183.',
    back: 'Back to the form',
  },
};

/**
 * The page for a failure on our side. It tells the person whether they must act (no receipt means
 * send again; a resubmitted form is not registered twice) and gives another way to reach us.
 */
export function renderErrorPage(language: Language, { status }: { readonly status: ErrorPageStatus }): string {
  const t = TEXT[language];
  const title = status === 503 ? t.title503 : t.title500;
  const body = html`<h1>${title}</h1>
<p>${status === 503 ? t.cause503 : t.cause500}</p>
<p>${t.noReceipt}</p>
<p>${t.contactBefore}<a href="mailto:naerkontor@obos.no">naerkontor@obos.no</a>${t.contactAfter}</p>
<p><a href="/?lang=${language}">${t.back}</a></p>`;
  return renderLayout({ language, title, body });
}
