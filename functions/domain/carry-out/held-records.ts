import type { ErasureAction, RecordCategory } from '../plan/action-plan.js';
import { ConsentKindSchema, ContactChannelSchema } from '../customer-data/customer-records.js';
import { readAllPages } from '../gather/read-all-pages.js';
import type { CarryOutDeps } from './carry-out-deps.js';
import { UnsupportedErasureError } from './carry-out-errors.js';

type Stores = Pick<CarryOutDeps, 'customers' | 'billing' | 'accessLog'>;
type Method = ErasureAction['method'];

/**
 * A plan's record reference, `<category>:<id>` (see the planner's `recordRef`). A bare id is
 * accepted too and given its category, so an older plan still resolves.
 */
export const toRef = (category: RecordCategory, recordId: string): string =>
  recordId.startsWith(`${category}:`) ? recordId : `${category}:${recordId}`;

/** The record's own id in its store: the part after the category. */
export const idOfRef = (category: RecordCategory, ref: string): string => ref.slice(category.length + 1);

/**
 * Reads, fresh from the stores, which records of a category a customer holds now, as plan
 * references; and erases some of them through the stores' mutation methods. Used before an
 * erasure (what is there), after it (the proof that it is gone) and to find the customer each
 * kept record belongs to.
 */
export interface CategoryRecords {
  /** `method` matters for the profile only: an anonymised profile still exists, but is no longer held as personal data. */
  held(customerId: string, method?: Method): Promise<Set<string>>;
  /** Erases exactly `refs` (all held by the customer) and returns what the store reported. */
  erase(customerId: string, refs: readonly string[], method: Method, at: string): Promise<number>;
}

const refsOf = (category: RecordCategory, ids: readonly string[]): Set<string> => new Set(ids.map((id) => toRef(category, id)));

const deleteOnly = (category: RecordCategory, method: Method): void => {
  if (method !== 'delete') throw new UnsupportedErasureError(category, method);
};

/** The kind or channel of a consent or reservation reference (`consent:<customer>/<kind>`). */
const lastSegment = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/** How each category is read and erased through the store interfaces. */
export function categoryRecords(stores: Stores, category: RecordCategory): CategoryRecords {
  const { customers, billing, accessLog } = stores;
  switch (category) {
    case 'profile':
      return {
        held: async (customerId, method = 'delete') => {
          const profile = await customers.getProfile(customerId);
          const stillPersonal = profile && (method === 'delete' || !profile.anonymisedAt);
          return new Set(stillPersonal ? [`profile:${customerId}`] : []);
        },
        erase: async (customerId, refs, method, at) => {
          if (refs.length === 0) return 0;
          if (method === 'anonymise') await customers.anonymiseProfile(customerId, at);
          else await customers.deleteProfile(customerId);
          return 1;
        },
      };
    case 'subscription':
      return {
        held: async (customerId) => refsOf(category, (await customers.subscriptions(customerId)).map((s) => s.subscriptionId)),
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return customers.deleteSubscriptions(customerId, refs.map((ref) => idOfRef(category, ref)));
        },
      };
    case 'consent':
      return {
        held: async (customerId) => new Set((await customers.consents(customerId)).map((c) => `consent:${customerId}/${c.kind}`)),
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return customers.deleteConsents(customerId, refs.map((ref) => ConsentKindSchema.parse(lastSegment(ref))));
        },
      };
    case 'reservation':
      return {
        held: async (customerId) =>
          new Set((await customers.reservations(customerId)).map((r) => `reservation:${customerId}/${r.channel}`)),
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return customers.deleteReservations(customerId, refs.map((ref) => ContactChannelSchema.parse(lastSegment(ref))));
        },
      };
    case 'service_note':
      return {
        held: async (customerId) =>
          refsOf(category, (await readAllPages((cursor) => customers.notes(customerId, cursor))).map((n) => n.noteId)),
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return customers.deleteNotes(customerId, refs.map((ref) => idOfRef(category, ref)));
        },
      };
    case 'invoice':
      return {
        held: async (customerId) =>
          refsOf(category, (await readAllPages((cursor) => billing.invoices(customerId, cursor))).map((i) => i.invoiceNo)),
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return billing.deleteInvoices(customerId, refs.map((ref) => idOfRef(category, ref)));
        },
      };
    case 'payment':
      return {
        held: async (customerId) =>
          refsOf(category, (await readAllPages((cursor) => billing.payments(customerId, cursor))).map((p) => p.paymentId)),
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return billing.deletePayments(customerId, refs.map((ref) => idOfRef(category, ref)));
        },
      };
    case 'door_event':
      return {
        held: async (customerId) =>
          refsOf(category, (await readAllPages((cursor) => accessLog.events(customerId, cursor))).map((e) => e.eventId)),
        // The access log erases a customer's events only all at once; the plan erases the whole log.
        erase: (customerId, refs, method) => {
          deleteOnly(category, method);
          return refs.length === 0 ? Promise.resolve(0) : accessLog.deleteEvents(customerId);
        },
      };
  }
}
