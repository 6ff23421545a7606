import type { PostalLetter } from '../../../functions/domain/post/postal-letter.js';
import { InMemoryPostalLetterStore } from '../post/in-memory-postal-letters.js';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { osloCalendarDate, statutoryDeadline } from '../../../functions/domain/deadline/index.js';
import type { TriageEntry } from '../../../functions/domain/intake-mail/inbox-entries.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { newRequestId } from '../../../functions/domain/request/request-id.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { csrfToken } from '../../../functions/domain/staff-auth/index.js';
import { CASE_REFUSAL_COOKIE } from '../../../functions/web/console/case-refusal-cookie.js';
import { expect } from 'vitest';
import { createLocalTokenIssuer } from '../../../infra/local/sign-in/local-token-issuer.js';
import { parseLocalUsersFile } from '../../../infra/local/sign-in/local-users.js';
import { LOCAL_SIGN_IN_ROUTES, serveLocalSignIn, type LocalSignInDeps } from '../../../infra/local/sign-in/local-sign-in.js';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import { HTTP_ROUTES } from '../../../functions/http/routes.js';
import { serveStaffApi, type StaffApiDeps } from '../../../functions/http/staff-api/staff-api.js';
import type { SignInMethod } from '../../../functions/web/console/sign-in/sign-in-methods.js';
import { isConsoleRoute, serveStaffConsole, type StaffConsoleDeps } from './console-functions.js';
import { InMemoryCustomerStore, inMemoryCustomerData } from '../../support/in-memory-customer-data.js';
import { storeRestrictionFlags } from '../../../functions/domain/restriction/restriction-flags.js';
import { FakeMailer, FakeTaskCallbacks, FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { InMemoryInboxStore } from '../email-intake/in-memory-inbox-store.js';
import { aRightsRequest, capturingLogger, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';
import { CUSTOMER, gatheredData } from '../gather/customer-data-fixture.js';
import { FORMER_CUSTOMER } from '../carry-out/carry-out-fixture.js';
import { ActionPlanSchema } from '../../../functions/domain/plan/action-plan.js';
import { buildPlan } from '../../../functions/domain/plan/build-plan.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { CLIENT_ID, ISSUED_AT, ISSUER, issuer, KID, otherKey, signingKey, verifierAt } from '../staff-auth/staff-token-fixture.js';

export const BASE_URL = 'https://personvern.example';
/** The console's clock: 2026-12-01, 10:00 in Oslo. */
export const NOW = new Date('2026-12-01T09:00:00.000Z');
export const TODAY = '2026-12-01';

/** A second open case, the target of a merge. */
export const OTHER_ID = 'NK-20261124-9ZZZZZZZ';
/** A closed case, which the queue must not list. */
export const CLOSED_ID = 'NK-20261020-CCCCCCCC';
export const INBOX_ID = 'inbox-ses-0001';

/** The demo users of `infra/local/console-users.json`, with their documented passwords. */
export const USERS_FILE = parseLocalUsersFile(readFileSync(new URL('../../../infra/local/console-users.json', import.meta.url), 'utf8'));
export const DEMO = {
  staff: { username: 'kari.saksbehandler', password: 'naerkontor-1' },
  otherStaff: { username: 'per.saksbehandler', password: 'naerkontor-2' },
  privacyOfficer: { username: 'personvernombud', password: 'naerkontor-3' },
  noGroup: { username: 'uten.tilgang', password: 'naerkontor-4' },
} as const;

/** Tokens the verifier accepts, one per kind of person. */
export const TOKENS = {
  staff: issuer().issue({ username: DEMO.staff.username, groups: ['staff'] }),
  privacyOfficer: issuer().issue({ username: DEMO.privacyOfficer.username, groups: ['staff', 'privacy-officer'] }),
  noGroup: issuer().issue({ username: DEMO.noGroup.username, groups: [] }),
} as const;

/** Tokens the verifier must refuse: each one wrong in a single way. */
export const BAD_TOKENS = {
  'signed by another key': createLocalTokenIssuer({
    privateKey: otherKey,
    kid: KID,
    issuer: ISSUER,
    clientId: CLIENT_ID,
    now: () => ISSUED_AT,
  }).issue({ username: DEMO.privacyOfficer.username, groups: ['staff', 'privacy-officer'] }),
  expired: issuer(() => new Date(ISSUED_AT.getTime() - 3 * 3600_000)).issue({
    username: DEMO.privacyOfficer.username,
    groups: ['staff', 'privacy-officer'],
  }),
  'for another audience': createLocalTokenIssuer({
    privateKey: signingKey,
    kid: KID,
    issuer: ISSUER,
    clientId: 'some-other-client',
    now: () => ISSUED_AT,
  }).issue({ username: DEMO.privacyOfficer.username, groups: ['staff', 'privacy-officer'] }),
  'from another issuer': createLocalTokenIssuer({
    privateKey: signingKey,
    kid: KID,
    issuer: 'https://evil.example/issuer',
    clientId: CLIENT_ID,
    now: () => ISSUED_AT,
  }).issue({ username: DEMO.privacyOfficer.username, groups: ['staff', 'privacy-officer'] }),
  'not a JWT': 'not-a-token',
} as const;

/** Local mode: the console only links to its sign-in page, which the local gateway answers. */
export const localSignIn = (): SignInMethod => ({ kind: 'local' });

/** The local gateway's sign-in as local mode builds it, but with the fixture's key so the verifier trusts it. */
export const localSignInDeps = (): Pick<LocalSignInDeps, 'users' | 'issuer'> => ({
  users: USERS_FILE,
  issuer: createLocalTokenIssuer({ privateKey: signingKey, kid: KID, issuer: ISSUER, clientId: CLIENT_ID, now: () => ISSUED_AT }),
});

/** A triage entry as the e-mail intake writes it: an uncertain mail waiting for staff. */
export const aTriageEntry = (overrides: Partial<TriageEntry> = {}): TriageEntry => ({
  inboxId: INBOX_ID,
  receivedAt: '2026-11-30T08:15:00.000+01:00',
  rawKey: `inbound/${INBOX_ID}`,
  reason: 'uncertain',
  urgent: false,
  subject: 'Spørsmål om mine data',
  from: { address: 'ola.nordmann@example.no' },
  authentication: { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', addressTrusted: true, failed: false },
  ...overrides,
});

/** The raw MIME of the triaged mail, as the inbound-mail bucket holds it. */
export const TRIAGED_RAW_MAIL = [
  'From: Ola Nordmann <ola.nordmann@example.no>',
  'To: personvern@obos.example',
  'Subject: =?utf-8?q?Sp=C3=B8rsm=C3=A5l_om_mine_data?=',
  'Message-ID: <triaged-1@example.no>',
  'Date: Mon, 30 Nov 2026 08:15:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hei, jeg vil gjerne vite hva dere har lagret om meg.',
  '',
].join('\r\n');

export interface WorldOptions {
  readonly signIn?: SignInMethod;
  /** The local gateway's sign-in check, replaced so tests can count attempts. */
  readonly localCheck?: LocalSignInDeps['check'];
  readonly secureCookies?: boolean;
  /** The main case (REQUEST_ID); awaiting approval of an access plan unless told otherwise. */
  readonly request?: Partial<RightsRequest>;
  /** Puts objects (a plan, gathered data) into the request-data bucket before the world starts. */
  readonly objects?: Readonly<Record<string, unknown>>;
}

/**
 * Options for a main case that asks for erasure of a former customer, with the data gathered for
 * it and the plan built from them in the bucket, waiting for approval: the plan can be corrected.
 */
export function erasurePlanOptions(types: RightsRequest['types'] = ['erasure']): WorldOptions {
  const base = aRightsRequest({
    status: 'awaiting_approval',
    types,
    verification: { status: 'verified', subject: 'customer', method: 'code', verifiedAt: '2026-11-30T07:30:00.000Z' },
    customerIds: [CUSTOMER.customerId],
  });
  const gathered = gatheredData({ ...FORMER_CUSTOMER, customerIds: [CUSTOMER.customerId] });
  const plan = ActionPlanSchema.parse(buildPlan({ request: base, gathered, today: TODAY, builtAt: NOW.toISOString() }));
  const keys = {
    subscriptions: OBJECT_KEYS.gathered(base.id, 'subscriptions'),
    billing: OBJECT_KEYS.gathered(base.id, 'billing'),
    'access-log': OBJECT_KEYS.gathered(base.id, 'access-log'),
  };
  return {
    request: { ...base, gathered: keys, planKey: OBJECT_KEYS.plan(base.id) },
    objects: {
      [keys.subscriptions]: gathered.subscriptions,
      [keys.billing]: gathered.billing,
      [keys['access-log']]: gathered.accessLog,
      [OBJECT_KEYS.plan(base.id)]: plan,
    },
  };
}

/**
 * The console and the staff API over in-memory fakes: one open case waiting for approval (with a
 * task token), a second open case, a closed one, and one mail in triage. The clock stands at
 * {@link NOW}; the verifier's at the tokens' issue time.
 */
/** Options for a main case whose restriction (of the profile, ground a) is in force: it can be lifted. */
export const restrictedCaseOptions = (): WorldOptions => ({
  request: {
    status: 'replied',
    customerIds: [CUSTOMER.customerId],
    restriction: { ground: 'a', scope: ['profile'], setBy: 'staff:per', setAt: '2026-11-30T09:00:00.000Z', appliedAt: '2026-11-30T10:00:00.000Z' },
  },
});

/**
 * Options for an access case of a requester who proved only an address, where the search before
 * «we hold nothing» found a customer by phone: it waits for staff with the candidate in the plan.
 */
export function identityReviewOptions(): WorldOptions {
  const base = aRightsRequest({
    status: 'needs_attention',
    types: ['access'],
    verification: { status: 'verified', subject: 'address', method: 'code', verifiedAt: '2026-11-30T07:30:00.000Z' },
    identityReview: { status: 'pending', candidates: 1, at: '2026-11-30T07:31:00.000Z' },
  });
  const gathered = gatheredData({ customerIds: [] });
  const plan = ActionPlanSchema.parse({
    ...buildPlan({ request: base, gathered, today: TODAY, builtAt: NOW.toISOString() }),
    identitySearch: {
      searchedAt: '2026-11-30T07:31:00.000Z',
      identifiers: ['email', 'phone'],
      stores: ['customers', 'billing', 'access_log'],
      candidates: [{ customerId: CUSTOMER.customerId, matchedBy: ['phone'], holds: ['profile', 'invoices'] }],
    },
  });
  return { request: { ...base, planKey: OBJECT_KEYS.plan(base.id) }, objects: { [OBJECT_KEYS.plan(base.id)]: plan } };
}

/** Options for a rectification case of a customer waiting for approval: the correction can be disputed. */
export const rectificationCaseOptions = (): WorldOptions => ({
  request: { types: ['rectification'], customerIds: [CUSTOMER.customerId] },
});

export function consoleWorld(options: WorldOptions = {}) {
  const store = new InMemoryRequestStore()
    .seed(aRightsRequest({ status: 'awaiting_approval', types: ['access'], ...options.request }), { taskToken: 'task-token-1' })
    .seed(aRightsRequest({ id: OTHER_ID, receivedAt: '2026-11-24T10:00:00.000+01:00', receiptDate: '2026-11-24', dueDate: '2026-12-24' }))
    .seed(aRightsRequest({ id: CLOSED_ID, status: 'closed', receivedAt: '2026-10-20T10:00:00.000+02:00', receiptDate: '2026-10-20', dueDate: '2026-11-20' }));
  const inbox = new InMemoryInboxStore();
  inbox.triage.push(aTriageEntry());
  const objects = new InMemoryObjectStore();
  for (const [key, value] of Object.entries(options.objects ?? {})) void objects.putJson(key, value);
  const postalLetters = new InMemoryPostalLetterStore();
  void postalLetters.record(A_POSTAL_LETTER);
  const data = inMemoryCustomerData({ profiles: FORMER_CUSTOMER.profiles, invoices: FORMER_CUSTOMER.invoices, doorEvents: FORMER_CUSTOMER.events });
  const flags = storeRestrictionFlags(data);
  const mailer = new FakeMailer();
  const callbacks = new FakeTaskCallbacks();
  const workflow = new FakeWorkflowStarter();
  const log = capturingLogger('staff-console');
  const deps: StaffConsoleDeps = {
    signIn: options.signIn ?? localSignIn(),
    verifier: verifierAt(),
    publicBaseUrl: BASE_URL,
    secureCookies: options.secureCookies ?? true,
    logger: log.logger,
    store,
    inbox,
    objects,
    postalLetters,
    mailer,
    callbacks,
    workflow,
    customers: new InMemoryCustomerStore(),
    flags,
    rawMail: { read: async (key: string) => (key === aTriageEntry().rawKey ? TRIAGED_RAW_MAIL : undefined) },
    parse: parseInboundMessage,
    now: () => NOW,
    today: () => TODAY,
    formatInstant: toOsloIsoString,
    receiptDate: (receivedAt: string) => osloCalendarDate(receivedAt),
    dueDate: (receivedAt: string) => statutoryDeadline(receivedAt),
    newId: newRequestId,
  };
  const localGateway: LocalSignInDeps = {
    ...localSignInDeps(),
    publicBaseUrl: BASE_URL,
    secureCookies: deps.secureCookies,
    logger: log.logger,
    ...(options.localCheck && { check: options.localCheck }),
  };
  const apiDeps: StaffApiDeps = { store, objects, flags, mailer, callbacks, now: () => NOW, logger: log.logger, today: () => TODAY, verifier: verifierAt() };

  /** Everything an action could change, to show a refused request changed nothing. */
  const snapshot = async () => {
    const requests: unknown[] = [];
    for await (const request of store.listAll()) requests.push({ request, audit: await store.auditTrail(request.id) });
    return JSON.stringify({
      requests,
      size: store.size,
      mails: mailer.attempts.length,
      started: workflow.attempts,
      callbacks: [callbacks.attempts, callbacks.failed],
      triage: inbox.triage,
      resolved: [...inbox.resolvedTriage],
      objects: [...objects.objects.keys()],
      postalLetters: [...postalLetters.letters.values()],
    });
  };

  return {
    deps,
    apiDeps,
    store,
    inbox,
    objects,
    data,
    mailer,
    callbacks,
    workflow,
    log,
    snapshot,
    /** As the local gateway routes: its own sign-in page in local mode, everything else to the console. */
    console: (event: APIGatewayProxyEventV2) =>
      deps.signIn.kind === 'local' && (LOCAL_SIGN_IN_ROUTES as readonly string[]).includes(event.routeKey)
        ? serveLocalSignIn(localGateway, event)
        : serveStaffConsole(deps, event),
    api: (event: APIGatewayProxyEventV2) => serveStaffApi(apiDeps, event),
    /**
     * A refused action as the browser goes on with it (post/redirect/get): asserts the 303 back to
     * the case with the refusal cookie, then loads the case page with that cookie and the session.
     */
    followRefusal: async (refused: APIGatewayProxyStructuredResultV2, token: string = TOKENS.staff) => {
      expect(refused.statusCode).toBe(303);
      const location = String(refused.headers?.location);
      const id = /^\/console\/requests\/([^/?]+)$/.exec(location)?.[1];
      const cookie = (refused.cookies ?? []).find((entry) => entry.startsWith(`${CASE_REFUSAL_COOKIE}=`));
      expect(id, location).toBeDefined();
      expect(cookie).toBeDefined();
      const event = routeEvent({ method: 'GET', path: '/console/requests/{id}' }, { token, cookies: [cookie!.split(';')[0]!] });
      event.pathParameters = { id: decodeURIComponent(id!) };
      event.rawPath = location;
      return serveStaffConsole(deps, event);
    },
  };
}

export type ConsoleWorld = ReturnType<typeof consoleWorld>;

/** The staff routes of the shared table, console and API alike. */
export const STAFF_ROUTES = HTTP_ROUTES.filter(
  (route) => (isConsoleRoute(route) || route.function === 'staff-api') && route.auth !== 'public',
);
export const CONSOLE_POST_ROUTES = STAFF_ROUTES.filter((route) => isConsoleRoute(route) && route.method === 'POST');

const PATH_PARAMETERS: Readonly<Record<string, string>> = { id: REQUEST_ID, inboxId: INBOX_ID };

/** A route's path with its `{param}`s filled in, and the parameters as API Gateway passes them. */
export function concretePath(path: string): { readonly rawPath: string; readonly pathParameters?: Record<string, string> } {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const pathParameters = Object.fromEntries(names.map((name) => [name, PATH_PARAMETERS[name] ?? `${name}-1`]));
  const rawPath = path.replace(/\{(\w+)\}/g, (_, name: string) => pathParameters[name]!);
  return { rawPath, ...(names.length > 0 ? { pathParameters } : {}) };
}

export interface RouteCall {
  readonly token?: string;
  /** How the token travels: the console's session cookie (default) or a Bearer header. */
  readonly via?: 'cookie' | 'bearer';
  readonly headers?: Record<string, string>;
  readonly form?: readonly (readonly [string, string])[];
  readonly json?: unknown;
  readonly query?: Record<string, string>;
  readonly cookies?: readonly string[];
}

/** An HTTP API event for a route of the table, as the gateway would send it. */
export function routeEvent(route: { readonly method: string; readonly path: string }, call: RouteCall = {}): APIGatewayProxyEventV2 {
  const { rawPath, pathParameters } = concretePath(route.path);
  const headers: Record<string, string> = { ...(call.headers ?? {}) };
  let body: string | undefined;
  if (call.form !== undefined && route.path.endsWith('/mandate-document')) {
    // The one upload form: multipart, with a small PDF as its file.
    ({ contentType: headers['content-type'], body } = multipartForm(call.form, A_MANDATE_PDF));
  } else if (call.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(call.form.map(([name, value]) => [name, value])).toString();
  } else if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  if (call.token !== undefined && call.via === 'bearer') headers.authorization = `Bearer ${call.token}`;
  const event = httpEvent({
    method: route.method,
    routeKey: `${route.method} ${route.path}`,
    path: rawPath,
    headers,
    ...(pathParameters && { pathParameters }),
    ...(call.query && { query: call.query }),
    ...(body !== undefined && { body }),
  });
  const cookies = [...(call.cookies ?? []), ...(call.token !== undefined && call.via !== 'bearer' ? [`dsr_session=${call.token}`] : [])];
  if (cookies.length > 0) event.cookies = cookies;
  return event;
}

/** A minimal PDF as a mandate document (the magic bytes are what the console checks). */
export const A_MANDATE_PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A `multipart/form-data` body with text fields and one `file` (ASCII content), as a browser sends an upload. */
export function multipartForm(fields: readonly (readonly [string, string])[], file: string, fileName = 'fullmakt.pdf'): { contentType: string; body: string } {
  const boundary = '----console-test-boundary-7d1f';
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n${file}\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` };
}

/** Options for a main case a parent sent for a child, waiting for approval; `attached` puts a mandate document with it. */
export const representedCaseOptions = ({ attached = false } = {}): WorldOptions => ({
  request: {
    representative: { name: 'Mor Nordmann', relation: 'parent', email: 'mor.nordmann@example.no' },
    ...(attached && {
      mandate: {
        status: 'attached',
        document: {
          key: OBJECT_KEYS.mandate(REQUEST_ID, 'pdf'),
          contentType: 'application/pdf',
          bytes: A_MANDATE_PDF.length,
          sha256: '0'.repeat(64),
          attachedBy: 'staff:kari.saksbehandler',
          attachedAt: '2026-11-30T09:00:00.000+01:00',
        },
      },
    }),
  },
});

/** Same-origin browser headers, as a console page's own form sends them. */
export const SAME_ORIGIN = { origin: BASE_URL, 'sec-fetch-site': 'same-origin' } as const;

/** The CSRF field of a session. */
export const csrfOf = (token: string): readonly [string, string] => ['csrf', csrfToken(token)];

/** A form for each console POST route that, sent properly, carries out the action. */
/** A reply by post to the main case, recorded and not posted yet. */
export const A_POSTAL_LETTER: PostalLetter = {
  requestId: REQUEST_ID,
  letterId: 'reply',
  purpose: 'reply',
  recordedAt: '2026-11-30T08:00:00.000Z',
  subject: 'Svar på henvendelsen din',
  text: 'Hei,\nvi har behandlet henvendelsen din.',
  postal: { recipient: { name: 'Kari Nordmann', address: { street: 'Storgata 1', postalCode: '0155', city: 'Oslo' } }, date: '2026-11-30', language: 'nb' },
};

export const ACTION_FORMS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  '/console/requests/{id}/posted': [['letter', 'reply']],
  '/console/requests/{id}/decision': [['outcome', 'approved']],
  '/console/requests/{id}/verify': [['reason', 'Ringte registrert nummer og bekreftet kundeforholdet.']],
  '/console/requests/{id}/extend': [['reason', 'Saken omfatter svært mange opplysninger fra flere systemer.']],
  '/console/requests/{id}/note': [['text', 'Ringte kunden, venter på svar.']],
  '/console/requests/{id}/take': [],
  '/console/requests/{id}/merge': [['into', OTHER_ID], ['reason', 'Samme person sendte samme krav to ganger.']],
  '/console/requests/{id}/close': [['ground', 'excessive'], ['reason', 'Personen har sendt det samme kravet tolv ganger denne uken.']],
  '/console/requests/{id}/restriction': [['restriction_ground', 'a'], ['scope', 'profile'], ['scope', 'door_event']],
  '/console/requests/{id}/lift-restriction': [['reason', 'Opplysningene er kontrollert og riktige.']],
  '/console/requests/{id}/dispute': [['reason', 'Adressen stemmer med folkeregisteret.']],
  '/console/requests/{id}/identity': [['identity_action', 'no_match'], ['reason', 'Ringte nummeret; personen er ikke kunden.']],
  '/console/requests/{id}/message': [['template', 'clarification'], ['language', 'nn'], ['text', 'Gjeld det berre abonnementet på Grünerløkka?'], ['message_key', '0b1e6a52-4c0e-4d8e-9a77-5a1c2f3e4d5b']],
  '/console/requests/{id}/plan': [['plan_action', 'keep'], ['records', 'door_event:*'], ['ground', 'legal_claim'], ['until', '2027-06-30']],
  '/console/requests/{id}/mandate-document': [],
  '/console/requests/{id}/mandate': [['outcome', 'accepted'], ['mandate_scope', 'access'], ['valid_until', '2027-06-30'], ['note', 'Fødselsattest viser at mor har foreldreansvar.']],
  '/console/intake': [],
  '/console/triage/{inboxId}/case': [['types', 'access'], ['language', 'nb']],
  '/console/triage/{inboxId}/dismiss': [['reason', 'Fakturaspørsmål, sendt videre til kundeservice.']],
};

/** The intake form of a phone call two days before {@link NOW}. */
export const intakeForm = (overrides: Record<string, string> = {}): [string, string][] => {
  const fields: Record<string, string> = {
    channel: 'phone',
    received_date: '2026-11-29',
    received_time: '14:05',
    name: 'Ola Nordmann',
    email: 'ola.nordmann@example.no',
    language: 'nb',
    intake_note: 'Ringte sentralbordet, tatt imot av Kari.',
    idempotencyKey: '6f1d2c9a-1b7e-4c1a-9f3e-2a5b8c7d9e01',
    ...overrides,
  };
  return [...Object.entries(fields).filter(([, value]) => value !== ''), ['types', 'access']];
};

export const header = (response: APIGatewayProxyStructuredResultV2, name: string): string | undefined => {
  const value = response.headers?.[name];
  return value === undefined ? undefined : String(value);
};

/** The Set-Cookie values of a response that set the named cookie. */
export const setCookies = (response: APIGatewayProxyStructuredResultV2, name: string): string[] =>
  (response.cookies ?? []).filter((cookie) => cookie.startsWith(`${name}=`));
