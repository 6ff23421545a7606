import { REQUEST_TYPE_LABELS } from '../../../domain/request/request-type-labels.js';
import type { Language, RequestType } from '../../../domain/request/request-vocabulary.js';
import { formatCalendarDate } from '../../../domain/letter-format/format-calendar-date.js';
import { html } from '../../../platform/html.js';
import { renderLayout } from '../../../web/page-shell.js';

export interface ReceiptPageInput {
  readonly language: Language;
  readonly reference: string;
  /** The statutory answer date, `YYYY-MM-DD` (Europe/Oslo calendar date). */
  readonly dueDate: string;
  readonly types: readonly RequestType[];
}

const DATATILSYNET_URL: Readonly<Record<Language, string>> = {
  nb: 'https://www.datatilsynet.no/',
  nn: 'https://www.datatilsynet.no/',
  en: 'https://www.datatilsynet.no/en/',
};

const nb = {
  title: 'Vi har mottatt henvendelsen din',
  referenceIntro: 'Referansenummeret ditt er',
  quoteReference: 'Oppgi referansenummeret når du kontakter oss om saken.',
  dueBefore: 'Vi svarer så raskt vi kan, og senest ',
  dueAfter: '.',
  extension: 'Trenger vi mer tid, sier vi fra før denne datoen og forklarer hvorfor.',
  typesHeading: 'Dette har du bedt om',
  nextHeading: 'Hva skjer nå?',
  confirmation: 'Du får en bekreftelse på e-post med referansenummeret og fristen.',
  identity:
    'Vi kan be deg bekrefte hvem du er med en kode. Koden sender vi til e-postadressen eller telefonnummeret vi allerede har registrert på deg, ikke nødvendigvis til adressen du skrev i skjemaet.',
  free: 'Det er gratis.',
  complainBefore: 'Er du uenig i hvordan vi behandler henvendelsen, kan du klage til ',
  complainAfter: '.',
};

const nn: Record<keyof typeof nb, string> = {
  title: 'Vi har fått førespurnaden din',
  referenceIntro: 'Referansenummeret ditt er',
  quoteReference: 'Oppgje referansenummeret når du kontaktar oss om saka.',
  dueBefore: 'Vi svarar så raskt vi kan, og seinast ',
  dueAfter: '.',
  extension: 'Treng vi meir tid, seier vi frå før denne datoen og forklarar kvifor.',
  typesHeading: 'Dette har du bede om',
  nextHeading: 'Kva skjer no?',
  confirmation: 'Du får ei stadfesting på e-post med referansenummeret og fristen.',
  identity:
    'Vi kan be deg stadfeste kven du er med ein kode. Koden sender vi til e-postadressa eller telefonnummeret vi alt har registrert på deg, ikkje naudsynleg til adressa du skreiv i skjemaet.',
  free: 'Det er gratis.',
  complainBefore: 'Er du usamd i korleis vi handsamar førespurnaden, kan du klage til ',
  complainAfter: '.',
};

const en: Record<keyof typeof nb, string> = {
  title: 'We have received your request',
  referenceIntro: 'Your reference number is',
  quoteReference: 'Please quote the reference number whenever you contact us about this request.',
  dueBefore: 'We answer as soon as we can, and by ',
  dueAfter: ' at the latest.',
  extension: 'If we need more time, we will tell you before this date and explain why.',
  typesHeading: 'What you asked for',
  nextHeading: 'What happens next?',
  confirmation: 'You will get a confirmation by e-mail with the reference number and the deadline.',
  identity:
    'We may ask you to confirm who you are with a code. We send the code to the e-mail address or phone number we already have registered for you, which may not be the address you typed in the form.',
  free: 'It is free of charge.',
  complainBefore: 'If you disagree with how we handle your request, you can complain to ',
  complainAfter: ', the Norwegian Data Protection Authority.',
};

const TEXT: Readonly<Record<Language, Readonly<Record<keyof typeof nb, string>>>> = { nb, nn, en };

/**
 * The page shown once a request is stored. It repeats only the reference (never name or e-mail),
 * so a shared or cached screen reveals nothing about the person, and tells them when to expect an
 * answer, what happens next and where to complain.
 *
 * @throws RangeError when `dueDate` is not a calendar date
 */
export function renderReceiptPage({ language, reference, dueDate, types }: ReceiptPageInput): string {
  const t = TEXT[language];
  const body = html`<h1>${t.title}</h1>
<div class="panel">
<p>${t.referenceIntro} <strong class="reference">${reference}</strong></p>
<p>${t.quoteReference}</p>
</div>
<p>${t.dueBefore}<strong><time datetime="${dueDate}">${formatCalendarDate(dueDate, language)}</time></strong>${t.dueAfter} ${t.extension}</p>
<h2>${t.typesHeading}</h2>
<ul>${[...new Set(types)].map((type) => html`<li>${REQUEST_TYPE_LABELS[type][language]}</li>`)}</ul>
<h2>${t.nextHeading}</h2>
<ul>
<li>${t.confirmation}</li>
<li>${t.identity}</li>
<li>${t.free}</li>
<li>${t.complainBefore}<a href="${DATATILSYNET_URL[language]}">Datatilsynet</a>${t.complainAfter}</li>
</ul>`;
  return renderLayout({ language, title: t.title, body });
}
