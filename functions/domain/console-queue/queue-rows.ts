import { isOpenStatus } from '../lifecycle/request-lifecycle.js';
import type { Channel, RequestType, Status } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import { needsTwoApprovers } from '../workflow/record-decision.js';
import { parseQueueFilter, type IgnoredFilterValue, type QueueFilter, type QueueFilterInput } from './queue-filter.js';
import { foldForSearch } from './search-text.js';
import { deadlineStanding, URGENCIES, type Urgency } from './urgency.js';

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
}

export interface QueueView {
  readonly rows: readonly QueueRow[];
  /** The filter that was applied, to refill the filter form. */
  readonly filter: QueueFilter;
  /** Filter values that were not in their vocabulary and so were not applied. */
  readonly ignored: readonly IgnoredFilterValue[];
}

const URGENCY_RANK: Readonly<Record<Urgency, number>> = Object.fromEntries(URGENCIES.map((u, i) => [u, i])) as Record<
  Urgency,
  number
>;

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
  };
}

/**
 * Overdue first, then fewest working days left, then received earliest (instants compared as
 * moments, not as strings, since offsets differ); closed cases last. Ties end on the reference so
 * the order never changes between two loads of the same data.
 */
function compareRows(a: QueueRow, b: QueueRow): number {
  const closedA = a.workingDaysLeft === null ? 1 : 0;
  const closedB = b.workingDaysLeft === null ? 1 : 0;
  return (
    closedA - closedB ||
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    (a.workingDaysLeft ?? 0) - (b.workingDaysLeft ?? 0) ||
    Date.parse(a.receivedAt) - Date.parse(b.receivedAt) ||
    (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0)
  );
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
