import type { RecordCategory } from './customer-records.js';
import type {
  Address,
  ChannelReservation,
  Consent,
  ConsentKind,
  ContactChannel,
  CustomerProfile,
  Page,
  ServiceNote,
  Subscription,
} from './customer-records.js';

/** Fields a rectification may change; each change is applied only if the value is still `from`. */
export interface ProfileCorrection {
  readonly field: 'name' | 'email' | 'phone' | 'address';
  readonly from: unknown;
  readonly to: unknown;
}

/** Everything the subscription store holds about one customer, in the order the single reads give it. */
export interface CustomerRecordSet {
  readonly profile?: CustomerProfile;
  /** Newest first. */
  readonly subscriptions: readonly Subscription[];
  readonly consents: readonly Consent[];
  readonly reservations: readonly ChannelReservation[];
  /** Newest first, every page. */
  readonly notes: readonly ServiceNote[];
}

/**
 * The subscription store: profile, subscriptions, consents, channel reservations and
 * customer-service notes. Lookups go through keys and GSIs (never a scan); every write is
 * conditional so a repeated step changes nothing twice.
 */
export interface CustomerStore {
  /** Customer ids registered with this e-mail (case-insensitive), through the e-mail GSI. */
  findByEmail(email: string): Promise<string[]>;
  /** Customer ids registered with this phone number (normalised to E.164), through the phone GSI. */
  findByPhone(phone: string): Promise<string[]>;
  /** Customer ids registered at this postal address (street and postal code), through the address GSI; compare names after. */
  findByAddress(address: Address): Promise<string[]>;
  getProfile(customerId: string): Promise<CustomerProfile | undefined>;
  subscriptions(customerId: string): Promise<Subscription[]>;
  consents(customerId: string): Promise<Consent[]>;
  reservations(customerId: string): Promise<ChannelReservation[]>;
  notes(customerId: string, cursor?: string): Promise<Page<ServiceNote>>;
  /**
   * Profile, subscriptions, consents, reservations and every note of the customer at once (a
   * gather's copy): one read of the customer's records where the single reads make five.
   */
  records(customerId: string): Promise<CustomerRecordSet>;

  correctProfile(customerId: string, corrections: readonly ProfileCorrection[], at: string): Promise<void>;
  setConsent(customerId: string, kind: ConsentKind, granted: boolean, at: string, source: string): Promise<void>;
  setReservation(customerId: string, channel: ContactChannel, reserved: boolean, at: string): Promise<void>;
  /**
   * Art. 18: flag (or unflag) the customer's records as restricted: those of `categories` only
   * when given (a restriction's scope), else every record in this store.
   */
  setRestricted(customerId: string, restricted: boolean, categories?: readonly RecordCategory[]): Promise<void>;
  deleteNotes(customerId: string, noteIds: readonly string[]): Promise<number>;
  deleteSubscriptions(customerId: string, subscriptionIds: readonly string[]): Promise<number>;
  /** Deletes the customer's consent records of these kinds; returns how many there were. */
  deleteConsents(customerId: string, kinds: readonly ConsentKind[]): Promise<number>;
  /**
   * Deletes the customer's channel reservations of these channels; returns how many there were.
   * Separate from consents, so erasing one never touches the other (an opt-out that vanished
   * for a moment could let marketing through).
   */
  deleteReservations(customerId: string, channels: readonly ContactChannel[]): Promise<number>;
  /** Replaces name and contact details by placeholders and removes the lookup keys. */
  anonymiseProfile(customerId: string, at: string): Promise<void>;
  deleteProfile(customerId: string): Promise<void>;
}
