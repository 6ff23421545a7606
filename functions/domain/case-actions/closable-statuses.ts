import type { Status } from '../request/request-vocabulary.js';

/**
 * Statuses in which staff may close a case without carrying it out (refuse it or merge it): the
 * request is waiting on staff or on the requester, so no workflow step is writing to it or acting
 * on it. `extended` is a waiting status older workflow versions set; the decision step still accepts it.
 */
export const CLOSABLE_STATUSES: readonly Status[] = [
  'awaiting_verification',
  'awaiting_approval',
  'needs_attention',
  'on_hold',
  'extended',
];

export const isClosableByStaff = (status: Status): boolean => CLOSABLE_STATUSES.includes(status);
