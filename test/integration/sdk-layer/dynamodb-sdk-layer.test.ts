import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDynamoDbSdk } from '../../../infra/constructs/dynamodb-sdk-layer.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createCustomerDataTables } from '../../../infra/local/setup/create-customer-data-tables.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';

const run = promisify(execFile);
const TABLE = 'it-dynamodb-sdk-layer';
const CUSTOMER_TABLES = { customers: 'it-layer-customers', billing: 'it-layer-billing', accessLog: 'it-layer-access-log' };
const PROBE = fileURLToPath(new URL('./dynamodb-sdk-layer-probe.ts', import.meta.url));

let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
/** Outside the repository, so nothing but the layer can provide the SDK. */
let layerDir: string;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await createRequestsTable(client, TABLE);
  await createCustomerDataTables(client, CUSTOMER_TABLES);
  layerDir = mkdtempSync(join(tmpdir(), 'dsr-dynamodb-sdk-'));
  buildDynamoDbSdk(join(layerDir, 'nodejs', 'node_modules'));
  // Bundled as the functions are: CommonJS, the AWS SDK left out for the layer to provide.
  await build({
    entryPoints: [PROBE],
    outfile: join(layerDir, 'probe.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*', '@smithy/*'],
    logLevel: 'error',
  });
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
  if (layerDir) rmSync(layerDir, { recursive: true, force: true });
});

describe('the DynamoDB client layer', () => {
  it('carries every kind of call our adapters make, with nothing but the layer on NODE_PATH', async () => {
    const { stdout } = await run(process.execPath, [join(layerDir, 'probe.cjs'), dynamo.endpoint, TABLE, CUSTOMER_TABLES.customers], {
      cwd: layerDir,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: join(layerDir, 'nodejs', 'node_modules'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    const result = JSON.parse(stdout) as Record<string, unknown>;

    expect(result.sdk).toBe(join(layerDir, 'nodejs', 'node_modules', '@aws-sdk', 'client-dynamodb', 'index.js'));
    // A transaction, and one refused by its condition and answered from the idempotency record.
    expect(result.created).toEqual({ created: true });
    expect(result.again).toEqual({ created: false, existingRequestId: 'NK-LAYER1', bodyHash: 'layer-body' });
    // A stale writer refused, with the item returned by the refusal (unmarshalled).
    expect(result.stored).toBe(1);
    expect(result.refusal).toEqual({ version: 1, updatedAt: '2026-12-07T10:01:00.000Z' });
    // Paginated queries.
    expect(result.chain).toMatchObject({ ok: true, entries: 2 });
    expect(result.trail).toEqual(['request.received', 'note.added']);
    expect(result.bySubject).toEqual(['NK-LAYER1']);
    // Conditional updates, refused by a ConditionalCheckFailedException from the layer's client.
    expect(result.takes).toEqual([true, true, false]);
    // Batch writes and reads.
    expect(result.batch).toEqual({ written: 30, readBack: 30, afterDelete: 0 });
    expect(result.many).toEqual(['NK-LAYER1']);
    // Put, update, get and delete.
    expect(result.attempts).toBe(1);
    expect(result.codeAttempts).toBe(1);
    expect(result.deleted).toBe(true);
  });
});
