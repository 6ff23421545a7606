import type { StaffGroup } from '../staff-auth/staff-identity.js';
import type { Channel, Language, RequestType, Status } from './request-vocabulary.js';

/**
 * Norwegian names staff see for the stored vocabularies (console, deadline digest, register,
 * dashboard), in one place so every staff-facing text says the same. Typed as full records, so a
 * new status, channel or type cannot reach staff without a name. Customer-facing wording is in
 * `request-type-labels.ts`.
 */
export const STAFF_STATUS_LABELS: Readonly<Record<Status, string>> = {
  received: 'Mottatt',
  awaiting_verification: 'Venter på identitetskontroll',
  gathering: 'Innhenter data',
  awaiting_approval: 'Venter på godkjenning',
  carrying_out: 'Utføres',
  replied: 'Besvart',
  closed: 'Avsluttet',
  extended: 'Fristen forlenget',
  on_hold: 'På vent',
  rejected: 'Avslått',
  unverified: 'Identitet ikke bekreftet',
  needs_attention: 'Trenger behandling',
};

/** The language a request is answered in, as staff say it (the console's «Svarspråk»). */
export const STAFF_LANGUAGE_LABELS: Readonly<Record<Language, string>> = {
  nb: 'Bokmål',
  nn: 'Nynorsk',
  en: 'Engelsk',
};

/** How a request reached us, as staff say it. */
export const STAFF_CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  web: 'Nettskjema',
  email: 'E-post',
  phone: 'Telefon',
  post: 'Post',
};

/** Short names for narrow columns and chart axes. */
export const STAFF_TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  access: 'Innsyn',
  rectification: 'Retting',
  erasure: 'Sletting',
  restriction: 'Begrensning',
  portability: 'Dataportabilitet',
  objection: 'Stopp markedsføring',
  consent_withdrawal: 'Trekke samtykke',
  processing_objection: 'Protest (berettiget interesse)',
};

/** The sign-in groups as staff call them (the menu, the 403 page). */
export const STAFF_GROUP_LABELS: Readonly<Record<StaffGroup, string>> = {
  staff: 'saksbehandler',
  'privacy-officer': 'personvernombud',
};
