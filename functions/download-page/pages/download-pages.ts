import { formatCalendarDate } from '../../domain/letters/format-calendar-date.js';
import type { Language } from '../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../web-form/pages/html.js';
import { renderLayout } from '../../web-form/pages/layout.js';

const TEXT = {
  nb: {
    title: 'Last ned kopien av opplysningene dine',
    reference: 'Referanse',
    intro:
      'Her kan du hente kopien av personopplysningene vi har om deg. For å beskytte opplysningene ber vi deg om en ' +
      'engangskode hver gang. Vi sender koden til e-postadressen du har bekreftet i denne saken.',
    availableUntil: (date: string) => `Kopien kan lastes ned til og med ${date}.`,
    sendCode: 'Send meg en kode',
    sendAgain: 'Send meg en ny kode',
    codeSent: 'Vi har sendt en engangskode til e-postadressen din. Den virker i 15 minutter.',
    codeRecentlySent:
      'Vi sendte deg en kode for under ett minutt siden. Bruk den, eller vent litt før du ber om en ny.',
    codeLabel: 'Engangskode',
    codeHint: 'Seks sifre, fra e-posten vi nettopp sendte deg.',
    whatToDownload: 'Hva vil du hente?',
    openReport: 'Åpne rapporten (lesbar)',
    downloadData: 'Last ned datafilen (JSON, maskinlesbar)',
    filesHint:
      'Rapporten åpnes i nettleseren, og du kan skrive den ut eller lagre den. Datafilen er for å ta opplysningene med ' +
      'til en annen tjeneste. Koden virker for begge filene så lenge den er gyldig.',
    errorSummary: 'Det er et problem',
    codeMissing: 'Skriv inn den sekssifrede koden fra e-posten.',
    codeWrong: (left: number) =>
      left === 1 ? 'Koden er feil. Du har ett forsøk igjen.' : `Koden er feil. Du har ${left} forsøk igjen.`,
    codeExpired: 'Koden er ikke lenger gyldig. Be om en ny kode.',
    noCode: 'Du har ingen gyldig kode. Be om en ny kode.',
    tooManyAttempts: 'Du har skrevet feil kode for mange ganger. Be om en ny kode.',
    tooManyCodes:
      'Vi har sendt deg mange koder for denne saken og sender ikke flere. Kontakt oss, så hjelper vi deg med å få kopien.',
    expiredTitle: 'Nedlastingen er utløpt',
    expired: (date: string) =>
      `Kopien kunne lastes ned til og med ${date}. Av hensyn til personvernet har vi slettet den etterpå.`,
    askAgain: 'Vil du ha en ny kopi, kan du sende en ny henvendelse i skjemaet vårt eller kontakte oss. Oppgi referansen over.',
    unavailable: 'Kopien er ikke tilgjengelig lenger.',
    formLink: 'Til skjemaet for personvernhenvendelser',
    contactBefore: 'Du kan også skrive til ',
    contactAfter: ' eller ringe 934 20 183.',
  },
  nn: {
    title: 'Last ned kopien av opplysningane dine',
    reference: 'Referanse',
    intro:
      'Her kan du hente kopien av personopplysningane vi har om deg. For å verne opplysningane ber vi deg om ein ' +
      'eingongskode kvar gong. Vi sender koden til e-postadressa du har stadfesta i denne saka.',
    availableUntil: (date: string) => `Kopien kan lastast ned til og med ${date}.`,
    sendCode: 'Send meg ein kode',
    sendAgain: 'Send meg ein ny kode',
    codeSent: 'Vi har sendt ein eingongskode til e-postadressa di. Han verkar i 15 minutt.',
    codeRecentlySent:
      'Vi sende deg ein kode for under eitt minutt sidan. Bruk han, eller vent litt før du ber om ein ny.',
    codeLabel: 'Eingongskode',
    codeHint: 'Seks siffer, frå e-posten vi nett sende deg.',
    whatToDownload: 'Kva vil du hente?',
    openReport: 'Opne rapporten (lesbar)',
    downloadData: 'Last ned datafila (JSON, maskinlesbar)',
    filesHint:
      'Rapporten blir opna i nettlesaren, og du kan skrive han ut eller lagre han. Datafila er for å ta med opplysningane ' +
      'til ei anna teneste. Koden verkar for begge filene så lenge han er gyldig.',
    errorSummary: 'Det er eit problem',
    codeMissing: 'Skriv inn den sekssifra koden frå e-posten.',
    codeWrong: (left: number) =>
      left === 1 ? 'Koden er feil. Du har eitt forsøk att.' : `Koden er feil. Du har ${left} forsøk att.`,
    codeExpired: 'Koden er ikkje lenger gyldig. Be om ein ny kode.',
    noCode: 'Du har ingen gyldig kode. Be om ein ny kode.',
    tooManyAttempts: 'Du har skrive feil kode for mange gonger. Be om ein ny kode.',
    tooManyCodes:
      'Vi har sendt deg mange kodar for denne saka og sender ikkje fleire. Kontakt oss, så hjelper vi deg med å få kopien.',
    expiredTitle: 'Nedlastinga har gått ut',
    expired: (date: string) =>
      `Kopien kunne lastast ned til og med ${date}. Av omsyn til personvernet har vi sletta han etterpå.`,
    askAgain: 'Vil du ha ein ny kopi, kan du sende ein ny førespurnad i skjemaet vårt eller kontakte oss. Oppgje referansen over.',
    unavailable: 'Kopien er ikkje tilgjengeleg lenger.',
    formLink: 'Til skjemaet for personvernførespurnader',
    contactBefore: 'Du kan også skrive til ',
    contactAfter: ' eller ringje 934 20 183.',
  },
  en: {
    title: 'Download the copy of your data',
    reference: 'Reference',
    intro:
      'Here you can get the copy of the personal data we hold about you. To protect the data, we ask for a one-time code ' +
      'every time. We send the code to the e-mail address you confirmed in this request.',
    availableUntil: (date: string) => `The copy can be downloaded until ${date} inclusive.`,
    sendCode: 'Send me a code',
    sendAgain: 'Send me a new code',
    codeSent: 'We have sent a one-time code to your e-mail address. It works for 15 minutes.',
    codeRecentlySent: 'We sent you a code less than a minute ago. Use that one, or wait a little before asking for a new one.',
    codeLabel: 'One-time code',
    codeHint: 'Six digits, from the e-mail we just sent you.',
    whatToDownload: 'What do you want to get?',
    openReport: 'Open the report (readable)',
    downloadData: 'Download the data file (JSON, machine-readable)',
    filesHint:
      'The report opens in your browser, and you can print or save it. The data file is for taking your data to another ' +
      'service. The code works for both files while it is valid.',
    errorSummary: 'There is a problem',
    codeMissing: 'Enter the six-digit code from the e-mail.',
    codeWrong: (left: number) =>
      left === 1 ? 'The code is wrong. You have one try left.' : `The code is wrong. You have ${left} tries left.`,
    codeExpired: 'The code is no longer valid. Ask for a new code.',
    noCode: 'You have no valid code. Ask for a new code.',
    tooManyAttempts: 'You have entered a wrong code too many times. Ask for a new code.',
    tooManyCodes: 'We have sent you many codes for this request and will not send more. Contact us and we will help you get the copy.',
    expiredTitle: 'The download has expired',
    expired: (date: string) => `The copy could be downloaded until ${date}. To protect your privacy, we have deleted it since.`,
    askAgain: 'If you want a new copy, you can send a new request through our form or contact us. Quote the reference above.',
    unavailable: 'The copy is no longer available.',
    formLink: 'Go to the data protection request form',
    contactBefore: 'You can also write to ',
    contactAfter: ' or call +47 934 20 183.',
  },
} as const satisfies Record<Language, unknown>;

