import { normalisePhone } from '../../platform/phone-number.js';
import type { CustomerProfile } from '../customer-data/customer-records.js';
import type { PostalAddress, Requester, RightsRequest } from '../request/rights-request.js';
import type { CustomerLookup } from './verification-deps.js';
import { AmbiguousRequesterError, NoRegisteredContactError } from './verification-errors.js';
import { MAX_DESTINATIONS } from './verification-policy.js';
import type { DestinationKind } from './verification-record.js';

/**
 * An address a code goes to. `registered` addresses come from the subscription store only; a
 * `given` address (the one the requester typed) is used only when they matched no customer.
 */
export interface CodeDestination {
  readonly kind: DestinationKind;
  /**
   * The e-mail address, or for a letter by post a key naming the postal address (`post:<address>`,
   * never mailed to); `postalAddress` is then where the PDF letter goes.
   */
  readonly address: string;
  readonly postalAddress?: PostalAddress;
  /** The customers whose registered address this is; empty for a given address. */
  readonly customerIds: readonly string[];
  /** The name registered with the address (the first customer's); none for a given address. */
  readonly name?: string;
}

/** Who the requester may be, and where their codes go. */
export interface RequesterMatch {
  /** `customer`: matched customers; `address`: no customer, they prove control of the address only. */
  readonly subject: 'customer' | 'address';
  readonly customerIds: readonly string[];
  readonly destinations: readonly CodeDestination[];
}

const usable = (profile: CustomerProfile | undefined): profile is CustomerProfile =>
  profile !== undefined && profile.anonymisedAt === undefined && profile.email.trim() !== '';

/** A customer with a registered postal address, for a requester who has no e-mail (codes go by post). */
const postable = (profile: CustomerProfile | undefined): profile is CustomerProfile & { address: PostalAddress } =>
  profile !== undefined && profile.anonymisedAt === undefined && /^\d{4}$/.test(profile.address?.postalCode ?? '');

/** Compares postal addresses as a letter carrier would: case, spacing and the postal code. */
export const postalKey = (address: PostalAddress): string =>
  `post:${address.street.trim().replace(/\s+/g, ' ').toLowerCase()}|${address.postalCode}|${address.city.trim().toLowerCase()}`;

const lower = (address: string): string => address.trim().toLowerCase();

