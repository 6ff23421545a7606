import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';
import { vi } from 'vitest';
import { otherThanMarketingStop, stopsMarketing, type RequestType } from '../../functions/domain/request/request-vocabulary.js';
import { OBJECT_KEYS } from '../../functions/domain/storage/object-store.js';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import {
  localFunctionArn,
  localStateMachineArn,
  substituteDefinition,
  WORKFLOW_DEFINITION_URL,
  type AslDefinition,
} from '../../infra/local/step-functions/load-definition.js';
import { LocalStepFunctions } from '../../infra/local/step-functions/local-executor.js';

/**
 * The functions the workflow under test calls, keyed by the `${...}` substitution name in the ASL.
 * Once `functions/workflow-steps/workflow-functions.ts` lists every function the ASL names, this is
 * exactly WORKFLOW_FUNCTIONS.
 */
export const FUNCTIONS_UNDER_TEST = {
  ...WORKFLOW_FUNCTIONS,
} as const;

export type SubstitutionName = keyof typeof FUNCTIONS_UNDER_TEST;
export type FunctionFolder = (typeof FUNCTIONS_UNDER_TEST)[SubstitutionName];

/** Local ARNs for {@link FUNCTIONS_UNDER_TEST}, as `localSubstitutions()` derives them. */
export function substitutionsUnderTest(): Record<SubstitutionName, string> {
  const entries = Object.entries(FUNCTIONS_UNDER_TEST).map(([name, folder]) => [name, localFunctionArn(folder)]);
  return Object.fromEntries(entries) as Record<SubstitutionName, string>;
}

/**
 * The one place the harness reads the workflow: the deployed ASL with every placeholder filled
 * (strictly: a placeholder without substitution, or an unused substitution, throws).
 */
export function loadDefinitionUnderTest(): AslDefinition {
  const file: string | URL =
    WORKFLOW_DEFINITION_URL;
  return substituteDefinition(JSON.parse(readFileSync(file, 'utf8')) as unknown, substitutionsUnderTest());
}