export interface DownloadPageInput {
  readonly language: Language;
  readonly reference: string;
  /** Last day of the download window (Oslo date). */
  readonly availableUntil: string;
}

/** What the code page says above the form. */
export type CodeNotice = 'sent' | 'recently_sent';

/** Why a code was not accepted; `missing`/`wrong` are field errors, the rest need a new code. */
export type CodeProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  | { readonly kind: 'expired' | 'none' | 'too_many_attempts' | 'too_many_codes' };

const pagePath = (reference: string): string => `/download/${encodeURIComponent(reference)}`;
const action = (input: DownloadPageInput): string => `${pagePath(input.reference)}?lang=${input.language}`;

function contact(language: Language): SafeHtml {
  const t = TEXT[language];
  return html`<p>${t.contactBefore}<a href="mailto:naerkontor@obos.no">naerkontor@obos.no</a>${t.contactAfter}</p>`;
}

function header(input: DownloadPageInput): SafeHtml {
  const t = TEXT[input.language];
  return html`<h1>${t.title}</h1>
<p>${t.reference}: <strong>${input.reference}</strong></p>
<p>${t.intro}</p>
<p>${t.availableUntil(formatCalendarDate(input.availableUntil, input.language))}</p>`;
}

function sendCodeForm(input: DownloadPageInput, label: string): SafeHtml {
  return html`<form method="post" action="${action(input)}" novalidate>
<input type="hidden" name="action" value="send-code">
<button type="submit">${label}</button>
</form>`;
}

