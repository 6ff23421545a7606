import { readdirSync, readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getStoreReadonly } from 'aws-ses-v2-local/dist/store.js';
import { createTransport } from 'nodemailer';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { DynamoDbRequestStore } from '../functions/adapters/dynamodb/dynamodb-request-store.js';
import { REQUEST_TYPES, type RequestType } from '../functions/domain/request/request-vocabulary.js';
import { LOCAL_SENDER, type LocalStack } from '../infra/local/local-stack.js';
import { dynamoDbSeedTargets, seedStores } from '../infra/local/seed/seed-stores.js';
import { syntheticCustomers } from '../infra/local/seed/synthetic-customers.js';
import { executionArnFor } from '../infra/local/step-functions/arns.js';
import { localStaffToken } from '../test/support/staff-token.js';
import { nearestRankPercentile } from '../functions/domain/case-register/percentile.js';

/** What {@link workflowLoad} measured. */
export interface WorkflowLoadFigures {
  readonly requests: number;
  readonly byChannel: Readonly<Record<'web' | 'email', number>>;
  readonly byType: Readonly<Record<string, number>>;
  /** Requests whose execution ended SUCCEEDED with the request closed. */
  readonly closed: number;
  /** Requests submitted but not found, or found more than once (must both be 0). */
  readonly lost: number;
  /** Requests that did not close, by where they stopped (empty when all closed). */
  readonly unfinished: Readonly<Record<string, number>>;
  readonly duplicated: number;
  readonly seconds: number;
  readonly closedPerSecond: number;
  readonly acknowledgementMillis: { readonly p50: number; readonly p95: number };
  readonly closingMillis: { readonly p50: number; readonly p95: number };
  /** Peak resident memory of the Node process running the local runtime, and of DynamoDB Local. */
  readonly peakMemoryMiB: { readonly runtime: number; readonly dynamoDbLocal: number };
  /**
   * CPU time spent from the first submission to the last closing by the Node process (runtime and
   * this driver) and by DynamoDB Local: steadier than wall-clock time on a shared machine, and
   * what bounds throughput (both together cannot exceed the cores × seconds).
   */
  readonly cpuSeconds: { readonly runtime: number; readonly dynamoDbLocal: number };
  /** CPU seconds (runtime and DynamoDB Local together) a request, over the submitted requests. */
  readonly cpuSecondsPerRequest: number;
  /**
   * AWS calls the runtime made a request (to DynamoDB, S3, SES and Step Functions, from every
   * function and the stack itself), over the submitted requests: each one costs CPU both in the
   * runtime (SDK, signing, sockets) and in the emulator.
   */
  readonly awsCallsPerRequest: { readonly total: number; readonly byService: Readonly<Record<string, number>> };
  /**
   * Mails the inbox answered «try again later» (4xx), sent again as a mail server would, and
   * codes entered again after the verify page answered 5xx, as a requester would.
   */
  readonly retries: { readonly mail: number; readonly verify: number };
}

/** Phrases the mail recogniser reads as a clear request of one type (as customers write them). */
const MAIL_PHRASE: Partial<Record<RequestType, string>> = {
  access: 'Jeg ber om innsyn i alle personopplysninger dere har registrert om meg.',
  erasure: 'Jeg ber dere slette alle personopplysninger dere har om meg.',
  portability: 'Jeg ønsker å få utlevert mine personopplysninger i et maskinlesbart format (dataportabilitet).',
  restriction: 'Jeg krever at dere begrenser behandlingen av personopplysningene mine.',
  consent_withdrawal: 'Jeg trekker tilbake samtykket mitt til nyhetsbrev og markedsføring.',
};

interface Tracked {
  readonly id: string;
  readonly type: RequestType;
  readonly channel: 'web' | 'email';
  readonly submittedAt: number;
  acknowledgedAt?: number;
  closedAt?: number;
  codeEntered?: boolean;
  /** Where the journey is, for reporting requests that never closed. */
  phase?: 'awaiting code mail' | 'awaiting decision step' | 'awaiting end' | 'ended unsuccessfully' | `decision answered ${number}`;
}

/**
 * Drives `total` requests (form and mail mixed, every request type) through the whole local
 * workflow on seeded customers — acknowledgement, the code from the mail entered on the verify
 * page, staff approval through the staff API (two people for an erasure), carrying out, reply,
 * closing — and measures throughput, latency and the runtime's memory. Nothing may be lost or
 * started twice.
 */
