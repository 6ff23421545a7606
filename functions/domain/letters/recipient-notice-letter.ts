import { legalBasisIn } from '../letter-format/legal-citations.js';
import { CATEGORY_LABELS, CORRECTABLE_FIELD_LABELS, joinList, recipientInText, recipientLabel } from './art15-information.js';
import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import type { RecordCategory } from '../plan/action-plan.js';
import { SIGNATURE, type Letter } from './letter.js';
import type { RecipientChange, RecipientNotice } from '../recipients/recipient-changes.js';

const categories = (change: RecipientChange): string =>
  joinList(change.categories.map((category) => `«${CATEGORY_LABELS[category].nb}»`), 'nb');

const ids = (category: RecordCategory, refs: readonly string[]): string =>
  refs.map((ref) => (ref.startsWith(`${category}:`) ? ref.slice(category.length + 1) : ref)).join(', ');

const count = (n: number): string => `${n} ${n === 1 ? 'oppføring' : 'oppføringer'}`;

function keptUntil(kept: NonNullable<RecipientChange['keep']>[number]): string {
  if (kept.until) return `til og med ${formatCalendarDate(kept.until, 'nb')}, og slett dem dagen etter`;
  if (kept.kind === 'contract') return 'så lenge kundeforholdet varer; vi gir beskjed når det er avsluttet';
  return 'til rettskravet er avgjort; vi gir beskjed når de kan slettes';
}

const KEEP_GROUND: Readonly<Record<NonNullable<RecipientChange['keep']>[number]['kind'], string>> = {
  legal_obligation: 'bokføringsplikt',
  legal_claim: 'rettskrav',
  contract: 'aktivt kundeforhold',
};

/**
 * Exactly what the recipient must erase and what it must keep, restricted, until when (Art. 19,
 * requirement 8.2a): record by record, so the recipient does not have to guess from categories.
 */
function erasureInstructions(change: RecipientChange): string {
  const lines = ['  • Sletting (personvernforordningen artikkel 17):'];
  const erase = change.erase ?? [];
  if (erase.length > 0) {
    lines.push('    Slett nå:');
    for (const group of erase) {
      lines.push(
        group.category === 'profile' && change.profileFields?.length === 1 && change.profileFields[0] === 'email'
          ? `      – E-postadressen til kunden (det eneste dere har fra profilen): slett den, også fra alle lister.`
          : group.category === 'profile'
          ? `      – «${CATEGORY_LABELS.profile.nb}» (${count(group.recordIds.length)}): ` +
              (group.method === 'anonymise'
                ? 'fjern navn, e-post, telefon, adresse og alle andre opplysninger om kunden; behold bare kundereferansen.'
                : 'slett hele kundeprofilen.')
          : `      – «${CATEGORY_LABELS[group.category].nb}» (${count(group.recordIds.length)}): ${ids(group.category, group.recordIds)}.`,
      );
    }
  }
  const keep = change.keep ?? [];
  if (keep.length > 0) {
    lines.push('    Behold, begrenset til formålet (bare lagring og dette formålet, ingen annen bruk):');
    for (const group of keep) {
      lines.push(
        `      – «${CATEGORY_LABELS[group.category].nb}» (${count(group.recordIds.length)}, ${KEEP_GROUND[group.kind]}): ` +
          `${ids(group.category, group.recordIds)}. Behold dem ${keptUntil(group)}. Grunnlag: ${legalBasisIn(group.legalBasis, 'nb')}.`,
      );
    }
    if (keep.some((group) => group.category === 'invoice' && group.kind === 'legal_obligation')) {
      lines.push(
        '    På fakturaene som beholdes, skal kjøperens navn og adresse stå, slik bokføringsforskriften § 5-1-1 krever ' +
          'for salgsdokumenter. Alle andre opplysninger om kunden skal slettes.',
      );
    }
  }
  return lines.join('\n');
}

function describe(change: RecipientChange): string {
  switch (change.reason) {
    case 'rectification':
      return (
        `  • Retting (personvernforordningen artikkel 16): ${joinList(change.fields.map((field) => CORRECTABLE_FIELD_LABELS[field].nb), 'nb')} er rettet hos oss. ` +
        'Oppdater de samme opplysningene hos dere. Av hensyn til personvernet står de nye verdiene ikke i denne e-posten; ' +
        'kontakt oss, så får dere dem på en sikker måte.'
      );
    case 'erasure':
      return change.erase || change.keep
        ? erasureInstructions(change)
        : `  • Sletting (personvernforordningen artikkel 17): opplysningene i kategoriene ${categories(change)} er slettet hos oss. ` +
            'Slett de samme opplysningene om kunden som dere behandler for oss.';
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
