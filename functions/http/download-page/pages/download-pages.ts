import { formatCalendarDate } from '../../../domain/letter-format/format-calendar-date.js';
import type { Language } from '../../../domain/request/request-vocabulary.js';
import { html, type SafeHtml } from '../../../platform/html.js';
import { renderLayout } from '../../../web/page-shell.js';
import { DOWNLOAD_SESSION_MINUTES } from '../../../domain/export/download-session.js';

const TEXT = {
  nb: {
    title: 'Last ned kopien av opplysningene dine',
    reference: 'Referanse',
    intro:
      'Her kan du hente kopien av personopplysningene vi har om deg. For å beskytte opplysningene ber vi om en ' +
      'engangskode. Har du fått en kode fra oss, skriver du den inn nedenfor. Ellers kan du be om en kode: vi sender ' +
      'den til e-postadressen du har bekreftet i denne saken.',
    availableUntil: (date: string) => `Kopien kan lastes ned til og med ${date}.`,
    sendCode: 'Send meg en kode',
    sendAgain: 'Send meg en ny kode',
    codeSent:
      'Vi har sendt en ny engangskode til e-postadressen din. Den virker i 15 minutter. Koder vi har sendt før, virker ' +
      'ikke lenger.',
    codeRecentlySent:
      'Vi sendte deg en kode for under ett minutt siden. Bruk den, eller vent litt før du ber om en ny.',
    codeLabel: 'Engangskode',
    codeHint: 'Seks sifre, fra den siste e-posten med kode vi har sendt deg.',
    needCode: 'Har du ingen kode, eller har den gått ut?',
    replacesOld: 'Ber du om en ny kode, slutter koden vi sendte før, å virke.',
    filesIntro: (minutes: number) =>
      `Koden er godtatt. I ${minutes} minutter kan du åpne rapporten og laste ned datafilen så mange ganger du vil, ` +
      'i den rekkefølgen du vil. Etterpå ber vi om en kode igjen.',
    whatToDownload: 'Hva vil du hente?',
    openReport: 'Åpne rapporten (lesbar)',
    downloadData: 'Last ned datafilen (JSON, maskinlesbar)',
    filesHint: (minutes: number) =>
      'Rapporten åpnes i nettleseren, og du kan skrive den ut eller lagre den. Datafilen er for å ta opplysningene med ' +
      `til en annen tjeneste. Etter én riktig kode kan du åpne begge filene i ${minutes} minutter.`,
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
      'Her kan du hente kopien av personopplysningane vi har om deg. For å verne opplysningane ber vi om ein ' +
      'eingongskode. Har du fått ein kode frå oss, skriv du han inn nedanfor. Elles kan du be om ein kode: vi sender ' +
      'han til e-postadressa du har stadfesta i denne saka.',
    availableUntil: (date: string) => `Kopien kan lastast ned til og med ${date}.`,
    sendCode: 'Send meg ein kode',
    sendAgain: 'Send meg ein ny kode',
    codeSent:
      'Vi har sendt ein ny eingongskode til e-postadressa di. Han verkar i 15 minutt. Kodar vi har sendt før, verkar ' +
      'ikkje lenger.',
    codeRecentlySent:
      'Vi sende deg ein kode for under eitt minutt sidan. Bruk han, eller vent litt før du ber om ein ny.',
    codeLabel: 'Eingongskode',
    codeHint: 'Seks siffer, frå den siste e-posten med kode vi har sendt deg.',
    needCode: 'Har du ingen kode, eller har han gått ut?',
    replacesOld: 'Ber du om ein ny kode, sluttar koden vi sende før, å verke.',
    filesIntro: (minutes: number) =>
      `Koden er godteken. I ${minutes} minutt kan du opne rapporten og laste ned datafila så mange gonger du vil, ` +
      'i den rekkjefølgja du vil. Etterpå ber vi om ein kode att.',
    whatToDownload: 'Kva vil du hente?',
    openReport: 'Opne rapporten (lesbar)',
    downloadData: 'Last ned datafila (JSON, maskinlesbar)',
    filesHint: (minutes: number) =>
      'Rapporten blir opna i nettlesaren, og du kan skrive han ut eller lagre han. Datafila er for å ta med opplysningane ' +
      `til ei anna teneste. Etter éin rett kode kan du opne begge filene i ${minutes} minutt.`,
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
      'Here you can get the copy of the personal data we hold about you. To protect the data, we ask for a one-time ' +
      'code. If you have a code from us, enter it below. If not, you can ask for one: we send it to the e-mail address ' +
      'you confirmed in this request.',
    availableUntil: (date: string) => `The copy can be downloaded until ${date} inclusive.`,
    sendCode: 'Send me a code',
    sendAgain: 'Send me a new code',
    codeSent: 'We have sent a new one-time code to your e-mail address. It works for 15 minutes. Codes we sent before no longer work.',
    codeRecentlySent: 'We sent you a code less than a minute ago. Use that one, or wait a little before asking for a new one.',
    codeLabel: 'One-time code',
    codeHint: 'Six digits, from the latest e-mail with a code we sent you.',
    needCode: 'No code, or has it expired?',
    replacesOld: 'If you ask for a new code, the code we sent before stops working.',
    filesIntro: (minutes: number) =>
      `The code is accepted. For ${minutes} minutes you can open the report and download the data file as often as you ` +
      'like, in any order. After that we ask for a code again.',
    whatToDownload: 'What do you want to get?',
    openReport: 'Open the report (readable)',
    downloadData: 'Download the data file (JSON, machine-readable)',
    filesHint: (minutes: number) =>
      'The report opens in your browser, and you can print or save it. The data file is for taking your data to another ' +
      `service. After one correct code you can open both files for ${minutes} minutes.`,
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

/**
 * The words that change when the person has no e-mail and codes come by post (a letter takes
 * days, so such a code lasts as long as the download window).
 */
const BY_POST = {
  nb: {
    intro:
      'Her kan du hente kopien av personopplysningene vi har om deg, også som en maskinlesbar fil. For å beskytte ' +
      'opplysningene ber vi om en engangskode. Har du fått en kode fra oss, skriver du den inn nedenfor. Ellers kan du be ' +
      'om en kode: vi sender den i posten til adressen vi har for deg i denne saken.',
    codeSent: 'Vi sender en ny engangskode til deg i posten. Den virker så lenge kopien kan lastes ned. Koder vi har sendt før, virker ikke lenger.',
    codeHint: 'Seks sifre, fra det siste brevet med kode vi har sendt deg.',
    codeMissing: 'Skriv inn den sekssifrede koden fra brevet.',
  },
  nn: {
    intro:
      'Her kan du hente kopien av personopplysningane vi har om deg, også som ei maskinlesbar fil. For å verne ' +
      'opplysningane ber vi om ein eingongskode. Har du fått ein kode frå oss, skriv du han inn nedanfor. Elles kan du be ' +
      'om ein kode: vi sender han i posten til adressa vi har for deg i denne saka.',
    codeSent: 'Vi sender ein ny eingongskode til deg i posten. Han verkar så lenge kopien kan lastast ned. Kodar vi har sendt før, verkar ikkje lenger.',
    codeHint: 'Seks siffer, frå det siste brevet med kode vi har sendt deg.',
    codeMissing: 'Skriv inn den sekssifra koden frå brevet.',
  },
  en: {
    intro:
      'Here you can get the copy of the personal data we hold about you, also as a machine-readable file. To protect ' +
      'the data, we ask for a one-time code. If you have a code from us, enter it below. If not, you can ask for one: we ' +
      'send it by post to the address we have for you in this case.',
    codeSent: 'We are sending you a new one-time code by post. It works for as long as the copy can be downloaded. Codes we sent before no longer work.',
    codeHint: 'Six digits, from the latest letter with a code we sent you.',
    codeMissing: 'Enter the six-digit code from the letter.',
  },
} as const satisfies Record<Language, unknown>;

export interface DownloadPageInput {
  readonly language: Language;
  readonly reference: string;
  /** Last day of the download window (Oslo date). */
  readonly availableUntil: string;
  /** The person has no e-mail: codes come by post (see {@link BY_POST}). */
  readonly byPost?: boolean;
}

/** The page's words for this person: by e-mail, or with the post's words where they differ. */
const textFor = (input: Pick<DownloadPageInput, 'language' | 'byPost'>) =>
  input.byPost ? { ...TEXT[input.language], ...BY_POST[input.language] } : TEXT[input.language];

/** What the code page says above the form. */
export type CodeNotice = 'sent' | 'recently_sent';

/** Why a code was not accepted; `missing`/`wrong` are field errors, the rest need a new code. */
export type CodeProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  | { readonly kind: 'expired' | 'none' | 'too_many_attempts' | 'too_many_codes' };

const pagePath = (reference: string): string => `/download/${encodeURIComponent(reference)}`;
const action = (input: DownloadPageInput): string => `${pagePath(input.reference)}?lang=${input.language}`;
const fileLink = (input: DownloadPageInput, file: 'report' | 'data'): string =>
  `${pagePath(input.reference)}?lang=${input.language}&file=${file}`;

function contact(language: Language): SafeHtml {
  const t = TEXT[language];
  return html`<p>${t.contactBefore}<a href="mailto:naerkontor@obos.no">naerkontor@obos.no</a>${t.contactAfter}</p>`;
}

function header(input: DownloadPageInput, intro = true): SafeHtml {
  const t = textFor(input);
  return html`<h1>${t.title}</h1>
<p>${t.reference}: <strong>${input.reference}</strong></p>
${intro && html`<p>${t.intro}</p>`}
<p>${t.availableUntil(formatCalendarDate(input.availableUntil, input.language))}</p>`;
}

/** The button that mails a new code, always with the warning that it ends the code sent before. */
function sendCodeForm(input: DownloadPageInput, label: string): SafeHtml {
  const t = textFor(input);
  return html`<form method="post" action="${action(input)}" novalidate>
<input type="hidden" name="action" value="send-code">
<p class="hint" id="replaces-old">${t.replacesOld}</p>
<button type="submit" aria-describedby="replaces-old">${label}</button>
</form>`;
}

function page(input: DownloadPageInput, title: string, body: SafeHtml): string {
  return renderLayout({ language: input.language, title, body, languageSwitchPath: pagePath(input.reference) });
}

/**
 * `GET /download/{id}` before any code: the code field at once (a code already mailed works) and,
 * below it, the button that mails a code.
 */
export function renderRequestCodePage(input: DownloadPageInput): string {
  return renderEnterCodePage(input);
}

/**
 * The page to enter a code and pick a file: two submit buttons (`file=report|data`) so it works
 * without JavaScript. A field error is linked from the error summary and tied to the input. The
 * button for a new code sits below, under its own heading, and says that it ends the old code.
 */
export function renderEnterCodePage(input: DownloadPageInput, notice?: CodeNotice, problem?: CodeProblem): string {
  const t = textFor(input);
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
<p class="hint">${t.filesHint(DOWNLOAD_SESSION_MINUTES)}</p>
<p><button type="submit" name="file" value="report">${t.openReport}</button></p>
<p><button type="submit" name="file" value="data">${t.downloadData}</button></p>
</fieldset>
</form>
<h2>${t.needCode}</h2>
${sendCodeForm(input, notice ? t.sendAgain : t.sendCode)}`
}`;
  return page(input, t.title, body);
}

/**
 * The page after a good code, while the download session lasts: plain links to both files, so the
 * person opens them in any order and comes Back here without a form being sent again.
 */
export function renderFilesPage(input: DownloadPageInput): string {
  const t = textFor(input);
  const body = html`${header(input, false)}
<div class="panel" role="status"><p>${t.filesIntro(DOWNLOAD_SESSION_MINUTES)}</p></div>
<h2>${t.whatToDownload}</h2>
<ul>
<li><a href="${fileLink(input, 'report')}">${t.openReport}</a></li>
<li><a href="${fileLink(input, 'data')}" download>${t.downloadData}</a></li>
</ul>`;
  return page(input, t.title, body);
}

/** The package's window has closed (or it is gone): say so, and how to ask again. */
export function renderExpiredPage(input: DownloadPageInput, purged = true): string {
  const t = textFor(input);
  const body = html`<h1>${t.expiredTitle}</h1>
<p>${t.reference}: <strong>${input.reference}</strong></p>
<p>${purged ? t.expired(formatCalendarDate(input.availableUntil, input.language)) : t.unavailable}</p>
<p>${t.askAgain}</p>
<p><a href="/?lang=${input.language}">${t.formLink}</a></p>
${contact(input.language)}`;
  return page(input, t.expiredTitle, body);
}
