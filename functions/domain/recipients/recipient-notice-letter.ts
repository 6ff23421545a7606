import { CATEGORY_LABELS, CORRECTABLE_FIELD_LABELS, joinList, recipientInText } from '../letters/art15-information.js';
import { SIGNATURE, type Letter } from '../letters/letter.js';
import type { RecipientChange, RecipientNotice } from './recipient-changes.js';

const categories = (change: RecipientChange): string =>
  joinList(change.categories.map((category) => `«${CATEGORY_LABELS[category].nb}»`), 'nb');

function describe(change: RecipientChange): string {
  switch (change.reason) {
    case 'rectification':
      return (
        `  • Retting (personvernforordningen artikkel 16): ${joinList(change.fields.map((field) => CORRECTABLE_FIELD_LABELS[field].nb), 'nb')} er rettet hos oss. ` +
        'Oppdater de samme opplysningene hos dere. Av hensyn til personvernet står de nye verdiene ikke i denne e-posten; ' +
        'kontakt oss, så får dere dem på en sikker måte.'
      );
    case 'erasure':
      return (
        `  • Sletting (personvernforordningen artikkel 17): opplysningene i kategoriene ${categories(change)} er slettet hos oss. ` +
        'Slett de samme opplysningene om kunden som dere behandler for oss.'
      );
    case 'restriction':
      return (
        `  • Begrensning (personvernforordningen artikkel 18): behandlingen av opplysningene i kategoriene ${categories(change)} er begrenset. ` +
        'Opplysningene skal bare lagres og ikke brukes til noe annet før vi gir beskjed.'
      );
  }
}

/**
 * The Art. 19 notice to a recipient, in Norwegian: what changed and the customer reference to find
 * the person by in their system. It carries no other personal data (no name, address or new
 * values), because the reference is all a recipient needs to act and e-mail is not the channel for more.
 */
export function recipientNoticeLetter(notice: RecipientNotice, requestId: string): Letter {
  const references = notice.customerIds.join(', ');
  return {
    subject: `Varsel om endring i personopplysninger (personvernforordningen artikkel 19) – kundereferanse ${references}`,
    text: [
      `Til ${recipientInText(notice, 'nb')}`,
      '',
      'OBOS Nærkontor AS har behandlet en henvendelse fra en registrert etter personvernforordningen. Dere har fått ' +
        'opplysninger om denne personen fra oss, og vi varsler dere derfor om endringene, slik personvernforordningen artikkel 19 krever.',
      '',
      `Kundereferanse i deres system: ${references}`,
      `Vår saksreferanse: ${requestId}`,
      '',
      'Dette er endret:',
      ...notice.changes.map(describe),
      '',
      'Svar gjerne på denne e-posten med vår saksreferanse når endringene er gjort hos dere.',
      '',
      SIGNATURE.nb,
    ].join('\n'),
  };
}