export async function workflowLoad(
  stack: LocalStack,
  options: { total: number; concurrency: number; mailShare?: number; timeoutSeconds?: number },
): Promise<WorkflowLoadFigures> {
  const { total, concurrency } = options;
  const mailShare = options.mailShare ?? 0.3;
  const dynamoDb = new DynamoDBClient({});
  const store = new DynamoDbRequestStore(dynamoDb, stack.environment.REQUESTS_TABLE_NAME!);
  const types = REQUEST_TYPES;
  const people = Array.from({ length: total }, (_, index) => ({
    name: `Last Person ${index}`,
    email: `load.${index}.${process.pid}@example.no`,
    subscriptions: index % 3 === 0 ? ('active' as const) : ('ended' as const),
  }));
  await seedStores(
    dynamoDbSeedTargets(dynamoDb, LOCAL_CUSTOMER_DATA_TABLE_NAMES),
    syntheticCustomers({ count: total, seed: 77, now: new Date(), featured: people, doorEventsPerCustomer: 20 }),
    { concurrency: 16 },
  );

  const memory = sampleMemory(stack.urls.dynamodb);
  const mail = createTransport({ host: '127.0.0.1', port: Number(new URL(stack.urls.smtp).port), secure: false, ignoreTLS: true, pool: true, maxConnections: 4 });
  const tracked = new Map<string, Tracked>();
  const pendingMail = new Map<string, { type: RequestType; submittedAt: number }>();
  const callsAtStart = await stack.awsCalls();
  mailRetries = 0;
  verifyRetries = 0;
  const started = Date.now();

  // Submit: form POSTs and mails, `concurrency` in flight.
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const person = people[index]!;
        const type = types[index % types.length]!;
        const byMail = MAIL_PHRASE[type] !== undefined && (index * 7919) % 100 < mailShare * 100;
        const submittedAt = Date.now();
        if (byMail) {
          pendingMail.set(person.email, { type, submittedAt });
          await sendAsMailServersDo(() =>
            mail.sendMail({
              from: `${person.name} <${person.email}>`,
              to: LOCAL_SENDER,
              subject: 'Personopplysninger',
              text: `Hei,\n\n${MAIL_PHRASE[type]}\n\nHilsen ${person.name}`,
            }),
          );
        } else {
          const response = await fetch(new URL('/api/requests', stack.urls.app), {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `load-${process.pid}-${index}` },
            body: JSON.stringify({ name: person.name, email: person.email, types: [type], language: 'nb' }),
          });
          const body = (await response.json()) as { id?: string };
          if (response.status !== 202 || !body.id) throw new Error(`intake answered ${response.status}`);
          tracked.set(body.id, { id: body.id, type, channel: 'web', submittedAt });
        }
      }
    }),
  );
  mail.close();

  // Work every case as the requester and staff would: the code from the mail on the verify page,
  // then staff approval once the workflow waits for it. The runtime's own view (which task waits,
  // when an execution ends) is read in memory, so watching adds no load to the emulators.
  const tokens = new Map<string, string>();
  const token = (staff: string): string => {
    if (!tokens.has(staff)) tokens.set(staff, localStaffToken(stack.environment, staff));
    return tokens.get(staff)!;
  };
  const codes = new Map<string, string>();
  /** Reference → the address its first letter went to: two references for one person is a duplicate. */
  const acknowledgements = new Map<string, string | undefined>();
  const journeys = new Map<string, Promise<void>>();
  let seenMails = 0;
  const readOutbox = (): void => {
    const emails = getStoreReadonly().emails;
    for (; seenMails < emails.length; seenMails++) {
      const sent = emails[seenMails]!;
      const reference = /referanse (NK-[0-9A-Z-]+)/.exec(sent.subject ?? '')?.[1];
      if (!reference) continue;
      // A mail request is known by its first letter (a marketing stop gets only its confirmation).
      const known = tracked.get(reference) ?? adoptMailRequest(reference, sent.destination?.to?.[0]);
      if (known && known.acknowledgedAt === undefined) {
        known.acknowledgedAt = Date.now();
        acknowledgements.set(reference, addressOf(sent.destination?.to?.[0]));
      }
      const code = /\b(\d{6})\b/.exec(sent.body?.text ?? '')?.[1];
      if (code && /Engangskode/.test(sent.subject ?? '')) codes.set(reference, code);
    }
    for (const request of tracked.values()) if (!journeys.has(request.id)) journeys.set(request.id, journey(request));
  };
  const watcher = setInterval(readOutbox, 20);
  const deadline = Date.now() + (options.timeoutSeconds ?? Number(process.env.BENCH_LOAD_TIMEOUT_SECONDS ?? 600)) * 1000;
  // A mail the inbox did not turn into a case is never acknowledged: stop waiting for it once
  // no new case has appeared for a while, and count it as not started.
  let lastAdoption = Date.now();
  let adopted = journeys.size;
  while (journeys.size < total && Date.now() < deadline && Date.now() - lastAdoption < 30_000) {
    await pause(50);
    if (journeys.size !== adopted) {
      adopted = journeys.size;
      lastAdoption = Date.now();
    }
  }
  // The deadline's timer is cleared once every journey ended, so the process exits at once.
  let deadlineTimer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(journeys.values()),
    new Promise<void>((resolve) => (deadlineTimer = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
  ]);
  clearTimeout(deadlineTimer);
  clearInterval(watcher);
  const seconds = (Date.now() - started) / 1000;
  const { peak, cpuSeconds } = memory.stop();
  const callsAtEnd = await stack.awsCalls();

  function adoptMailRequest(reference: string, to: string | undefined): Tracked | undefined {
    const address = addressOf(to);
    const pending = address ? pendingMail.get(address) : undefined;
    if (!pending || !address) return undefined;
    pendingMail.delete(address);
    const adopted: Tracked = { id: reference, type: pending.type, channel: 'email', submittedAt: pending.submittedAt };
    tracked.set(reference, adopted);
    return adopted;
  }

  /**
   * One request's path as its requester and staff walk it: whatever the workflow waits for next
   * (the code, a decision) is given, until the execution ends. A marketing stop ends without either.
   */
  async function journey(request: Tracked): Promise<void> {
    const executionArn = executionArnFor(stack.environment.STATE_MACHINE_ARN!, request.id);
    const waitingIn = (state: string): boolean =>
      stack.executor.pendingTaskTokens(executionArn).some((pending) => pending.stateName === state);
    const running = (): boolean => {
      try {
        return stack.executor.describeExecution(executionArn).status === 'RUNNING';
      } catch {
        return true; // not started yet
      }
    };
    request.phase = 'awaiting code mail';
    while (running()) {
      if (!request.codeEntered && waitingIn('AwaitVerification') && codes.has(request.id)) {
        // A requester shown an error page (5xx) enters the code again, a few times.
        for (let attempt = 1; ; attempt++) {
          const verified = await fetch(new URL(`/verify/${request.id}`, stack.urls.app), {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ code: codes.get(request.id)! }).toString(),
            redirect: 'manual',
          });
          await verified.arrayBuffer();
          if (verified.status < 500 || attempt >= 10) break;
          verifyRetries += 1;
          await pause(200 * attempt);
        }
        request.codeEntered = true;
        request.phase = 'awaiting decision step';
      } else if (waitingIn('AwaitDecision')) {
        const refused = await decide(request);
        if (refused) return;
        request.phase = 'awaiting end';
        break;
      }
      // Every running request is looked at this often: with a thousand of them, more often
      // would spend the runtime's main thread on the bench rather than on the workflow.
      await pause(50);
    }
    const ended = await stack.executor.waitForCompletion(executionArn);
    if (ended.status === 'SUCCEEDED') request.closedAt = Date.now();
    request.phase = ended.status === 'SUCCEEDED' ? undefined : 'ended unsuccessfully';
  }

  /** Staff approve as the rules ask: a restriction's ground and scope first, a written balancing for Art. 21(1), two people for an erasure. */
  async function decide(request: Tracked): Promise<boolean> {
    const post = async (path: string, staff: string, body: unknown): Promise<number> => {
      // A busy case can answer 409 (a step wrote first), a busy dependency 503: staff would simply press again.
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(new URL(`/api/staff/requests/${request.id}/${path}`, stack.urls.app), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token(staff)}` },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        if ((response.status !== 409 && response.status !== 503) || attempt >= 20) return response.status;
        await pause(100 * attempt);
      }
    };
    if (request.type === 'restriction') {
      const status = await post('restriction', 'anne', { ground: 'a', scope: ['profile'] });
      if (status >= 300) {
        request.phase = `decision answered ${status}`;
        return true;
      }
    }
    const body =
      request.type === 'rectification'
        ? { outcome: 'approved', corrections: [{ field: 'phone', to: '+4791234567' }] }
        : request.type === 'processing_objection'
          ? { outcome: 'approved', reason: 'Vi har veid interessene og tar innsigelsen til følge for analyseformålet.' }
          : { outcome: 'approved' };
    for (const staff of request.type === 'erasure' ? ['anne', 'bjorn'] : ['anne']) {
      const status = await post('decision', staff, body);
      if (status >= 300) {
        request.phase = `decision answered ${status}`;
        return true;
      }
    }
    return false;
  }

  const all = [...tracked.values()];
  const ids = all.map((request) => request.id);
  const found = await Promise.all(ids.map((id) => store.get(id)));
  const closedRecords = found.filter((record) => record?.status === 'closed').length;
  const acknowledgedPeople = [...acknowledgements.values()];
  const acknowledgement = all.filter((r) => r.acknowledgedAt !== undefined).map((r) => r.acknowledgedAt! - r.submittedAt).sort((a, b) => a - b);
  const closing = all.filter((r) => r.closedAt !== undefined).map((r) => r.closedAt! - r.submittedAt).sort((a, b) => a - b);
  const count = (key: (r: Tracked) => string, keep: (key: string) => boolean = () => true): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const request of all) {
      const name = key(request);
      if (keep(name)) counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  };
  return {
    requests: total,
    byChannel: { web: all.filter((r) => r.channel === 'web').length, email: all.filter((r) => r.channel === 'email').length },
    byType: count((r) => r.type),
    closed: Math.min(closing.length, closedRecords),
    lost: total - found.filter(Boolean).length,
    unfinished: {
      ...(pendingMail.size > 0 ? { 'mail not made a case': pendingMail.size } : {}),
      ...count((r) => (r.closedAt === undefined ? (r.phase ?? 'not started') : 'closed'), (key) => key !== 'closed'),
    },
    duplicated: acknowledgedPeople.length - new Set(acknowledgedPeople).size,
    seconds: Number(seconds.toFixed(1)),
    closedPerSecond: Number((closing.length / seconds).toFixed(1)),
    acknowledgementMillis: { p50: nearestRankPercentile(acknowledgement, 50) ?? 0, p95: nearestRankPercentile(acknowledgement, 95) ?? 0 },
    closingMillis: { p50: nearestRankPercentile(closing, 50) ?? 0, p95: nearestRankPercentile(closing, 95) ?? 0 },
    peakMemoryMiB: peak,
    cpuSeconds,
    cpuSecondsPerRequest: Number(((cpuSeconds.runtime + cpuSeconds.dynamoDbLocal) / total).toFixed(3)),
    awsCallsPerRequest: callsPerRequest(callsAtStart, callsAtEnd, total),
    retries: { mail: mailRetries, verify: verifyRetries },
  };
}

/** Calls made between two counts, a request, in all and by service. */
function callsPerRequest(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
  requests: number,
): { total: number; byService: Record<string, number> } {
  const byService: Record<string, number> = {};
  let total = 0;
  for (const [service, count] of Object.entries(after)) {
    const made = count - (before[service] ?? 0);
    total += made;
    byService[service] = Number((made / requests).toFixed(2));
  }
  return { total: Number((total / requests).toFixed(2)), byService };
}

/**
 * Sends a mail as a sending mail server does: an answer of 4xx (try again later, which the local
 * inbox gives when storing or the intake failed) is tried again after a pause, a few times.
 */
async function sendAsMailServersDo(send: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code === undefined || code < 400 || code >= 500 || attempt >= 10) throw error;
      mailRetries += 1;
      await pause(500 * attempt);
    }
  }
}

/** Mails the inbox answered «try again later» (4xx) during the run, each tried again. */
let mailRetries = 0;
/** Codes entered again because the verify page answered 5xx. */
let verifyRetries = 0;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const addressOf = (to: string | undefined): string | undefined => to?.replace(/^.*</, '').replace(/>$/, '').toLowerCase();

/**
 * Samples resident memory of this process and of the DynamoDB Local JVM every 200 ms, and counts
 * the CPU time both spend until stopped.
 */
function sampleMemory(dynamoDbEndpoint: string): {
  stop(): { peak: { runtime: number; dynamoDbLocal: number }; cpuSeconds: { runtime: number; dynamoDbLocal: number } };
} {
  const port = new URL(dynamoDbEndpoint).port;
  const jvm = findJvm(port);
  let runtime = 0;
  let dynamoDbLocal = 0;
  const sample = () => {
    runtime = Math.max(runtime, process.memoryUsage().rss);
    if (jvm) dynamoDbLocal = Math.max(dynamoDbLocal, residentBytes(jvm));
  };
  const runtimeCpuAtStart = process.cpuUsage();
  const jvmCpuAtStart = jvm ? cpuSecondsOf(jvm) : 0;
  const timer = setInterval(sample, 200);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const used = process.cpuUsage(runtimeCpuAtStart);
      return {
        peak: { runtime: Math.round(runtime / 2 ** 20), dynamoDbLocal: Math.round(dynamoDbLocal / 2 ** 20) },
        cpuSeconds: {
          runtime: Number(((used.user + used.system) / 1e6).toFixed(1)),
          dynamoDbLocal: jvm ? Number((cpuSecondsOf(jvm) - jvmCpuAtStart).toFixed(1)) : 0,
        },
      };
    },
  };
}

/** User + system CPU seconds a process has used (Linux /proc; clock ticks are 1/100 s there). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function findJvm(port: string): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((part) => part.endsWith('DynamoDBLocal.jar')) && cmdline.includes(port)) return Number(entry);
    }
  } catch {
    // Not Linux, or the process went away: the JVM's memory is then not reported.
  }
  return undefined;
}

function residentBytes(pid: number): number {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}
