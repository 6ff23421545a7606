import { ACTION_IDS } from '../plan/planned-actions.js';
import type { ActionPlan, Correction, ErasureAction, KeptRecords, Recipient, RecordCategory } from '../plan/action-plan.js';
import { RECIPIENT_REGISTER } from '../plan/recipients.js';
import type { AuditEntry, RightsRequest } from '../request/rights-request.js';

export type RecipientId = Recipient['id'];

/** One change a recipient is told about: what kind, in which categories, and (rectification) which fields. */
export interface RecipientChange {
  readonly reason: Recipient['reason'];
  readonly categories: readonly RecordCategory[];
  readonly fields: readonly Correction['field'][];
  /** The profile fields the recipient holds, when it holds only some (the newsletter platform: the e-mail address). */
  readonly profileFields?: readonly Correction['field'][];
  /** Erasure: exactly what to erase (record ids and how), in the recipient's categories. */
  readonly erase?: readonly Pick<ErasureAction, 'category' | 'method' | 'recordIds'>[];
  /** Erasure: exactly what to keep, restricted, on which ground and until when, in the recipient's categories. */
  readonly keep?: readonly Pick<KeptRecords, 'category' | 'recordIds' | 'kind' | 'until' | 'retentionClass' | 'legalBasis'>[];
}

/** What one recipient must be told about one request (Art. 19). */
export interface RecipientNotice {
  readonly id: RecipientId;
  readonly name: string;
  readonly customerIds: readonly string[];
  readonly changes: readonly RecipientChange[];
}

/** Where a recipient's notice stands, for the audit and the reply letter. */
export type NoticeStatus = 'notified' | 'no_address' | 'nothing_changed' | 'pending';

export interface RecipientOutcome extends RecipientNotice {
  readonly status: NoticeStatus;
}

export const NOT_NOTIFIED_EVENT = 'recipient.not_notified';
export const NOTIFIED_EVENT = 'recipient.notified';

const registeredCategories = (id: RecipientId): readonly RecordCategory[] =>
  RECIPIENT_REGISTER.find((recipient) => recipient.id === id)?.categories ?? [];

/** The profile fields a recipient holds: all, unless the register limits them (the newsletter platform: the e-mail address). */
const heldFields = (id: RecipientId): ((field: Correction['field']) => boolean) => {
  const fields = RECIPIENT_REGISTER.find((recipient) => recipient.id === id)?.profileFields;
  return (field) => fields === undefined || fields.includes(field);
};

const profileFieldsOf = (id: RecipientId): { profileFields?: Correction['field'][] } => {
  const fields = RECIPIENT_REGISTER.find((recipient) => recipient.id === id)?.profileFields;
  return fields ? { profileFields: [...fields] } : {};
};

const refusedActions = (trail: readonly AuditEntry[]): Set<string> =>
  new Set(trail.filter((entry) => entry.event === 'action.refused').map((entry) => String(entry.detail?.action ?? '')));

/**
 * The notices the plan's recipients get for what was actually carried out: a rectification only
 * for the fields really corrected (a refused, stale correction is not announced), an erasure and a
 * restriction as planned. Grouped per recipient, so each gets one notice covering every change.
 */
export function recipientNotices(
  request: Pick<RightsRequest, 'carriedOut' | 'decision'>,
  plan: ActionPlan,
  trail: readonly AuditEntry[],
): RecipientNotice[] {
  const refused = refusedActions(trail);
  const resolved = request.carriedOut ?? {};
  const corrected = [
    ...new Set(
      (request.decision?.corrections ?? [])
        .filter((c) => {
          const id = ACTION_IDS.rectify(c.customerId, c.field);
          return resolved[id] && !refused.has(id);
        })
        .map((c) => c.field),
    ),
  ];
  const byId = new Map<RecipientId, { name: string; changes: RecipientChange[] }>();
  for (const recipient of plan.recipientsToNotify) {
    const entry = byId.get(recipient.id) ?? { name: recipient.name, changes: [] };
    byId.set(recipient.id, entry);
    const theirs = corrected.filter(heldFields(recipient.id));
    if (recipient.reason === 'rectification' && theirs.length === 0) continue;
    const mine = new Set(registeredCategories(recipient.id));
    entry.changes.push({
      reason: recipient.reason,
      categories: [...recipient.categories],
      fields: recipient.reason === 'rectification' ? theirs : [],
      ...profileFieldsOf(recipient.id),
      ...(recipient.reason === 'erasure'
        ? {
            erase: plan.erasures
              .filter((e) => mine.has(e.category))
              .map(({ category, method, recordIds }) => ({ category, method, recordIds: [...recordIds] })),
            keep: plan.kept
              .filter((k) => mine.has(k.category))
              .map(({ category, recordIds, kind, until, retentionClass, legalBasis }) => ({
                category,
                recordIds: [...recordIds],
                kind,
                legalBasis,
                ...(until ? { until } : {}),
                ...(retentionClass ? { retentionClass } : {}),
              })),
          }
        : {}),
    });
  }
  return [...byId].map(([id, entry]) => ({ id, name: entry.name, customerIds: [...plan.customerIds], changes: entry.changes }));
}

/** Each recipient's notice and where it stands, from the markers and the audit trail. */
export function recipientOutcomes(
  request: Pick<RightsRequest, 'carriedOut' | 'decision'>,
  plan: ActionPlan,
  trail: readonly AuditEntry[],
): RecipientOutcome[] {
  return recipientNotices(request, plan, trail).map((notice) => {
    if (request.carriedOut?.[ACTION_IDS.notify(notice.id)]) return { ...notice, status: 'notified' };
    if (notice.changes.length === 0) return { ...notice, status: 'nothing_changed' };
    const skipped = trail.some(
      (entry) => entry.event === NOT_NOTIFIED_EVENT && entry.detail?.recipient === notice.id && entry.detail?.reason === 'no_address',
    );
    return { ...notice, status: skipped ? 'no_address' : 'pending' };
  });
}
