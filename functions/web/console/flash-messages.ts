import type { Flash } from './pages/console-context.js';

/**
 * What a redirect after a successful action says, by a short code in the query (`?done=note`), so
 * the message is ours and never text from the request.
 */
const DONE = {
  approved: 'Planen er godkjent, og saken går videre.',
  'first-approval': 'Første godkjenning er registrert. Sletting må godkjennes av en annen saksbehandler.',
  rejected: 'Planen er avvist. Den registrerte får svar med begrunnelsen.',
  verified: 'Identiteten er bekreftet manuelt.',
  extended: 'Fristen er forlenget, og den registrerte er varslet.',
  note: 'Notatet er lagret.',
  taken: 'Du har tatt saken.',
  merged: 'Saken er slått sammen med den andre saken og avsluttet.',
  closed: 'Saken er avsluttet, og brevet er sendt.',
  'plan-corrected': 'Planen er rettet og lagret i historikken. Den må godkjennes på nytt.',
  'restriction-set': 'Grunnlag og omfang for begrensningen er lagret. Planen må godkjennes på nytt.',
  'restriction-lifted': 'Den registrerte er varslet, og begrensningen er opphevet.',
  disputed: 'Den registrerte er varslet, og profilen er begrenset mens riktigheten undersøkes.',
  'identity-linked': 'Saken er knyttet til kunden. Opplysningene hentes på nytt, og det lages en ny plan.',
  'identity-no-match': 'Ingen treff er bekreftet. Planen (vi har ingen opplysninger) kan godkjennes.',
  message: 'E-posten er sendt til den registrerte og lagret i historikken.',
  registered: 'Henvendelsen er registrert, og saksbehandlingen har startet.',
  'triaged-case': 'E-posten er gjort om til en sak.',
  dismissed: 'E-posten er avvist med begrunnelse.',
  posted: 'Brevet er merket som postlagt.',
  'mandate-attached': 'Fullmakten er lastet opp og lagret kryptert med saken. Kontroller den og registrer omfanget.',
  'mandate-accepted': 'Fullmakten er godtatt med omfang og gyldighet. Planen kan nå godkjennes.',
  'mandate-refused': 'Fullmakten er ikke godtatt. Be om en ny, eller avvis henvendelsen med begrunnelse.',
} as const satisfies Readonly<Record<string, string>>;

export type DoneCode = keyof typeof DONE;

export const flashFrom = (query: Readonly<Record<string, string | undefined>>): Flash | undefined => {
  const text = query.done !== undefined && Object.hasOwn(DONE, query.done) ? DONE[query.done as DoneCode] : undefined;
  return text === undefined ? undefined : { kind: 'success', text };
};
