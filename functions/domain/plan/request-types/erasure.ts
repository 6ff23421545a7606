import type { Invoice } from '../../customer-data/customer-records.js';
import { addMonthsClamped, compareCalendarDates, osloCalendarDate } from '../../deadline/index.js';
import { retentionEnd } from '../../retention/index.js';
import type { ErasureAction, KeptRecords, PlanAdjustment, RecordCategory } from '../action-plan.js';
import type { PlanContext, PlanPart } from '../plan-part.js';
import { recipientsToNotify } from '../recipients.js';
import { RECORD_CATEGORIES, recordRef } from '../record-refs.js';
import {
  CUSTOMER_RELATIONSHIP_REFUSAL,
  accountingGround,
  contractGround,
  legalClaimGround,
  staffKeepGround,
  type KeepGround,
} from './erasure-texts.js';

/**
 * How long customer-service notes stay "recent" for a customer who still has a subscription: the
 * privacy policy gives logged customer-service dialogue a shorter storage need than the
 * relationship itself. A policy choice (no legal source): six months covers a matter still being
 * followed up. The reasons and the refusal in erasure-texts.ts say "six months": change them together.
 */
export const RECENT_SERVICE_NOTE_MONTHS = 6;

/** Invoice statuses that are still a claim between us and the customer (Art. 17(3)(e)). */
const UNSETTLED: readonly Invoice['status'][] = ['open', 'disputed'];

type Outcome = { readonly erase: ErasureAction['method'] } | { readonly keep: KeepGround };

interface Decided {
  readonly category: RecordCategory;
  readonly ref: string;
  readonly outcome: Outcome;
}

const erase = (category: RecordCategory, ref: string, method: ErasureAction['method'] = 'delete'): Decided => ({
  category,
  ref,
  outcome: { erase: method },
});
const keep = (category: RecordCategory, ref: string, ground: KeepGround): Decided => ({
  category,
  ref,
  outcome: { keep: ground },
});

/**
 * What staff's plan corrections say per record, the last correction of a record winning: kept on
 * staff's ground, or released from a claim hold or an earlier staff hold. A release never lifts a
 * hold the law or the contract makes (the correction step refuses it before it gets here).
 */
export function staffOverrides(adjustments: readonly PlanAdjustment[]): Map<string, KeepGround | 'release'> {
  const overrides = new Map<string, KeepGround | 'release'>();
  for (const adjustment of adjustments) {
    for (const ref of adjustment.recordIds) {
      overrides.set(ref, adjustment.action === 'keep' ? staffKeepGround(adjustment.ground, adjustment.until, adjustment.by) : 'release');
    }
  }
  return overrides;
}

/** Accounting material inside its retention period is kept until its end; past it, erased. */
function byRetention(category: 'invoice' | 'payment', ref: string, recordDate: string, today: string): Decided {
  const end = retentionEnd(category, recordDate);
  return end !== undefined && compareCalendarDates(today, end) <= 0
    ? keep(category, ref, accountingGround(category, end))
    : erase(category, ref);
}

/** Decides every record of the gathered data: erased (and how) or kept (and why, until when). */
function decide(context: PlanContext): Decided[] {
  const { subscriptions: held, billing, accessLog } = context.gathered;
  const today = context.today;
  const overrides = staffOverrides(context.adjustments ?? []);
  const released = (ref: string) => overrides.get(ref) === 'release';
  const byStaff = (decided: Decided): Decided => {
    const override = overrides.get(decided.ref);
    return override === undefined || override === 'release' ? decided : keep(decided.category, decided.ref, override);
  };

  // An active or paused subscription is an existing customer relationship (privacy policy: erasure
  // cannot be combined with it), per customer id.
  const withSubscription = new Set(
    held.subscriptions.filter((s) => s.status === 'active' || s.status === 'paused').map((s) => s.customerId),
  );
  // An unsettled invoice is a claim until staff release it (the dispute was settled); its payments
  // follow the invoice unless released one by one.
  const unsettledInvoices = new Set(
    billing.invoices
      .filter((i) => UNSETTLED.includes(i.status) && !released(recordRef.invoice(i)))
      .map((i) => i.invoiceNo),
  );
  const withClaim = new Set(billing.invoices.filter((i) => unsettledInvoices.has(i.invoiceNo)).map((i) => i.customerId));
  const recentNotesFrom = addMonthsClamped(today, -RECENT_SERVICE_NOTE_MONTHS);

  const invoices = billing.invoices.map((invoice) =>
    byStaff(
      unsettledInvoices.has(invoice.invoiceNo)
        ? keep('invoice', recordRef.invoice(invoice), legalClaimGround('invoice'))
        : byRetention('invoice', recordRef.invoice(invoice), invoice.issuedOn, today),
    ),
  );
  const payments = billing.payments.map((payment) =>
    byStaff(
      unsettledInvoices.has(payment.invoiceNo) && !released(recordRef.payment(payment))
        ? keep('payment', recordRef.payment(payment), legalClaimGround('payment'))
        : byRetention('payment', recordRef.payment(payment), payment.paidOn, today),
    ),
  );
  // Kept billing records refer to the customer; the profile then stays as an anonymised stub so
  // they still resolve, instead of being deleted.
  const keptBillingRefs = new Set([...invoices, ...payments].filter((d) => 'keep' in d.outcome).map((d) => d.ref));
  const withHeldBilling = new Set([
    ...billing.invoices.filter((i) => keptBillingRefs.has(recordRef.invoice(i))).map((i) => i.customerId),
    ...billing.payments.filter((p) => keptBillingRefs.has(recordRef.payment(p))).map((p) => p.customerId),
  ]);

  const profiles = held.profiles.map((profile) => {
    const ref = recordRef.profile(profile);
    if (withSubscription.has(profile.customerId)) return keep('profile', ref, contractGround('profile'));
    if (withClaim.has(profile.customerId) && !released(ref)) return keep('profile', ref, legalClaimGround('profile'));
    return erase('profile', ref, withHeldBilling.has(profile.customerId) ? 'anonymise' : 'delete');
  });
  const subscriptions = held.subscriptions.map((subscription) =>
    subscription.status === 'ended'
      ? erase('subscription', recordRef.subscription(subscription))
      : keep('subscription', recordRef.subscription(subscription), contractGround('subscription')),
  );
  // Every consent kind is a marketing consent: none is needed for the contract.
  const consents = held.consents.map((consent) => erase('consent', recordRef.consent(consent)));
  // A reservation is the customer's own "do not contact me here"; erasing it while they are still a
  // customer would resume contact in a channel they closed.
  const reservations = held.reservations.map((reservation) =>
    withSubscription.has(reservation.customerId)
      ? keep('reservation', recordRef.reservation(reservation), contractGround('reservation'))
      : erase('reservation', recordRef.reservation(reservation)),
  );
  const notes = held.notes.map((note) =>
    withSubscription.has(note.customerId) && compareCalendarDates(osloCalendarDate(note.at), recentNotesFrom) >= 0
      ? keep('service_note', recordRef.serviceNote(note), contractGround('service_note'))
      : erase('service_note', recordRef.serviceNote(note)),
  );
  // Entering needs the Unloc user (the profile) and an active subscription, not the log of past
  // door events, so the log is erased even for an active customer.
  const doorEvents = accessLog.events.map((event) => erase('door_event', recordRef.doorEvent(event)));

  return [
    ...[...profiles, ...subscriptions, ...consents, ...reservations, ...notes].map(byStaff),
    ...invoices,
    ...payments,
    ...doorEvents.map(byStaff),
  ];
}

