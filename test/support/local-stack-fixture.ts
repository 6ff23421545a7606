import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbRequestStore } from '../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/local-stack.js';
import { captureLogLines, LOG_CAPTURE_DIR_VARIABLE, recordPersonalData } from './log-capture.js';

export interface StackFixture {
  readonly stack: LocalStack;
  readonly store: DynamoDbRequestStore;
  readonly sfn: SFNClient;
}

/**
 * Starts the real local stack (emulators and handlers) for a test file, on free ports. Under
 * `npm test` the stack logs at debug level into the run's log capture (see `log-capture.ts`), and
 * stopping it records what personal data its stores held, so the run can prove none was logged.
 */
export async function startStackFixture(options: LocalStackOptions = {}): Promise<StackFixture> {
  const captureDir = process.env[LOG_CAPTURE_DIR_VARIABLE];
  if (captureDir) captureLogLines(captureDir);
  const stack = await startLocalStack({ port: 0, sesPort: 0, smtpPort: 0, logLevel: captureDir ? 'debug' : 'silent', ...options });
  const dynamoDb = new DynamoDBClient({});
  const store = new DynamoDbRequestStore(dynamoDb, stack.environment.REQUESTS_TABLE_NAME!);
  if (captureDir) {
    const stop = stack.stop.bind(stack);
    const recordingStack: LocalStack = {
      ...stack,
      stop: async () => {
        await recordPersonalData(captureDir, dynamoDb).catch(() => undefined);
        await stop();
      },
    };
    return { stack: recordingStack, store, sfn: new SFNClient({}) };
  }
  return { stack, store, sfn: new SFNClient({}) };
}

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'dsr-test-'));

/** Polls until `probe` returns a value (not undefined) or the attempts run out. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, attempts = 200, delayMs = 50): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export interface OutboxMail {
  readonly messageId: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string };
}

export async function outbox(sesEndpoint: string, to?: string): Promise<OutboxMail[]> {
  const response = await fetch(new URL('/store', sesEndpoint));
  const { emails } = (await response.json()) as { emails: OutboxMail[] };
  return to ? emails.filter((mail) => mail.destination.to.includes(to)) : emails;
}

export async function postRequest(
  appUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(new URL('/api/requests', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
