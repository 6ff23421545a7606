import { codeLetterDestination } from '../verification/issue-codes.js';
import { normalisePhone } from '../../platform/phone-number.js';
import type { Consent, ConsentKind } from '../customer-data/customer-records.js';
import type { CustomerStore } from '../customer-data/customer-store.js';
import { osloCalendarDate } from '../deadline/index.js';
import { marketingStopLetter } from '../letters/marketing-stop-letter.js';
import { MARKETING_CHANNELS } from '../plan/request-types/objection.js';
import { transitionChange } from '../lifecycle/apply-transition.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { otherThanMarketingStop, stopsMarketing } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import { changeRequest } from '../verification/change-request.js';
import { matchRequester, type RequesterMatch } from '../verification/registered-contact.js';
import { loadRequest } from '../request/request-store.js';
import type { WorkflowDeps } from '../workflow/workflow-deps.js';
import { suppressionKey, type SuppressionList } from './suppression-list.js';

/** What the marketing stop reads and changes in the subscription store. */
export type MarketingStopCustomers = Pick<
  CustomerStore,
  'findByEmail' | 'findByPhone' | 'getProfile' | 'consents' | 'setConsent' | 'reservations' | 'setReservation'
>;

export interface StopMarketingDeps extends WorkflowDeps {
  readonly customers: MarketingStopCustomers;
  readonly suppression: SuppressionList;
  /** The HMAC key of the suppression list (config, never logged). */
  readonly suppressionSecret: string;
}

/** The purpose under which the confirmation is recorded in `mailsSent`. */
export const MARKETING_STOP_MAIL = 'marketing-stop';
const ACTOR = 'system:marketing-stop';

/** Consent kinds granted now for this customer: the latest change of each kind decides. */
function grantedKinds(consents: readonly Consent[]): ConsentKind[] {
  const latest = new Map<ConsentKind, Consent>();
  for (const consent of consents) {
    const current = latest.get(consent.kind);
    if (!current || Date.parse(consent.changedAt) >= Date.parse(current.changedAt)) latest.set(consent.kind, consent);
  }
  return [...latest.values()].filter((consent) => consent.granted).map((consent) => consent.kind);
}

/** Withdraws every granted consent and reserves every marketing channel; returns the consents withdrawn. */
async function stopFor(deps: StopMarketingDeps, customerId: string, at: string, source: string): Promise<number> {
  const kinds = grantedKinds(await deps.customers.consents(customerId));
  for (const kind of kinds) await deps.customers.setConsent(customerId, kind, false, at, source);
  const reserved = new Set(
    (await deps.customers.reservations(customerId)).filter((reservation) => reservation.reserved).map((r) => r.channel),
  );
  for (const channel of MARKETING_CHANNELS) {
    if (!reserved.has(channel)) await deps.customers.setReservation(customerId, channel, true, at);
  }
  return kinds.length;
}

/**
 * Puts the given contact details that match no customer on the suppression list, as keyed hashes.
 * A detail that belongs to a customer is covered by that customer's reservations instead.
 */
async function suppressUnknown(deps: StopMarketingDeps, request: RightsRequest, match: RequesterMatch, at: string): Promise<boolean> {
  const email = request.requester.email?.trim().toLowerCase();
  const emailIsCustomers = match.destinations.some((d) => d.kind === 'registered' && d.address === email);
  const source = `rights-request:${request.id}`;
  let suppressed = false;
  if (email !== undefined && !emailIsCustomers) {
    await deps.suppression.add({ key: suppressionKey(deps.suppressionSecret, 'email', email)!, kind: 'email', addedAt: at, source });
    suppressed = true;
  }
  const phone = request.requester.phone ? normalisePhone(request.requester.phone) : undefined;
  if (phone && (await deps.customers.findByPhone(phone)).length === 0) {
    await deps.suppression.add({ key: suppressionKey(deps.suppressionSecret, 'phone', phone)!, kind: 'phone', addedAt: at, source });
    suppressed = true;
  }
  return suppressed;
}

