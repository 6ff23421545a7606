import { osloCalendarDate, statutoryDeadline } from '../deadline/index.js';
import type { Language } from '../request/request-vocabulary.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import { gdpr } from '../letter-format/legal-citations.js';
import { SIGNATURE, type Letter } from './letter.js';

const TIME_LIMIT = gdpr({ number: 12, paragraph: 3 });

/**
 * The neutral acknowledgement of a mail staff must look at before it becomes a case (triage): it
 * was received on that day, a person will look at it, and a request about personal data is
 * answered within one month of receipt (Art. 12(3)), with the date. It echoes nothing the sender
 * wrote (not the subject, not a name): the sender address may be forged, and a stranger's words
 * must not be mailed on in our name.
 *
 * @param receivedAt when the mail server accepted the mail (ISO instant): the clock starts there.
 */
export function triageAcknowledgementLetter(language: Language, receivedAt: string): Letter {
  const received = formatCalendarDate(osloCalendarDate(receivedAt), language);
  const due = formatCalendarDate(statutoryDeadline(receivedAt), language);
  const texts: Readonly<Record<Language, Letter>> = {
    nb: {
      subject: 'Vi har fått e-posten din',
      text: [
        'Hei,',
        '',
        `Vi har fått e-posten din til OBOS Nærkontor. Den kom inn ${received}, og en saksbehandler ser på den.`,
        '',
        `Gjelder den personopplysninger om deg, for eksempel innsyn, retting eller sletting, svarer vi innen én måned etter at vi fikk den, altså senest ${due} (${TIME_LIMIT.nb}). Er saken svært omfattende, kan vi forlenge fristen med inntil to måneder. Da får du beskjed om det før den første måneden er omme.`,
        '',
        'Du trenger ikke sende e-posten på nytt. Har du ikke skrevet til oss, kan du se bort fra denne e-posten.',
        '',
        SIGNATURE.nb,
      ].join('\n'),
    },
    nn: {
      subject: 'Vi har fått e-posten din',
      text: [
        'Hei,',
        '',
        `Vi har fått e-posten din til OBOS Nærkontor. Han kom inn ${received}, og ein sakshandsamar ser på han.`,
        '',
        `Gjeld han personopplysningar om deg, til dømes innsyn, retting eller sletting, svarar vi innan éin månad etter at vi fekk han, altså seinast ${due} (${TIME_LIMIT.nn}). Er saka svært omfattande, kan vi forlengje fristen med inntil to månader. Då får du melding om det før den første månaden er omme.`,
        '',
        'Du treng ikkje sende e-posten på nytt. Har du ikkje skrive til oss, kan du sjå bort frå denne e-posten.',
        '',
        SIGNATURE.nn,
      ].join('\n'),
    },
    en: {
      subject: 'We have received your e-mail',
      text: [
        'Hello,',
        '',
        `We have received your e-mail to OBOS Nærkontor. It arrived on ${received}, and a member of our staff is looking at it.`,
        '',
        `If it concerns personal data about you, for example access, correction or erasure, we will answer within one month of receiving it, that is by ${due} at the latest (${TIME_LIMIT.en}). If the matter is very extensive, we may extend the time limit by up to two months. We will then tell you before the first month is over.`,
        '',
        'You do not need to send the e-mail again. If you did not write to us, you can ignore this e-mail.',
        '',
        SIGNATURE.en,
      ].join('\n'),
    },
  };
  return texts[language];
}