/** Registered addresses of the profiles, each with the customers registered with it, in address order. */
function groupByRegisteredAddress(profiles: readonly CustomerProfile[]): CodeDestination[] {
  const groups = new Map<string, CustomerProfile[]>();
  for (const profile of [...profiles].sort((a, b) => (a.customerId < b.customerId ? -1 : 1))) {
    const address = lower(profile.email);
    groups.set(address, [...(groups.get(address) ?? []), profile]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([address, group]) => ({
      kind: 'registered',
      address,
      customerIds: [...new Set(group.map((profile) => profile.customerId))].sort(),
      name: group[0]!.name,
    }));
}

/**
 * A customer id no customer has: read when the lookups matched no one, so the path without a
 * customer makes the same store round trip as the path with one. Otherwise the person asking
 * could time their own code letter to learn whether the phone they typed is a customer's.
 */
const NO_ONE = 'C-NO-MATCH';

/** Registered postal addresses of the profiles, each with its customers, in address order. */
function groupByRegisteredPostalAddress(profiles: readonly (CustomerProfile & { address: PostalAddress })[]): CodeDestination[] {
  const groups = new Map<string, (CustomerProfile & { address: PostalAddress })[]>();
  for (const profile of [...profiles].sort((a, b) => (a.customerId < b.customerId ? -1 : 1))) {
    const key = postalKey(profile.address);
    groups.set(key, [...(groups.get(key) ?? []), profile]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({
      kind: 'registered',
      address: key,
      postalAddress: { street: group[0]!.address.street, postalCode: group[0]!.address.postalCode, city: group[0]!.address.city },
      customerIds: [...new Set(group.map((profile) => profile.customerId))].sort(),
      name: group[0]!.name,
    }));
}

async function profilesOf(customers: CustomerLookup, ids: readonly string[]): Promise<CustomerProfile[]> {
  const reads = ids.length > 0 ? [...new Set(ids)] : [NO_ONE];
  const profiles = await Promise.all(reads.map((id) => customers.getProfile(id)));
  return profiles.filter(usable);
}

async function postableProfilesOf(customers: CustomerLookup, ids: readonly string[]): Promise<(CustomerProfile & { address: PostalAddress })[]> {
  const profiles = await Promise.all([...new Set(ids)].map((id) => customers.getProfile(id)));
  return profiles.filter(postable);
}

/**
 * Where the codes go for a requester without e-mail (a letter or a call): the postal address
 * registered for each customer their phone matched, by post; with no match, the postal address
 * they gave, which then proves only itself.
 */
async function matchPostRequester(
  customers: CustomerLookup,
  request: Pick<RightsRequest, 'id'> & { readonly requester: Requester },
  maxDestinations: number,
): Promise<RequesterMatch> {
  const phone = request.requester.phone ? normalisePhone(request.requester.phone) : undefined;
  const ids = phone ? await customers.findByPhone(phone) : [];
  const groups = groupByRegisteredPostalAddress(await postableProfilesOf(customers, ids));
  if (groups.length === 0) return { subject: 'address', customerIds: [], destinations: [givenAddress(request)] };
  const given = request.requester.postalAddress ? postalKey(request.requester.postalAddress) : undefined;
  const own = groups.find((group) => group.address === given);
  const destinations = own ? [own] : groups;
  if (destinations.length > maxDestinations) throw new AmbiguousRequesterError(request.id, destinations.length);
  return {
    subject: 'customer',
    customerIds: destinations.flatMap((d) => d.customerIds).sort(),
    destinations: own ? destinations : [...destinations, givenAddress(request)],
  };
}

/**
 * The address the requester typed, as a destination. It also gets a code when the typed address
 * is no registered one although their phone matched a customer: the person asking then gets the
 * same mails as anyone who is no customer, so the answer does not tell them the number is a
 * customer's. That code proves only the typed address (subject `address`), which opens no
 * customer's data.
 */
const givenAddress = (request: { readonly requester: Requester }): CodeDestination =>
  request.requester.email !== undefined || request.requester.postalAddress === undefined
    ? { kind: 'given', address: request.requester.email ?? '', customerIds: [] }
    : { kind: 'given', address: postalKey(request.requester.postalAddress), postalAddress: request.requester.postalAddress, customerIds: [] };

/**
 * Finds the requester in the subscription store by the e-mail they wrote from and, if given, their
 * phone, and decides where the code goes (legal requirement 3.6: never to an unregistered address
 * of a customer):
 * - a customer registered with the very address they wrote from: that address, for every customer
 *   registered with it;
 * - otherwise every matched customer's registered address, one code each (at most
 *   {@link MAX_DESTINATIONS}; more raises {@link AmbiguousRequesterError} for staff). Whoever enters
 *   a code proves control of that mailbox only, so only its customers become the subject (staff
 *   verifying manually pass `maxDestinations: Infinity` to see every candidate);
 * - no customer: the address they gave, and the request is about that address only.
 *
 * @throws AmbiguousRequesterError when the matches have more registered addresses than allowed
 */
export async function matchRequester(
  customers: CustomerLookup,
  request: Pick<RightsRequest, 'id'> & { readonly requester: Requester },
  { maxDestinations = MAX_DESTINATIONS }: { readonly maxDestinations?: number } = {},
): Promise<RequesterMatch> {
  if (request.requester.email === undefined) return matchPostRequester(customers, request, maxDestinations);
  const email = request.requester.email;
  const phone = request.requester.phone ? normalisePhone(request.requester.phone) : undefined;
  const [byEmail, byPhone] = await Promise.all([
    customers.findByEmail(lower(email)),
    phone ? customers.findByPhone(phone) : Promise.resolve([] as string[]),
  ]);
  const profiles = await profilesOf(customers, [...byEmail, ...byPhone]);
  if (profiles.length === 0) return { subject: 'address', customerIds: [], destinations: [givenAddress(request)] };
  const groups = groupByRegisteredAddress(profiles);
  const own = groups.find((group) => group.address === lower(email));
  const destinations = own ? [own] : groups;
  if (destinations.length > maxDestinations) throw new AmbiguousRequesterError(request.id, destinations.length);
  return {
    subject: 'customer',
    customerIds: destinations.flatMap((d) => d.customerIds).sort(),
    destinations: own ? destinations : [...destinations, givenAddress(request)],
  };
}

/**
 * Where a new code for a started verification goes: looked up again, so a registered address
 * changed since the first code is honoured and no address needs to be stored.
 *
 * @throws NoRegisteredContactError when none of the request's customers has a registered address left
 */
export async function destinationsFor(
  customers: CustomerLookup,
  request: Pick<RightsRequest, 'id' | 'verification' | 'customerIds' | 'requester'>,
): Promise<readonly CodeDestination[]> {
  if (request.verification?.subject !== 'customer') return [givenAddress(request)];
  if (request.requester.email === undefined) {
    const postal = groupByRegisteredPostalAddress(await postableProfilesOf(customers, request.customerIds ?? []));
    if (postal.length === 0) throw new NoRegisteredContactError(request.id);
    const given = request.requester.postalAddress ? postalKey(request.requester.postalAddress) : undefined;
    const ownPostal = postal.find((group) => group.address === given);
    return ownPostal ? [ownPostal] : [...postal.slice(0, MAX_DESTINATIONS), givenAddress(request)];
  }
  const email = request.requester.email;
  const groups = groupByRegisteredAddress(await profilesOf(customers, request.customerIds ?? []));
  if (groups.length === 0) throw new NoRegisteredContactError(request.id);
  const own = groups.find((group) => group.address === lower(email));
  return own ? [own] : [...groups.slice(0, MAX_DESTINATIONS), givenAddress(request)];
}

/**
 * Where letters go once a requester without e-mail is verified as `customerIds`: the name and
 * postal address registered for them (the one they typed when it is among them, else the first
 * in address order). `undefined` for a requester with e-mail, or when none of the customers has a
 * registered postal address (staff verified by phone; the address given stays the answer's).
 */
export async function registeredPostalRecipient(
  customers: CustomerLookup,
  request: { readonly requester: Requester },
  customerIds: readonly string[],
): Promise<{ name: string; address: PostalAddress } | undefined> {
  if (request.requester.email !== undefined || customerIds.length === 0) return undefined;
  const groups = groupByRegisteredPostalAddress(await postableProfilesOf(customers, customerIds));
  const given = request.requester.postalAddress ? postalKey(request.requester.postalAddress) : undefined;
  const chosen = groups.find((group) => group.address === given) ?? groups[0];
  return chosen?.postalAddress && chosen.name ? { name: chosen.name, address: chosen.postalAddress } : undefined;
}
