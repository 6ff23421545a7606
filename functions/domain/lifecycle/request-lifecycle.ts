import { RECEIVED, STATUSES, type Status } from '../request/request-vocabulary.js';

/**
 * The lifecycle of a rights request: every status change there is, as one table. A row says which
 * statuses an event may happen in, the status it leads to and the audit event it is recorded as.
 * Every step, staff action and job changes a status through {@link applyTransition} (or the store
 * functions built on it), and every list of statuses the code needs (open, answered, closable by
 * staff, …) is derived from this table, so a new status or step is added here once.
 */

/** Statuses every other status may move from, spelled once. */
const ALL: readonly Status[] = STATUSES;
const except = (...left: readonly Status[]): readonly Status[] => ALL.filter((status) => !left.includes(status));

/**
 * Statuses workflow versions before the current one set (`extended` while a deadline was extended,
 * `on_hold`). Stored requests may still carry them, so the table lets them move on; no event leads
 * to them any more.
 */
export const LEGACY_STATUSES: readonly Status[] = ['extended', 'on_hold'];

/** One row of the transition table. */
export interface TransitionRule {
  /** The statuses the event may happen in. */
  readonly from: readonly Status[];
  readonly to: Status;
  /** The audit event the change is recorded as (labelled in the console's audit-event labels). */
  readonly audit: string;
  /** The audit event when the request is already in `to` (a re-driven step that records it again). */
  readonly auditWhenUnchanged?: string;
  /** The event gives the requester the final answer or ends the request without one. */
  readonly answers?: true;
}

/**
 * The transition table: lifecycle event → the statuses it may happen in, where it leads, and how it
 * is audited. Read a row as «in any of `from`, `event` moves the request to `to`».
 */
export const TRANSITIONS = {
  /** A new request is stored (web form, e-mail, staff intake); it has no status before. */
  received: { from: [], to: RECEIVED.status, audit: RECEIVED.audit },
  /** The workflow sent the identity codes. */
  verification_started: { from: except('closed', 'replied', 'rejected', 'unverified'), to: 'awaiting_verification', audit: 'verification.started' },
  /** A re-driven verification step puts the status back while the code sent before is still pending. */
  verification_resumed: { from: except('closed', 'replied', 'rejected', 'unverified', 'awaiting_verification'), to: 'awaiting_verification', audit: 'status.changed' },
  /** Identity not confirmed in time (Art. 12(6)): the request ends unanswered. */
  verification_failed: { from: ['awaiting_verification'], to: 'unverified', audit: 'status.changed', answers: true },
  /** The letter telling the person so was sent. */
  unverified_closed: { from: ['unverified'], to: 'closed', audit: 'status.changed' },
  /** The first copy of a store was gathered. */
  gathering_started: { from: ['received', 'awaiting_verification'], to: 'gathering', audit: 'data.gathered' },
  /** The plan waits for staff approval (the workflow holds a callback token). */
  decision_awaited: {
    from: ['received', 'awaiting_verification', 'gathering', 'awaiting_approval', 'needs_attention', 'extended'],
    to: 'awaiting_approval',
    audit: 'status.changed',
    auditWhenUnchanged: 'decision.awaiting_again',
  },
  /** The search found candidates by another identifier: staff resolve them before approving. */
  identity_review_awaited: {
    from: ['received', 'awaiting_verification', 'gathering', 'awaiting_approval', 'needs_attention', 'extended'],
    to: 'needs_attention',
    audit: 'status.changed',
    auditWhenUnchanged: 'decision.awaiting_again',
  },
  /** Staff linked the case to a candidate customer: gather again for that customer. */
  identity_linked: { from: ['needs_attention'], to: 'gathering', audit: 'identity.linked' },
  /** Staff confirmed no candidate is the person: the plan goes to approval as it is. */
  identity_no_match: { from: ['needs_attention'], to: 'awaiting_approval', audit: 'identity.no_match_confirmed' },
  /** The approved plan is being carried out. */
  carry_out_started: { from: except('closed', 'replied', 'rejected', 'unverified', 'carrying_out'), to: 'carrying_out', audit: 'status.changed' },
  /** The answer to an approved request was sent. */
  reply_sent: { from: except('closed', 'replied'), to: 'replied', audit: 'status.changed', answers: true },
  /** The refusal of a rejected request was sent. */
  refusal_sent: { from: except('closed', 'rejected'), to: 'rejected', audit: 'status.changed', answers: true },
  /** The workflow closes an answered request. */
  workflow_closed: { from: except('closed'), to: 'closed', audit: 'status.changed', answers: true },
  /** A marketing stop with no other right in the request is done once it took effect. */
  marketing_stop_closed: { from: except('closed'), to: 'closed', audit: 'status.changed', answers: true },
  /** Staff closed the case without carrying it out (merged, or refused under Art. 12(5)). */
  closed_by_staff: {
    from: ['awaiting_verification', 'awaiting_approval', 'needs_attention', 'on_hold', 'extended'],
    to: 'closed',
    audit: 'case.closed_by_staff',
    answers: true,
  },
  /** A workflow step failed: staff must look at the case. */
  workflow_failed: { from: except('needs_attention', 'closed'), to: 'needs_attention', audit: 'status.changed' },
  /** A letter to the person bounced or was complained about; even a closed case comes back to staff. */
  delivery_failed: { from: except('needs_attention'), to: 'needs_attention', audit: 'mail.undeliverable' },
  /** An e-mail request whose sender may not get automatic answers is held for staff before anything is sent. */
  auto_answer_withheld: { from: ['received'], to: 'needs_attention', audit: 'status.changed' },
} as const satisfies Readonly<Record<string, TransitionRule>>;