function page(input: DownloadPageInput, title: string, body: SafeHtml): string {
  return renderLayout({ language: input.language, title, body, languageSwitchPath: pagePath(input.reference) });
}

/** `GET /download/{id}`: what this is, and the button that mails a fresh code. */
export function renderRequestCodePage(input: DownloadPageInput): string {
  const t = TEXT[input.language];
  return page(input, t.title, html`${header(input)}
${sendCodeForm(input, t.sendCode)}`);
}

/**
 * The page to enter a code and pick a file: two submit buttons (`file=report|data`) so it works
 * without JavaScript. A field error is linked from the error summary and tied to the input.
 */
export function renderEnterCodePage(input: DownloadPageInput, notice?: CodeNotice, problem?: CodeProblem): string {
  const t = TEXT[input.language];
  const fieldError =
    problem?.kind === 'missing' ? t.codeMissing : problem?.kind === 'wrong' ? t.codeWrong(problem.attemptsLeft) : undefined;
  const needsNewCode =
    problem && problem.kind !== 'missing' && problem.kind !== 'wrong'
      ? {
          expired: t.codeExpired,
          none: t.noCode,
          too_many_attempts: t.tooManyAttempts,
          too_many_codes: t.tooManyCodes,
        }[problem.kind]
      : undefined;
  const body = html`${
    (fieldError || needsNewCode) &&
    html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t.errorSummary}</h2>
<p>${fieldError ? html`<a href="#code">${fieldError}</a>` : needsNewCode}</p>
</div>`
  }
${header(input)}
${notice && html`<div class="panel" role="status"><p>${notice === 'sent' ? t.codeSent : t.codeRecentlySent}</p></div>`}
${
  problem?.kind === 'too_many_codes'
    ? contact(input.language)
    : needsNewCode
      ? sendCodeForm(input, t.sendAgain)
      : html`<form method="post" action="${action(input)}" novalidate>
<div class="field${fieldError ? ' field-error' : ''}">
<label for="code">${t.codeLabel}</label>
<p class="hint" id="code-hint">${t.codeHint}</p>
${fieldError && html`<p class="error-message" id="code-error">${fieldError}</p>`}
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" spellcheck="false" aria-describedby="code-hint${fieldError ? ' code-error' : ''}"${fieldError ? html` aria-invalid="true"` : ''}>
</div>
<fieldset class="field">
<legend>${t.whatToDownload}</legend>
<p class="hint">${t.filesHint}</p>
<p><button type="submit" name="file" value="report">${t.openReport}</button></p>
<p><button type="submit" name="file" value="data">${t.downloadData}</button></p>
</fieldset>
</form>
${sendCodeForm(input, t.sendAgain)}`
}`;
  return page(input, t.title, body);
}

/** The package's window has closed (or it is gone): say so, and how to ask again. */
export function renderExpiredPage(input: DownloadPageInput, purged = true): string {
  const t = TEXT[input.language];
  const body = html`<h1>${t.expiredTitle}</h1>
<p>${t.reference}: <strong>${input.reference}</strong></p>
<p>${purged ? t.expired(formatCalendarDate(input.availableUntil, input.language)) : t.unavailable}</p>
<p>${t.askAgain}</p>
<p><a href="/?lang=${input.language}">${t.formLink}</a></p>
${contact(input.language)}`;
  return page(input, t.expiredTitle, body);
}