function groupErasures(decided: readonly Decided[]): ErasureAction[] {
  const groups = new Map<string, ErasureAction>();
  for (const { category, ref, outcome } of decided) {
    if (!('erase' in outcome)) continue;
    const key = `${category}|${outcome.erase}`;
    const group = groups.get(key) ?? { category, method: outcome.erase, recordIds: [] };
    group.recordIds.push(ref);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function groupKept(decided: readonly Decided[]): KeptRecords[] {
  const groups = new Map<string, KeptRecords>();
  for (const { category, ref, outcome } of decided) {
    if (!('keep' in outcome)) continue;
    const ground = outcome.keep;
    const key = [category, ground.kind, JSON.stringify(ground.legalBasis), ground.until ?? '', ground.setBy ?? '', ground.reason.nb].join('|');
    const group = groups.get(key) ?? { category, recordIds: [], ...ground };
    group.recordIds.push(ref);
    groups.set(key, group);
  }
  // Earliest end first within a category, so the reply reads in date order.
  const order = (group: KeptRecords) => RECORD_CATEGORIES.indexOf(group.category);
  return [...groups.values()].sort(
    (a, b) => order(a) - order(b) || (a.until ?? '9999-12-31').localeCompare(b.until ?? '9999-12-31'),
  );
}

/**
 * Erasure (Art. 17): what is erased now, what is kept (why, on what basis, until when), whom to tell.
 *
 * - Invoices (primary documentation, five years after the end of the fiscal year) and payments
 *   (secondary documentation, three years and six months) within bokføringsloven § 13 are kept until their
 *   retention ends, restricted to bookkeeping, and older ones are erased. A kept invoice keeps the
 *   buyer's name and address (bokføringsforskriften § 5-1-1): the carry-out writes them onto it
 *   before the profile goes. Unsettled (open or disputed) invoices and their payments are kept as
 *   a legal claim (Art. 17(3)(e)).
 * - Staff corrections (`context.adjustments`) keep records on staff's ground until staff's date,
 *   or release claim holds and earlier staff holds.
 * - An active or paused subscription is a customer relationship the privacy policy says erasure
 *   cannot be combined with: the profile, the subscription, the channel reservations and recent
 *   service notes are kept under the contract, and a partial refusal explains that the rest follows
 *   when the subscription ends. Marketing consents, ended subscriptions, older service notes and the
 *   door log are erased anyway.
 * - Otherwise the profile is deleted, or anonymised when kept billing records still refer to it, or
 *   kept while a claim is open.
 * - When nothing is kept under a contract, what remains is restricted to the purpose it is kept for
 *   (`restrict`), and every recipient holding an erased or kept category is told (Art. 19).
 */
export function planErasure(context: PlanContext): PlanPart {
  const decided = decide(context);
  const erasures = groupErasures(decided);
  const kept = groupKept(decided);
  const underContract = kept.some((group) => group.kind === 'contract');
  const restrict = !underContract && kept.length > 0;
  return {
    erasures,
    kept,
    restrict,
    refusals: underContract
      ? [{ ...CUSTOMER_RELATIONSHIP_REFUSAL, reason: { ...CUSTOMER_RELATIONSHIP_REFUSAL.reason } }]
      : [],
    recipientsToNotify: [
      ...recipientsToNotify('erasure', erasures.map((action) => action.category)),
      ...(restrict ? recipientsToNotify('restriction', kept.map((group) => group.category)) : []),
    ],
  };
}