/** A lifecycle event: a row of {@link TRANSITIONS}. */
export type LifecycleEvent = keyof typeof TRANSITIONS;

export const LIFECYCLE_EVENTS = Object.keys(TRANSITIONS) as LifecycleEvent[];

const rule = (event: LifecycleEvent): TransitionRule => TRANSITIONS[event];

/** The statuses `event` may happen in. */
export const statusesAllowing = (event: LifecycleEvent): readonly Status[] => rule(event).from;

/** Whether `event` may happen to a request in `status`. */
export const canTransition = (status: Status, event: LifecycleEvent): boolean => rule(event).from.includes(status);

/** The status a new request starts in. */
export const INITIAL_STATUS: Status = TRANSITIONS.received.to;

/**
 * Statuses in which the request has its final answer or has ended without one: the targets of the
 * answering events. Nothing more is verified, gathered, planned or extended in them.
 */
export const ANSWERED_STATUSES: readonly Status[] = [
  ...new Set(LIFECYCLE_EVENTS.filter((event) => rule(event).answers).map((event) => rule(event).to)),
];

/** Whether the request has its answer or ended (see {@link ANSWERED_STATUSES}). */
export const isAnswered = (status: Status): boolean => ANSWERED_STATUSES.includes(status);

/**
 * Statuses the normal path ends in: no event but a bounced letter (which hands the case back to
 * staff) leaves them.
 */
export const CLOSED_STATUSES: readonly Status[] = ALL.filter((status) =>
  LIFECYCLE_EVENTS.every((event) => event === 'delivery_failed' || !canTransition(status, event)),
);

/** Statuses the workflow or staff still have work in; the open-requests index holds these. */
export const OPEN_STATUSES: readonly Status[] = ALL.filter((status) => !CLOSED_STATUSES.includes(status));

export const isOpenStatus = (status: Status): boolean => OPEN_STATUSES.includes(status);

/** Statuses in which staff may close a case without carrying it out: nothing else acts on it then. */
export const isClosableByStaff = (status: Status): boolean => canTransition(status, 'closed_by_staff');

/**
 * Whether the request is still before its plan is carried out (so a plan may be made or changed):
 * the carrying out may still start.
 */
export const isBeforeCarryingOut = (status: Status): boolean => canTransition(status, 'carry_out_started');

/** Whether no copy has been gathered yet (the request has not reached gathering). */
export const isBeforeGathering = (status: Status): boolean => canTransition(status, 'gathering_started');
