import * as z from 'zod/mini';
import { normalisePhone } from '../../platform/phone-number.js';
import type { AccessLogStore } from '../customer-data/access-log-store.js';
import type { BillingStore } from '../customer-data/billing-store.js';
import { AddressSchema, type Address } from '../customer-data/customer-records.js';
import type { CustomerStore } from '../customer-data/customer-store.js';
import type { Requester } from '../request/rights-request.js';

/**
 * «We hold nothing» only after a real search (Art. 15(1): confirm whether or not data are
 * processed): every store is searched by every identifier the person gave — e-mail address, phone
 * number, and name with postal address — through the stores' lookup indexes, never a scan. A
 * customer found this way by a requester who proved only their own address is a *candidate*: the
 * same name and address, or the same phone, with another e-mail. Staff decide (link the case to
 * the candidate after confirming who they are, or confirm no match); the requester is never told.
 *
 * @module
 */

export const IDENTIFIER_KINDS = ['email', 'phone', 'name_address'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const SEARCHED_STORES = ['customers', 'billing', 'access_log'] as const;

export const SearchCandidateSchema = z.object({
  customerId: z.string(),
  matchedBy: z.array(z.enum(IDENTIFIER_KINDS)).check(z.minLength(1)),
  /** What the stores hold for the candidate, so staff see what the person would be told about. */
  holds: z.array(z.enum(['profile', 'invoices', 'door_events'])),
});
export type SearchCandidate = z.infer<typeof SearchCandidateSchema>;

/** What was searched, with what, and what was found (kept in the plan, read by staff only). */
export const IdentitySearchSchema = z.object({
  searchedAt: z.string(),
  identifiers: z.array(z.enum(IDENTIFIER_KINDS)),
  stores: z.array(z.enum(SEARCHED_STORES)),
  candidates: z.array(SearchCandidateSchema),
});
export type IdentitySearch = z.infer<typeof IdentitySearchSchema>;

/** The lookups the search uses: indexes and key reads only. */
export interface HeldDataStores {
  readonly customers: Pick<CustomerStore, 'findByEmail' | 'findByPhone' | 'findByAddress' | 'getProfile'>;
  readonly billing: Pick<BillingStore, 'invoicesByBuyerAddress' | 'invoices'>;
  readonly accessLog: Pick<AccessLogStore, 'events'>;
}

/** The identifiers a requester gave; a postal address when they gave one (post and phone requests). */
export interface GivenIdentifiers {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: Address;
}

/** The identifiers of a request's requester (the postal address is read when the requester has one). */
export function identifiersOf(requester: Requester): GivenIdentifiers {
  const { postalAddress } = requester as Requester & { readonly postalAddress?: unknown };
  const address = AddressSchema.safeParse(postalAddress);
  return {
    name: requester.name,
    ...(requester.email ? { email: requester.email } : {}),
    ...(requester.phone ? { phone: requester.phone } : {}),
    ...(address.success ? { postalAddress: address.data } : {}),
  };
}

const folded = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/[\s,.]+/g, ' ');

/**
 * Searches the customers, billing and access-log stores by each identifier given and returns the
 * customers found, each with what matched and what is held. An address lookup counts only where
 * the name is the same too (people share addresses). A kept invoice whose buyer (name and address)
 * is the person is found even after their profile was erased.
 */
export async function searchHeldData(stores: HeldDataStores, given: GivenIdentifiers, at: string): Promise<IdentitySearch> {
  const matches = new Map<string, Set<IdentifierKind>>();
  const add = (ids: readonly string[], kind: IdentifierKind) => {
    for (const id of ids) matches.set(id, (matches.get(id) ?? new Set()).add(kind));
  };
  const identifiers: IdentifierKind[] = [];
  if (given.email) {
    identifiers.push('email');
    add(await stores.customers.findByEmail(given.email.trim().toLowerCase()), 'email');
  }
  const phone = given.phone ? normalisePhone(given.phone) : undefined;
  if (phone) {
    identifiers.push('phone');
    add(await stores.customers.findByPhone(phone), 'phone');
  }
  if (given.postalAddress) {
    identifiers.push('name_address');
    const name = folded(given.name);
    const atAddress = await stores.customers.findByAddress(given.postalAddress);
    const profiles = await Promise.all(atAddress.map((id) => stores.customers.getProfile(id)));
    add(profiles.flatMap((profile) => (profile && folded(profile.name) === name ? [profile.customerId] : [])), 'name_address');
    const kept = await stores.billing.invoicesByBuyerAddress(given.postalAddress);
    add(kept.flatMap((invoice) => (folded(invoice.buyer.name) === name ? [invoice.customerId] : [])), 'name_address');
  }

  const candidates: SearchCandidate[] = [];
  for (const [customerId, kinds] of [...matches].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [profile, invoices, events] = await Promise.all([
      stores.customers.getProfile(customerId),
      stores.billing.invoices(customerId),
      stores.accessLog.events(customerId, undefined, 1),
    ]);
    const holds: SearchCandidate['holds'] = [
      ...(profile ? (['profile'] as const) : []),
      ...(invoices.items.length > 0 ? (['invoices'] as const) : []),
      ...(events.items.length > 0 ? (['door_events'] as const) : []),
    ];
    if (holds.length > 0) candidates.push({ customerId, matchedBy: IDENTIFIER_KINDS.filter((kind) => kinds.has(kind)), holds });
  }
  return { searchedAt: at, identifiers, stores: [...SEARCHED_STORES], candidates };
}
