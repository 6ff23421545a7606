import { postalKey } from '../verification/registered-contact.js';
import { compareCalendarDates, deadlineFromReceiptDate, osloCalendarDate } from '../deadline/index.js';
import { isAnswered, isBeforeGathering } from '../lifecycle/request-lifecycle.js';
import { REQUEST_TYPES, type RequestType } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';

type Extension = NonNullable<RightsRequest['extension']>;

/**
 * Whether two requests come from the same person as far as the records tell: the same requester
 * e-mail address (compared case-insensitively), and not verified as two different customers.
 * Anything else needs a staff member to confirm it is the same person before the cases merge.
 */
export function sameRequester(
  a: Pick<RightsRequest, 'requester' | 'customerIds'>,
  b: Pick<RightsRequest, 'requester' | 'customerIds'>,
): boolean {
  // Without e-mail, the postal address stands for the address (a letter requester).
  const contact = (r: Pick<RightsRequest, 'requester'>): string | undefined =>
    r.requester.email?.trim().toLowerCase() ?? (r.requester.postalAddress && postalKey(r.requester.postalAddress));
  if (contact(a) === undefined || contact(a) !== contact(b)) return false;
  const [left, right] = [a.customerIds ?? [], b.customerIds ?? []];
  return left.length === 0 || right.length === 0 || left.some((id) => right.includes(id));
}

/** True when the target will still answer a request (it is neither answered nor ended). */
export const stillAnswers = (target: Pick<RightsRequest, 'status'>): boolean => !isAnswered(target.status);

/**
 * True when rights added to the target now would still be planned and answered: the plan is built
 * after identity is verified and the data gathered, so until gathering starts the surviving case
 * plans whatever types it holds. From `gathering` on, a plan is (being) made for the types the
 * case had, and a right added now would never be planned, carried out or answered.
 */
export const canTakeNewRights = (target: Pick<RightsRequest, 'status' | 'planKey'>): boolean =>
  isBeforeGathering(target.status) && target.planKey === undefined;

/** The rights the duplicate asks for that the target does not, in the vocabulary's order. */
export const rightsOnlyIn = (duplicate: Pick<RightsRequest, 'types'>, target: Pick<RightsRequest, 'types'>): RequestType[] =>
  REQUEST_TYPES.filter((type) => duplicate.types.includes(type) && !target.types.includes(type));

/** What the surviving case becomes: every right of both, the earliest receipt and its deadline. */
export interface MergedCase {
  readonly types: RequestType[];
  readonly receivedAt: string;
  readonly receiptDate: string;
  readonly dueDate: string;
  readonly extended: boolean;
  /** The extension that still holds (made within the first month of the earliest receipt), if any. */
  readonly extension?: Extension;
  /** The rights the target gains. */
  readonly addedTypes: RequestType[];
}

/**
 * The surviving case after `duplicate` is merged into `target` (Art. 12(3)): the deadline runs
 * from the earlier receipt, so it is the earliest of the two, recomputed with the statutory
 * deadline function. An extension of either case still holds only if it was made on or before the
 * first-month due date counted from that earliest receipt, as Art. 12(3) allows it only within the
 * first month; it then counts three months from the earliest receipt. A later extension falls away
 * (the case may become overdue: that is the honest deadline, and the queue shows it).
 */
export function mergedCase(
  target: Pick<RightsRequest, 'types' | 'receivedAt' | 'receiptDate' | 'extension'>,
  duplicate: Pick<RightsRequest, 'types' | 'receivedAt' | 'receiptDate' | 'extension'>,
): MergedCase {
  const earliest = Date.parse(duplicate.receivedAt) < Date.parse(target.receivedAt) ? duplicate : target;
  const firstMonthDue = deadlineFromReceiptDate(earliest.receiptDate);
  const validExtension = [target.extension, duplicate.extension]
    .filter((extension): extension is Extension => extension !== undefined)
    .filter((extension) => compareCalendarDates(osloCalendarDate(extension.at), firstMonthDue) <= 0)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  const addedTypes = rightsOnlyIn(duplicate, target);
  return {
    types: REQUEST_TYPES.filter((type) => target.types.includes(type) || duplicate.types.includes(type)),
    receivedAt: earliest.receivedAt,
    receiptDate: earliest.receiptDate,
    dueDate: deadlineFromReceiptDate(earliest.receiptDate, { extended: validExtension !== undefined }),
    extended: validExtension !== undefined,
    ...(validExtension && { extension: { ...validExtension, originalDueDate: firstMonthDue } }),
    addedTypes,
  };
}
