import type { RecordCategory } from '../customer-data/customer-records.js';
import type { RestrictionGround } from '../request/request-restriction.js';

/** The restriction's shapes are part of the stored request, so they live with it (`request/`). */
export { RESTRICTION_GROUNDS, RestrictionSchema, type Restriction, type RestrictionGround } from '../request/request-restriction.js';

/** Which store holds each category (and so which store a scope touches). */
export const CATEGORY_STORE: Readonly<Record<RecordCategory, 'customers' | 'billing' | 'accessLog'>> = {
  profile: 'customers',
  subscription: 'customers',
  consent: 'customers',
  reservation: 'customers',
  service_note: 'customers',
  invoice: 'billing',
  payment: 'billing',
  door_event: 'accessLog',
};

/** Staff-facing labels of the grounds (Norwegian). */
export const RESTRICTION_GROUND_LABELS: Readonly<Record<RestrictionGround, string>> = {
  a: 'a) Riktigheten er bestridt – mens vi undersøker',
  b: 'b) Behandlingen er ulovlig, men personen vil ha begrensning i stedet for sletting',
  c: 'c) Vi trenger ikke opplysningene, men personen trenger dem for et rettskrav',
  d: 'd) Personen har protestert etter artikkel 21 nr. 1 – mens vi vurderer',
};