/**
 * Workflow step of the fast path: a marketing objection (Art. 21(2)–(3)) or consent withdrawal
 * (Art. 7(3)) takes effect when received, before and without any identity check (a stop harms
 * no one) and without staff. For every customer matched by the given e-mail or phone, each granted
 * consent is withdrawn and e-mail, SMS, phone and addressed post are reserved; a given address or
 * number that matches no customer goes on the suppression list as a keyed hash. The confirmation
 * goes to the registered address of each matched customer, and to the given address when it
 * is no customer's registered one, in words that are the same either way (the given address is
 * suppressed then, and a missing confirmation would tell the sender the number is a customer's). A request asking for nothing else is then
 * closed; otherwise the rest follows the normal path (`otherRights: true`).
 *
 * Idempotent on the request's recorded state: the stop is recorded once (`marketingStop`), the
 * confirmation once (`mailsSent['marketing-stop']`), and a re-driven request repeats neither.
 *
 * @throws {InvalidTransitionError} when the request asks for no marketing stop
 */
export async function stopMarketing(deps: StopMarketingDeps, requestId: string): Promise<{ otherRights: boolean }> {
  let request = await loadRequest(deps.store, requestId);
  if (!stopsMarketing(request.types)) throw new InvalidTransitionError(requestId, request.status, 'stop marketing');
  const otherRights = otherThanMarketingStop(request.types).length > 0;
  const match = await matchRequester(deps.customers, request, { maxDestinations: Number.POSITIVE_INFINITY });

  if (!request.marketingStop) {
    const at = deps.now().toISOString();
    const source = `rights-request:${requestId}`;
    let consents = 0;
    for (const customerId of match.customerIds) consents += await stopFor(deps, customerId, at, source);
    const suppressed = await suppressUnknown(deps, request, match, at);
    request = await changeRequest(deps, request, (current, now) =>
      current.marketingStop
        ? undefined
        : {
            set: { marketingStop: { at, customers: match.customerIds.length, suppressed, confirmations: 0 }, updatedAt: now },
            audit: {
              requestId,
              at: now,
              event: 'marketing.stopped',
              actor: ACTOR,
              detail: { customers: match.customerIds.length, consentsWithdrawn: consents, channels: [...MARKETING_CHANNELS], suppressed },
            },
          },
    );
    deps.logger.info('marketing.stopped', { requestId, customers: match.customerIds.length, suppressed });
  }

  const stop = request.marketingStop!;
  if (!request.mailsSent[MARKETING_STOP_MAIL]) {
    const letter = marketingStopLetter({ id: requestId, language: request.language, effectiveOn: osloCalendarDate(stop.at), otherRights });
    const byAddress = new Map(match.destinations.map((destination) => [destination.address, destination] as const));
    const addresses = [...byAddress.keys()].sort();
    const messageIds: string[] = [];
    // One letter id per confirmation, numbered in the order of the sorted addresses (the id is a
    // table key, so it holds no address): a re-run after a crash re-sends the recorded letters.
    // A postal address (a requester without e-mail) gets the confirmation by post.
    for (const [index, address] of addresses.entries()) {
      const sent = await deps.mailer.send({
        ...codeLetterDestination(request, byAddress.get(address)!, deps.now()),
        subject: letter.subject,
        text: letter.text,
        language: request.language,
        purpose: MARKETING_STOP_MAIL,
        requestId,
        letterId: `${MARKETING_STOP_MAIL}#${index}`,
      });
      messageIds.push(sent.messageId);
    }
    request = await changeRequest(deps, request, (current, at) =>
      current.mailsSent[MARKETING_STOP_MAIL]
        ? undefined
        : {
            set: {
              mailsSent: { ...current.mailsSent, [MARKETING_STOP_MAIL]: { messageId: messageIds[0] ?? '', sentAt: at } },
              marketingStop: { ...stop, confirmations: messageIds.length },
              updatedAt: at,
            },
            audit: { requestId, at, event: 'mail.sent', actor: ACTOR, detail: { purpose: MARKETING_STOP_MAIL, messageIds, recipients: messageIds.length } },
          },
    );
  }

  if (!otherRights && request.status !== 'closed') {
    await changeRequest(deps, request, (current, at) =>
      current.status === 'closed' ? undefined : transitionChange(current, 'marketing_stop_closed', { actor: ACTOR, at }, { remove: ['taskToken'] }),
    );
  }
  return { otherRights };
}
