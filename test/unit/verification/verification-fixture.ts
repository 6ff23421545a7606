import type { CustomerProfile } from '../../../functions/domain/customer-data/customer-records.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import type { VerificationDeps } from '../../../functions/domain/verification/verification-deps.js';
import { InMemoryCustomerStore } from '../../support/in-memory-customer-data.js';
import { FakeMailer, FakeTaskCallbacks, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUESTER, aRightsRequest, capturingLogger } from '../fixtures/rights-request-fixture.js';
import { InMemoryVerificationStore } from './in-memory-verification-store.js';

export const BASE_URL = 'https://personvern.example.no';
export const START = '2026-11-24T08:00:00.000Z';

/** The requester's customer record: registered with the address the request came from. */
export const KARI_ID = 'C-1001';
/** A customer registered with another address than the one a request came from. */
export const REGISTERED_ELSEWHERE = 'kari.registered@example.no';
/** An address that belongs to no customer. */
export const STRANGER_EMAIL = 'new.person@example.org';

export const aProfile = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
  customerId: KARI_ID,
  name: REQUESTER.name,
  email: REQUESTER.email,
  phone: '+4793420183',
  preferences: { language: 'nb' },
  createdAt: '2021-02-01T09:00:00+01:00',
  restricted: false,
  version: 1,
  ...overrides,
});

export interface VerificationWorld {
  readonly deps: VerificationDeps;
  readonly store: InMemoryRequestStore;
  readonly mailer: FakeMailer;
  readonly callbacks: FakeTaskCallbacks;
  readonly customers: InMemoryCustomerStore;
  readonly verifications: InMemoryVerificationStore;
  readonly logLines: string[];
  readonly request: RightsRequest;
  /** Moves the injected clock on. */
  advance(ms: number): void;
  /** The clock's current instant. */
  now(): string;
  /** Codes handed out so far, in order (the generator is deterministic: 100001, 100002, …). */
  readonly codes: string[];
}

/**
 * A request in the given state with every dependency of the verification steps faked in memory:
 * a stepping clock starting at {@link START}, predictable codes, and the customers given.
 */
export function verificationWorld(
  overrides: Partial<RightsRequest> = {},
  { profiles = [aProfile()], taskToken }: { profiles?: CustomerProfile[]; taskToken?: string } = {},
): VerificationWorld {
  const request = aRightsRequest(overrides);
  const store = new InMemoryRequestStore().seed(request, taskToken ? { taskToken } : {});
  const mailer = new FakeMailer();
  const callbacks = new FakeTaskCallbacks();
  const customers = new InMemoryCustomerStore().seed({ profiles });
  const verifications = new InMemoryVerificationStore();
  const log = capturingLogger('verification');
  let clock = Date.parse(START);
  const codes: string[] = [];
  const deps: VerificationDeps = {
    store,
    mailer,
    callbacks,
    customers,
    verifications,
    now: () => new Date(clock),
    logger: log.logger,
    publicBaseUrl: BASE_URL,
    generateCode: () => {
      const code = String(100001 + codes.length);
      codes.push(code);
      return code;
    },
  };
  return {
    deps,
    store,
    mailer,
    callbacks,
    customers,
    verifications,
    logLines: log.lines,
    request,
    codes,
    advance: (ms) => {
      clock += ms;
    },
    now: () => new Date(clock).toISOString(),
  };
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** The code in a code mail. */
export function codeIn(text: string): string {
  const match = /: (\d{6})$/m.exec(text);
  if (!match) throw new Error('no code in the mail');
  return match[1]!;
}
