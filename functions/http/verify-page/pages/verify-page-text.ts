import { OTHER_WAY_TO_VERIFY, WHERE_CODE_WAS_SENT } from '../../../domain/verification/verification-letters.js';
import type { Language } from '../../../domain/request/request-vocabulary.js';
import { CODE_DIGITS } from '../../../domain/verification/one-time-code.js';
import { CODE_VALID_MINUTES } from '../../../domain/verification/verification-policy.js';

const nb = {
  title: 'Bekreft at det er deg',
  errorTitlePrefix: 'Feil: ',
  lead: 'For at ingen andre skal få personopplysningene dine, ber vi deg skrive inn engangskoden vi har sendt deg på e-post.',
  whereSent: WHERE_CODE_WAS_SENT.nb,
  codeLabel: 'Engangskode',
  codeHint: `Koden har ${CODE_DIGITS} sifre og gjelder i ${CODE_VALID_MINUTES} minutter.`,
  submit: 'Bekreft',
  resendLead: 'Fikk du ingen kode, eller har den gått ut?',
  resend: 'Send meg en ny kode',
  summaryTitle: 'Det er et problem',
  errorPrefix: 'Feil:',
  malformed: `Skriv inn koden på ${CODE_DIGITS} sifre fra e-posten.`,
  wrongCodeOne: 'Koden stemmer ikke. Du har 1 forsøk igjen.',
  wrongCodeMany: 'Koden stemmer ikke. Du har {n} forsøk igjen.',
  locked: 'Koden er sperret fordi den er prøvd for mange ganger. Be om en ny kode.',
  expired: 'Koden har gått ut. Be om en ny kode.',
  sent: 'Vi har sendt deg en ny engangskode. Bruk den nyeste koden: de tidligere gjelder ikke lenger.',
  tooSoon: 'Vent {n} sekunder før du ber om en ny kode.',
  limitReached:
    'Vi kan ikke sende flere koder til denne henvendelsen nå. Prøv igjen i morgen, eller ring oss på 934 20 183, så hjelper vi deg.',
  otherWay: OTHER_WAY_TO_VERIFY.nb,
  verifiedTitle: 'Takk, nå vet vi at det er deg',
  verifiedBody: 'Vi går videre med henvendelsen din og svarer deg på e-post innen fristen. Du trenger ikke gjøre noe mer.',
  notPendingTitle: 'Ingen kode å bekrefte',
  notPendingBody:
    'Denne henvendelsen venter ikke på en engangskode. Har du allerede bekreftet den, trenger du ikke gjøre noe mer. Er den avsluttet, kan du sende en ny henvendelse.',
  newRequest: 'Send en ny henvendelse',
};

const nn: Record<keyof typeof nb, string> = {
  title: 'Stadfest at det er deg',
  errorTitlePrefix: 'Feil: ',
  lead: 'For at ingen andre skal få personopplysningane dine, ber vi deg skrive inn eingongskoden vi har sendt deg på e-post.',
  whereSent: WHERE_CODE_WAS_SENT.nn,
  codeLabel: 'Eingongskode',
  codeHint: `Koden har ${CODE_DIGITS} siffer og gjeld i ${CODE_VALID_MINUTES} minutt.`,
  submit: 'Stadfest',
  resendLead: 'Fekk du ingen kode, eller har han gått ut?',
  resend: 'Send meg ein ny kode',
  summaryTitle: 'Det er eit problem',
  errorPrefix: 'Feil:',
  malformed: `Skriv inn koden på ${CODE_DIGITS} siffer frå e-posten.`,
  wrongCodeOne: 'Koden stemmer ikkje. Du har 1 forsøk att.',
  wrongCodeMany: 'Koden stemmer ikkje. Du har {n} forsøk att.',
  locked: 'Koden er sperra fordi han er prøvd for mange gonger. Be om ein ny kode.',
  expired: 'Koden har gått ut. Be om ein ny kode.',
  sent: 'Vi har sendt deg ein ny eingongskode. Bruk den nyaste koden: dei tidlegare gjeld ikkje lenger.',
  tooSoon: 'Vent {n} sekund før du ber om ein ny kode.',
  limitReached:
    'Vi kan ikkje sende fleire kodar til denne førespurnaden no. Prøv igjen i morgon, eller ring oss på 934 20 183, så hjelper vi deg.',
  otherWay: OTHER_WAY_TO_VERIFY.nn,
  verifiedTitle: 'Takk, no veit vi at det er deg',
  verifiedBody: 'Vi går vidare med førespurnaden din og svarar deg på e-post innan fristen. Du treng ikkje gjere noko meir.',
  notPendingTitle: 'Ingen kode å stadfeste',
  notPendingBody:
    'Denne førespurnaden ventar ikkje på ein eingongskode. Har du alt stadfesta han, treng du ikkje gjere noko meir. Er han avslutta, kan du sende ein ny førespurnad.',
  newRequest: 'Send ein ny førespurnad',
};

const en: Record<keyof typeof nb, string> = {
  title: 'Confirm that it is you',
  errorTitlePrefix: 'Error: ',
  lead: 'So that nobody else gets your personal data, please enter the one-time code we have sent you by e-mail.',
  whereSent: WHERE_CODE_WAS_SENT.en,
  codeLabel: 'One-time code',
  codeHint: `The code has ${CODE_DIGITS} digits and is valid for ${CODE_VALID_MINUTES} minutes.`,
  submit: 'Confirm',
  resendLead: 'Did you not get a code, or has it expired?',
  resend: 'Send me a new code',
  summaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  malformed: `Enter the ${CODE_DIGITS}-digit code from the e-mail.`,
  wrongCodeOne: 'The code is not right. You have 1 try left.',
  wrongCodeMany: 'The code is not right. You have {n} tries left.',
  locked: 'The code is blocked because it was tried too many times. Ask for a new code.',
  expired: 'The code has expired. Ask for a new code.',
  sent: 'We have sent you a new one-time code. Use the newest code: earlier ones no longer work.',
  tooSoon: 'Please wait {n} seconds before asking for a new code.',
  limitReached:
    'We cannot send more codes for this request right now. Try again tomorrow, or call us on +47 934 20 183 and we will help you.',
  otherWay: OTHER_WAY_TO_VERIFY.en,
  verifiedTitle: 'Thank you, we now know it is you',
  verifiedBody: 'We will go on with your request and answer you by e-mail within the time limit. You do not need to do anything more.',
  notPendingTitle: 'No code to confirm',
  notPendingBody:
    'This request is not waiting for a one-time code. If you have already confirmed it, you do not need to do anything more. If it has been closed, you can send a new request.',
  newRequest: 'Send a new request',
};

/** Everything the verify page says; `nn` and `en` are typed by `nb`'s keys, so none can miss a sentence. */
export const VERIFY_TEXT: Readonly<Record<Language, Readonly<Record<keyof typeof nb, string>>>> = { nb, nn, en };