/** Zero-delay retries for every state with a Retry block (Parallel branch states included). */
export const INSTANT_RETRIES: Record<string, number> = {
  Acknowledge: 0,
  StopMarketing: 0,
  StartVerification: 0,
  AwaitVerification: 0,
  SendVerificationReminder: 0,
  AwaitVerificationAfterReminder: 0,
  CloseUnverified: 0,
  GatherSubscriptions: 0,
  GatherBilling: 0,
  GatherAccessLog: 0,
  PlanRequest: 0,
  RestrictWhileAssessing: 0,
  AwaitDecision: 0,
  ReadDecision: 0,
  CarryOut: 0,
  NotifyRecipients: 0,
  SendReply: 0,
  SendRefusal: 0,
  LiftObjectionRestriction: 0,
  CloseRequest: 0,
  FlagNeedsAttention: 0,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Timeouts of the waiting states, in ms (their `TimeoutSeconds`). */
export const VERIFICATION_TIMEOUT_MS = 259_200 * 1000; // AwaitVerification: 3 days
export const VERIFICATION_AFTER_REMINDER_TIMEOUT_MS = 950_400 * 1000; // AwaitVerificationAfterReminder: 11 days
export const DECISION_TIMEOUT_MS = 8_208_000 * 1000; // AwaitDecision: 95 days

/** The payload the waiting functions (await-verification, await-decision) receive. */
export interface AwaitTokenEvent {
  requestId: string;
  taskToken: string;
}

/** The payload FlagNeedsAttention's function receives. */
export interface FlagEvent {
  requestId: string;
  failure: { Error: string; Cause: string };
}

/** Errors the workflow's Retry/Catch blocks match by name, defined here like the handlers do. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}
export class DecisionAlreadyRecordedError extends Error {
  override readonly name = 'DecisionAlreadyRecordedError';
}
export class AlreadyVerifiedError extends Error {
  override readonly name = 'AlreadyVerifiedError';
}
export class RequestNotFoundError extends Error {
  override readonly name = 'RequestNotFoundError';
}

/** A request as the fake functions know it: type and the requester's personal data. */
export interface FakeRequest {
  type: RequestType;
  /** Every right asked for, when more than `type` (a split request); `[type]` otherwise. */
  types?: RequestType[];
  name: string;
  email: string;
  phone: string;
}

/** The requester every fake request belongs to unless a test says otherwise. */
export const REQUESTER = {
  name: 'Kari Nordmann',
  email: 'kari.nordmann@example.no',
  phone: '+47 912 34 567',
} as const;

/** Everything personal the fakes know; none of it may appear in the execution's state data. */
export const KNOWN_PERSONAL_DATA: readonly string[] = [
  REQUESTER.name,
  REQUESTER.email,
  REQUESTER.phone,
  'NO93 8601 1117 947',
  '10.20.30.40',
];

/**
 * What the fake functions act on: the requests, the customer data they gather, the encrypted
 * object store they write it to, and what carrying out did.
 */
export interface FakeWorld {
  readonly requests: Map<string, FakeRequest>;
  /** The fake encrypted bucket: key → JSON text. The only place gathered personal data goes. */
  readonly objects: Map<string, string>;
  /** Actions CarryOut performed, in order; never undone by the workflow. */
  readonly actions: { requestId: string; type: RequestType; action: string }[];
  request(requestId: string): FakeRequest;
}

/** A fake function: receives the event (after the JSON round trip Lambda does) and the world. */
export type FakeBehaviour = (event: unknown, world: FakeWorld) => Promise<unknown>;

/** The real workflow ASL wired to recording fake handlers, one per workflow function. */
export interface FakeWorkflow {
  readonly executor: LocalStepFunctions;
  readonly stateMachineArn: string;
  readonly world: FakeWorld;
  /** Every event each function received, in order. */
  readonly calls: Record<FunctionFolder, unknown[]>;
  /** Resolves with the `n`th (1-based) event `folder` receives, now or later (rejects after 10 s of real time). */
  called<T = unknown>(folder: FunctionFolder, n?: number): Promise<T>;
  /** Starts an execution for `requestId` and returns its ARN. */
  start(requestId?: string, name?: string): string;
  /** Waits for the `n`th call of await-verification and completes its wait (the code was entered). */
  verify(n?: number): Promise<AwaitTokenEvent>;
  /** Waits for the `n`th AwaitDecision wait and completes it with `{ outcome }`. */
  decide(outcome: string, n?: number): Promise<AwaitTokenEvent>;
}

export interface FakeWorkflowOptions {
  /** Replaces a function's default behaviour (see DEFAULT_BEHAVIOURS; otherwise `{ ok: true }`). */
  behaviours?: Partial<Record<FunctionFolder, FakeBehaviour>>;
  retryIntervalOverrides?: Record<string, number | number[]>;
  /** Requests the fakes know; any other request id is an access request by {@link REQUESTER}. */
  requests?: Record<string, Partial<FakeRequest>>;
}

/** Gathers one store's records for the request into the fake bucket; returns the key and count only. */
function gatherInto(
  source: 'subscriptions' | 'billing' | 'access-log',
  records: (request: FakeRequest) => object[],
): FakeBehaviour {
  return async (event, world) => {
    const { requestId } = event as { requestId: string };
    const found = records(world.request(requestId));
    const key = OBJECT_KEYS.gathered(requestId, source);
    world.objects.set(key, JSON.stringify(found));
    return { key, records: found.length };
  };
}

const typesOf = (request: FakeRequest): RequestType[] => request.types ?? [request.type];

const DEFAULT_BEHAVIOURS: Partial<Record<FunctionFolder, FakeBehaviour>> = {
  acknowledge: async (event, world) => {
    const types = typesOf(world.request((event as { requestId: string }).requestId));
    return { acknowledged: true, marketingStop: stopsMarketing(types), processingObjection: types.includes('processing_objection') };
  },
  'stop-marketing': async (event, world) => {
    const { requestId } = event as { requestId: string };
    const request = world.request(requestId);
    world.actions.push({ requestId, type: request.type, action: 'marketing-stopped' });
    return { otherRights: otherThanMarketingStop(typesOf(request)).length > 0 };
  },
  'restrict-processing': async (event, world) => {
    const { requestId, action } = event as { requestId: string; action: string };
    world.actions.push({ requestId, type: world.request(requestId).type, action: `purpose-${action}` });
    return action === 'restrict' ? { restricted: 1 } : { lifted: 1 };
  },
  'start-verification': async () => ({ alreadyVerified: false }),
  'gather-subscriptions': gatherInto('subscriptions', (r) => [
    { email: r.email, product: 'Nærkontor Pluss', since: '2021-03-01' },
    { email: r.email, product: 'Nyhetsbrev', since: '2023-09-12' },
  ]),
  'gather-billing': gatherInto('billing', (r) => [
    { name: r.name, account: 'NO93 8601 1117 947', amount: 349, date: '2024-11-01' },
  ]),
  'gather-access-log': gatherInto('access-log', (r) => [
    { email: r.email, ip: '10.20.30.40', at: '2025-01-02T08:00:00Z' },
    { phone: r.phone, at: '2025-01-03T09:30:00Z' },
    { email: r.email, ip: '10.20.30.40', at: '2025-01-04T10:15:00Z' },
  ]),
  'plan-request': async (event, world) => {
    const { requestId } = event as { requestId: string };
    const key = OBJECT_KEYS.plan(requestId);
    world.objects.set(key, JSON.stringify({ type: world.request(requestId).type, sources: [...world.objects.keys()] }));
    return { key };
  },
  'read-decision': async () => ({ outcome: 'approved' }),
  'carry-out': async (event, world) => {
    const { requestId } = event as { requestId: string };
    world.actions.push({ requestId, type: world.request(requestId).type, action: 'done' });
    return { actions: 1 };
  },
  'notify-recipients': async () => ({ notified: 2 }),
};

/** How long `called` waits, in real time: every fake handler settles within microtasks. */
const CALLED_WITHIN_MS = 10_000;
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

const created = new Set<LocalStepFunctions>();

/** Stops every execution still running in a fake workflow (for afterEach: a failed test leaves waits behind). */
export function stopFakeWorkflows(): void {
  for (const executor of created) executor.stopAll();
  created.clear();
}

/** Builds a {@link FakeWorkflow}; handlers are plain async functions that record their events. */
export function createFakeWorkflow(options: FakeWorkflowOptions = {}): FakeWorkflow {
  const folders = Object.values(FUNCTIONS_UNDER_TEST);
  const calls = Object.fromEntries(folders.map((folder) => [folder, [] as unknown[]])) as Record<FunctionFolder, unknown[]>;
  const requests = new Map<string, FakeRequest>(
    Object.entries(options.requests ?? {}).map(([id, request]) => [id, { type: 'access', ...REQUESTER, ...request }]),
  );
  const world: FakeWorld = {
    requests,
    objects: new Map(),
    actions: [],
    request: (requestId) => requests.get(requestId) ?? { type: 'access', ...REQUESTER },
  };
  const waiters: { folder: FunctionFolder; n: number; resolve: (event: unknown) => void }[] = [];
  const handlers: Record<string, (event: unknown) => Promise<unknown>> = {};
  for (const folder of folders) {
    handlers[localFunctionArn(folder)] = async (event) => {
      calls[folder].push(event);
      for (const waiter of waiters.filter((w) => w.folder === folder && w.n === calls[folder].length)) {
        waiter.resolve(event);
      }
      const behaviour = options.behaviours?.[folder] ?? DEFAULT_BEHAVIOURS[folder];
      return behaviour ? behaviour(event, world) : { ok: true };
    };
  }
  const stateMachineArn = localStateMachineArn();
  const executor = new LocalStepFunctions({
    definition: loadDefinitionUnderTest(),
    handlers,
    stateMachineArn,
    ...(options.retryIntervalOverrides ? { retryIntervalOverrides: options.retryIntervalOverrides } : {}),
  });
  created.add(executor);
  const called = <T>(folder: FunctionFolder, n = 1) =>
    new Promise<T>((resolve, reject) => {
      const seen = calls[folder][n - 1];
      if (seen !== undefined) return resolve(seen as T);
      // On the real clock, so a path that never gets here fails fast even under fake timers.
      const timer = realSetTimeout(() => {
        reject(new Error(`${folder} was not called ${n} time(s) within ${CALLED_WITHIN_MS} ms (calls: ${calls[folder].length})`));
      }, CALLED_WITHIN_MS);
      waiters.push({
        folder,
        n,
        resolve: (event) => {
          realClearTimeout(timer);
          resolve(event as T);
        },
      });
    });
  return {
    executor,
    stateMachineArn,
    world,
    calls,
    called,
    start: (requestId = 'REQ-1', name) =>
      executor.startExecution({
        stateMachineArn,
        ...(name ? { name } : {}),
        input: JSON.stringify({ requestId }),
      }).executionArn,
    verify: async (n = 1) => {
      const event = await called<AwaitTokenEvent>('await-verification', n);
      executor.sendTaskSuccess(event.taskToken, JSON.stringify({ verified: true }));
      return event;
    },
    decide: async (outcome, n = 1) => {
      const event = await called<AwaitTokenEvent>('await-decision', n);
      executor.sendTaskSuccess(event.taskToken, JSON.stringify({ outcome }));
      return event;
    },
  };
}

/** The states every execution passes before the identity check. */
export const INTAKE = ['Acknowledge', 'StopsMarketing', 'StartVerification', 'IsAlreadyVerified'] as const;
/** The Parallel state and its branch states, as the history records them. */
export const GATHER = ['Gather', 'GatherSubscriptions', 'GatherBilling', 'GatherAccessLog'] as const;

/** One state's data as the execution carried it: what a state received or passed on. */
export interface StateData {
  event: string;
  state?: string;
  data: unknown;
}

/** Records the state data of every execution run while it is active. */
export interface StateDataTrace {
  readonly entries: StateData[];
  stop(): void;
}

/**
 * Records what every state received and passed on (execution input and output included), by
 * tapping the event log of each run of the library's state machine, the one the executor reads its
 * history from (Parallel branches run their own state machines; their events are tapped too).
 * Test-only observation: nothing about the run changes.
 */
export function traceStateData(): StateDataTrace {
  const entries: StateData[] = [];
  const original = StateMachine.prototype.run;
  const spy = vi.spyOn(StateMachine.prototype, 'run').mockImplementation(function (this: StateMachine, ...args) {
    const execution = original.apply(this, args);
    return { ...execution, eventLogs: tap(execution.eventLogs, entries) };
  });
  return { entries, stop: () => spy.mockRestore() };
}

type EventLogs = ReturnType<StateMachine['run']>['eventLogs'];

async function* tap(source: EventLogs, entries: StateData[]): EventLogs {
  for await (const event of source) {
    const logged = event as { type: string; input?: unknown; output?: unknown; state?: { name: string; input?: unknown; output?: unknown } };
    if (logged.type === 'ExecutionStarted') entries.push({ event: logged.type, data: logged.input });
    if (logged.type === 'ExecutionSucceeded') entries.push({ event: logged.type, data: logged.output });
    if (logged.type === 'StateEntered') entries.push({ event: logged.type, state: logged.state?.name, data: logged.state?.input });
    if (logged.type === 'StateExited') entries.push({ event: logged.type, state: logged.state?.name, data: logged.state?.output });
    yield event;
  }
}
