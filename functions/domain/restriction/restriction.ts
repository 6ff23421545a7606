import type { RestrictionGround } from '../request/request-restriction.js';

/** The restriction's shapes are part of the stored request, so they live with it (`request/`). */
export { RESTRICTION_GROUNDS, RestrictionSchema, type Restriction, type RestrictionGround } from '../request/request-restriction.js';

/** Staff-facing labels of the grounds (Norwegian). */
export const RESTRICTION_GROUND_LABELS: Readonly<Record<RestrictionGround, string>> = {
  a: 'a) Riktigheten er bestridt – mens vi undersøker',
  b: 'b) Behandlingen er ulovlig, men personen vil ha begrensning i stedet for sletting',
  c: 'c) Vi trenger ikke opplysningene, men personen trenger dem for et rettskrav',
  d: 'd) Personen har protestert etter artikkel 21 nr. 1 – mens vi vurderer',
};
