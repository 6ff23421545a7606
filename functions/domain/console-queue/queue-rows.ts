import { isOpenStatus } from '../lifecycle/request-lifecycle.js';
import type { Channel, RequestType, Status } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import { needsTwoApprovers } from '../workflow/record-decision.js';
import { mandateState, type MandateState } from '../request/mandate-rules.js';
import { parseQueueFilter, type IgnoredFilterValue, type QueueFilter, type QueueFilterInput } from './queue-filter.js';
import { queuePosition } from '../request/request-store.js';
import { foldForSearch } from './search-text.js';
import { deadlineStanding, type Urgency } from './urgency.js';

/** One line of the staff queue: what staff need to pick the next case, nothing more. */
export interface QueueRow {
  readonly reference: string;
  readonly types: readonly RequestType[];
  readonly channel: Channel;
  readonly status: Status;
  readonly receivedAt: string;
  readonly dueDate: string;
  readonly extended: boolean;
  /**
   * Working days left until the due date, negative once it has passed (see `deadlineStanding`);
   * `null` for a closed case, whose deadline no longer runs.
   */
  readonly workingDaysLeft: number | null;
  /** `normal` for a closed case. */
  readonly urgency: Urgency;
  /** Username of the staff member who took the case. */
  readonly assignee?: string;
  /** When anything last changed on the case (`updatedAt`). */
  readonly lastActivity: string;
  readonly requesterName: string;
  /** An erasure waiting for its two approvals: how many are given (0 or 1) of the two it needs. */
  readonly approvals?: { readonly given: number; readonly needed: number };
  /** Asked on someone's behalf and not yet under an accepted mandate («Fullmakt mangler» and the like). */
  readonly mandate?: Exclude<MandateState, 'not_needed' | 'accepted'>;
}

export interface QueueView {
  readonly rows: readonly QueueRow[];
  /** The filter that was applied, to refill the filter form. */
  readonly filter: QueueFilter;
  /** Filter values that were not in their vocabulary and so were not applied. */
  readonly ignored: readonly IgnoredFilterValue[];
}

export function matchesSearch(request: RightsRequest, q: string): boolean {
  if (request.id.toLowerCase().includes(q.toLowerCase())) return true;
  const folded = foldForSearch(q);
  return (
    foldForSearch(request.requester.name).includes(folded) || foldForSearch(request.requester.email ?? '').includes(folded)
  );
}

function matches(request: RightsRequest, filter: QueueFilter): boolean {
  if (filter.status && request.status !== filter.status) return false;
  if (filter.type && !request.types.includes(filter.type)) return false;
  if (filter.channel && request.channel !== filter.channel) return false;
  if (filter.q && !matchesSearch(request, filter.q)) return false;
  return true;
}

/** A request as a queue line on `today` (an Oslo calendar date). */
export function toRow(request: RightsRequest, today: string): QueueRow {
  const open = isOpenStatus(request.status);
  const standing = open ? deadlineStanding(today, request.dueDate) : undefined;
  return {
    reference: request.id,
    types: request.types,
    channel: request.channel,
    status: request.status,
    receivedAt: request.receivedAt,
    dueDate: request.dueDate,
    extended: request.extended,
    workingDaysLeft: standing?.workingDaysLeft ?? null,
    urgency: standing?.urgency ?? 'normal',
    ...(request.assignee && { assignee: request.assignee.username }),
    lastActivity: request.updatedAt,
    requesterName: request.requester.name,
    ...(request.status === 'awaiting_approval' &&
      needsTwoApprovers(request) && { approvals: { given: Math.min(request.approvals?.length ?? 0, 2), needed: 2 } }),
    ...mandateFlag(request, today, open),
  };
}

/** The mandate's state on an open case that cannot be carried out for its representative yet. */
function mandateFlag(request: RightsRequest, today: string, open: boolean): Pick<QueueRow, 'mandate'> {
  const state = mandateState(request, today);
  return open && !request.decision && state !== 'not_needed' && state !== 'accepted' ? { mandate: state } : {};
}

/**
 * The queue's order, as the queue indexes hold it (`queuePosition`): earliest due date first, so
 * overdue cases lead and the working days left (and so the urgency) never fall down the list;
 * then received earliest (instants compared as moments, not as strings, since offsets differ),
 * then the reference, so the order never changes between two loads of the same data. Closed
 * cases last.
 */
function compareRows(a: QueueRow, b: QueueRow): number {
  const closedA = a.workingDaysLeft === null ? 1 : 0;
  const closedB = b.workingDaysLeft === null ? 1 : 0;
  const positionA = queuePosition({ id: a.reference, dueDate: a.dueDate, receivedAt: a.receivedAt });
  const positionB = queuePosition({ id: b.reference, dueDate: b.dueDate, receivedAt: b.receivedAt });
  return closedA - closedB || (positionA < positionB ? -1 : positionA > positionB ? 1 : 0);
}

/**
 * The staff queue: the requests that pass the filter, as rows sorted by how urgently they need an
 * answer on `today` (an Oslo calendar date). The filter comes straight from the query string;
 * unknown values are reported in `ignored`, never thrown. The search `q` matches part of the
 * reference (any case) or of the requester's name or e-mail (any case, accents ignored).
 *
 * @example queueRows(await store.listOpen(), osloCalendarDate(new Date()), { status: 'awaiting_approval', q: 'ase' })
 */
export function queueRows(requests: readonly RightsRequest[], today: string, input: QueueFilterInput): QueueView {
  const { filter, ignored } = parseQueueFilter(input);
  const rows = requests.filter((request) => matches(request, filter)).map((request) => toRow(request, today));
  return { rows: rows.sort(compareRows), filter, ignored };
}
