import { InMemoryProcessingPurposeStore } from '../../support/in-memory-marketing-stop-stores.js';
import type { CarryOutDeps } from '../../../functions/domain/carry-out/carry-out-deps.js';
import type { RetentionScheduler, SchedulableCategory } from '../../../functions/domain/carry-out/retention-scheduler.js';
import { subjectCustomerIds } from '../../../functions/domain/gather/subject-customer-ids.js';
import { ActionPlanSchema, type ActionPlan } from '../../../functions/domain/plan/action-plan.js';
import { buildPlan } from '../../../functions/domain/plan/build-plan.js';
import type { NotifyRecipientsDeps } from '../../../functions/domain/workflow/notify-recipients.js';
import type { RecipientAddresses } from '../../../functions/domain/recipients/recipient-addresses.js';
import type { RequestType } from '../../../functions/domain/request/request-vocabulary.js';
import type { Decision, RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import type { ReplyDeps } from '../../../functions/domain/workflow/send-reply.js';
import { inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { FakeMailer, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest, capturingLogger, fixedClock } from '../fixtures/rights-request-fixture.js';
import {
  CUSTOMER,
  aConsent,
  aDoorEvent,
  aNote,
  aPayment,
  aProfile,
  aReservation,
  aSubscription,
  anInvoice,
  gatheredData,
  type HeldData,
} from '../gather/customer-data-fixture.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';

export { CUSTOMER };

/** The day the plans are built on (Europe/Oslo) and the instant the fixed clock shows. */
export const TODAY = '2026-11-24';
export const NOW = '2026-11-24T08:00:00.000Z';

/**
 * A former customer (subscription ended) with something in every category: an old invoice past its
 * retention and a recent one inside it, payments for both, a granted and a withdrawn consent, a
 * channel opt-out, two service notes and two door events.
 */
export const FORMER_CUSTOMER: HeldData = {
  profiles: [aProfile()],
  subscriptions: [aSubscription({ status: 'ended', endDate: '2026-06-30' })],
  consents: [aConsent({ kind: 'newsletter', granted: true }), aConsent({ kind: 'sms', granted: false })],
  reservations: [aReservation({ channel: 'phone' })],
  notes: [aNote(), aNote({ noteId: 'N-2', at: '2025-01-10T10:00:00+01:00', text: 'Asked for a receipt <script>alert(1)</script>' })],
  invoices: [
    anInvoice({ invoiceNo: '2019-00003', issuedOn: '2019-05-02', dueOn: '2019-05-16' }),
    anInvoice({ invoiceNo: '2024-00017' }),
  ],
  payments: [
    aPayment({ paymentId: 'P-0', invoiceNo: '2019-00003', paidOn: '2019-05-10' }),
    aPayment({ paymentId: 'P-1', invoiceNo: '2024-00017' }),
  ],
  events: [aDoorEvent(), aDoorEvent({ eventId: 'E-2', at: '2026-11-03T08:05:00+01:00', door: 'side' })],
};

/** The same person with an active subscription: erasure is then partly refused (contract). */
export const ACTIVE_CUSTOMER: HeldData = {
  ...FORMER_CUSTOMER,
  subscriptions: [aSubscription({ status: 'active' })],
};

export const VERIFIED_CUSTOMER: Partial<RightsRequest> = {
  verification: { status: 'verified', subject: 'customer', method: 'code', verifiedAt: '2026-11-24T07:30:00.000Z' },
  customerIds: [CUSTOMER.customerId],
};

/** Records a scheduler was asked to mark, in call order. */
export class InMemoryRetentionScheduler implements RetentionScheduler {
  readonly calls: { customerId: string; category: SchedulableCategory; recordIds: string[]; until: string }[] = [];

  async scheduleDeletion(customerId: string, category: SchedulableCategory, recordIds: readonly string[], until: string): Promise<number> {
    this.calls.push({ customerId, category, recordIds: [...recordIds], until });
    return recordIds.length;
  }
}

export interface ScenarioInput {
  readonly types: readonly RequestType[];
  readonly held?: HeldData;
  readonly corrections?: Decision['corrections'];
  readonly request?: Partial<RightsRequest>;
  readonly recipientAddresses?: RecipientAddresses;
  /** Changes the plan after it is built (e.g. to stage a conflict). */
  readonly editPlan?: (plan: ActionPlan) => ActionPlan;
  readonly exportDays?: number;
}

const toRecords = (held: HeldData) => ({
  profiles: held.profiles ?? [],
  subscriptions: held.subscriptions ?? [],
  consents: held.consents ?? [],
  reservations: held.reservations ?? [],
  notes: held.notes ?? [],
  invoices: held.invoices ?? [],
  payments: held.payments ?? [],
  doorEvents: held.events ?? [],
});

export const ALL_ADDRESSES: RecipientAddresses = {
  unloc: 'privacy@unloc.example',
  invoicing: 'gdpr@invoicing.example',
  email_platform: 'dpo@mailer.example',
};

/**
 * A request approved by staff, with its plan built by the real planner from data gathered about
 * the test customer, the bundles and the plan in the bucket, and the three stores holding the same
 * data: everything the carry-out, notify and reply steps need.
 */
export function scenario(input: ScenarioInput) {
  const held = input.held ?? FORMER_CUSTOMER;
  const base = aRightsRequest({
    ...VERIFIED_CUSTOMER,
    types: [...input.types],
    status: 'awaiting_approval',
    ...input.request,
  });
  const gathered = gatheredData({ ...held, customerIds: held.customerIds ?? subjectCustomerIds(base) });
  const built = ActionPlanSchema.parse(buildPlan({ request: { ...base, status: 'gathering' }, gathered, today: TODAY, builtAt: NOW }));
  const plan = input.editPlan ? ActionPlanSchema.parse(input.editPlan(built)) : built;

  const objects = new InMemoryObjectStore();
  const gatheredKeys = {
    subscriptions: OBJECT_KEYS.gathered(base.id, 'subscriptions'),
    billing: OBJECT_KEYS.gathered(base.id, 'billing'),
    'access-log': OBJECT_KEYS.gathered(base.id, 'access-log'),
  };
  void objects.putJson(gatheredKeys.subscriptions, gathered.subscriptions);
  void objects.putJson(gatheredKeys.billing, gathered.billing);
  void objects.putJson(gatheredKeys['access-log'], gathered.accessLog);
  void objects.putJson(OBJECT_KEYS.plan(base.id), plan);

  const decision: Decision = {
    outcome: 'approved',
    decidedBy: 'staff:kari',
    decidedAt: '2026-11-24T07:45:00.000Z',
    ...(input.corrections ? { corrections: input.corrections } : {}),
  };
  const request: RightsRequest = {
    ...base,
    gathered: gatheredKeys,
    planKey: OBJECT_KEYS.plan(base.id),
    decision,
    approvals: [{ by: 'staff:kari', at: '2026-11-24T07:45:00.000Z' }],
    ...input.request,
  };
  const store = new InMemoryRequestStore().seed(request);
  const data = inMemoryCustomerData(toRecords(held));
  const retention = new InMemoryRetentionScheduler();
  const mailer = new FakeMailer();
  const clock = fixedClock(NOW);
  const log = capturingLogger('carry-out');
  const purposes = new InMemoryProcessingPurposeStore();
  const deps: CarryOutDeps & NotifyRecipientsDeps & ReplyDeps = {
    store,
    objects,
    customers: data.customers,
    billing: data.billing,
    accessLog: data.accessLog,
    retention,
    exportDays: input.exportDays ?? 14,
    purposes,
    mailer,
    now: clock.now,
    logger: log.logger,
    recipientAddresses: input.recipientAddresses ?? ALL_ADDRESSES,
    publicBaseUrl: 'https://personvern.example.no',
  };
  return { deps, store, objects, data, retention, mailer, plan, request, log, purposes, at: clock.iso };
}

/** Audit entries of one event, with their details. */
export async function auditOf(store: InMemoryRequestStore, requestId: string, event: string) {
  return (await store.auditTrail(requestId)).filter((entry) => entry.event === event);
}
