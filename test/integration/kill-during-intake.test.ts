import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbRequestStore } from '../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { freePort } from '../../infra/local/emulators/free-port.js';
import { startSesLocal, type SesLocal } from '../../infra/local/emulators/ses-local.js';
import { readRunningStack } from '../../infra/local/local-settings.js';
import { eventually, outbox, tempDataDir } from '../support/local-stack-fixture.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUESTS = 50;
/** The runtime is killed once this many requests were answered 202, with others still in flight. */
const KILL_AFTER = 20;
const CONCURRENCY = 8;

interface Runtime {
  readonly child: ChildProcess;
  readonly app: string;
}

/** Starts `npm start`'s entry point as its own process group, so one signal kills it with DynamoDB Local. */
async function startRuntime(dataDir: string, ses: SesLocal): Promise<Runtime> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'infra', 'local', 'start.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DSR_DATA_DIR: dataDir,
      PORT: String(port),
      SES_ENDPOINT: ses.endpoint,
      SMTP_PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const app = `http://127.0.0.1:${port}`;
  await eventually(
    async () => ((await fetch(app).then((response) => response.ok).catch(() => false)) && readRunningStack(dataDir) ? true : undefined),
    'the runtime to answer',
    1800,
    100,
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${stderr}`);
  });
  return { child, app };
}

const killRuntime = (runtime: Runtime): void => {
  process.kill(-runtime.child.pid!, 'SIGKILL');
};

/** Posts one form request; answers its id on 202, undefined when the connection died. */
async function submit(app: string, key: string, index: number): Promise<string | undefined> {
  try {
    const response = await fetch(new URL('/api/requests', app), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ language: 'nb', name: `Kunde ${index}`, email: `kill.${index}.${key.slice(0, 8)}@example.no`, types: ['access'] }),
    });
    if (response.status !== 202) throw new Error(`intake answered ${response.status}`);
    return String(((await response.json()) as { id: string }).id);
  } catch (error) {
    if ((error as Error).message.startsWith('intake answered')) throw error;
    return undefined;
  }
}

let runtime: Runtime | undefined;
let ses: SesLocal | undefined;
afterAll(async () => {
  if (runtime) killRuntime(runtime);
  await ses?.stop();
});

describe('the whole local runtime SIGKILLed while requests arrive', () => {
  it('loses no request answered 202, and mails no requester two different letters for one purpose', { timeout: 600_000 }, async () => {
    const dataDir = tempDataDir();
    ses = await startSesLocal({ port: 0 });
    runtime = await startRuntime(dataDir, ses);
    const keys = Array.from({ length: REQUESTS }, () => randomUUID());
    const answered = new Map<string, string>();

    // Phase 1: requests arrive until the runtime dies under them.
    let next = 0;
    let killed = false;
    const first = runtime;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (!killed && next < REQUESTS) {
          const index = next++;
          const id = await submit(first.app, keys[index]!, index);
          if (id) answered.set(keys[index]!, id);
          if (!killed && answered.size >= KILL_AFTER) {
            killed = true;
            killRuntime(first);
          }
        }
      }),
    );
    const answeredBeforeKill = new Map(answered);
    expect(answeredBeforeKill.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // Phase 2: the same data, a new runtime; clients retry what got no answer, with the same key.
    runtime = await startRuntime(dataDir, ses);
    for (const [index, key] of keys.entries()) {
      if (answered.has(key)) continue;
      const id = await submit(runtime.app, key, index);
      expect(id, `request ${index} answered on retry`).toBeDefined();
      answered.set(key, id!);
    }
    expect(new Set(answered.values()).size).toBe(REQUESTS);

    const environment = readRunningStack(dataDir)!.environment;
    const store = new DynamoDbRequestStore(
      new DynamoDBClient({
        endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB,
        region: environment.AWS_REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      environment.REQUESTS_TABLE_NAME!,
    );
    for (const id of answered.values()) {
      await eventually(
        async () => ((await store.get(id))?.status === 'awaiting_verification' ? true : undefined),
        `${id} to await verification`,
        1200,
        100,
      );
    }

    // Every requester got the acknowledgement and the code; never two different ones.
    const mails = await outbox(ses.endpoint);
    const letters = new Map<string, Set<string>>();
    const copies = new Map<string, number>();
    for (const mail of mails) {
      const key = `${mail.destination.to.join(',')}\n${mail.subject}`;
      letters.set(key, (letters.get(key) ?? new Set()).add(mail.body.text ?? ''));
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
    const differing = [...letters.entries()].filter(([, texts]) => texts.size > 1).map(([key]) => key.split('\n')[1]);
    const identicalRepeats = mails.length - letters.size;
    console.info(
      `kill-during-intake: ${answeredBeforeKill.size} answered before SIGKILL, ${REQUESTS} in all; ` +
        `${mails.length} mails, ${identicalRepeats} identical repeat(s), ${differing.length} requester(s) with two different letters`,
    );
    expect(differing).toEqual([]);
    expect(letters.size).toBe(REQUESTS * 2);
    // A repeat needs the kill to fall between SES accepting a letter and its record being marked:
    // at most once per letter, and only for requests in flight at the kill.
    expect(Math.max(...copies.values())).toBeLessThanOrEqual(2);
    expect(identicalRepeats).toBeLessThanOrEqual(answeredBeforeKill.size);
  });
});
