import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAuditChain } from '../../functions/adapters/dynamodb/dynamodb-audit-chain.js';
import { verifyAuditChain } from '../../functions/domain/audit/audit-chain.js';
import { writeEndpoints } from '../../infra/local/local-settings.js';
import { eventually, postRequest, startStackFixture, tempDataDir, type StackFixture } from '../support/local-stack-fixture.js';
import { runDsr } from '../support/dsr-cli.js';
import { waitForStatus } from '../support/rights-driver.js';

let fixture: StackFixture;
let dataDir: string;
let chain: DynamoDbAuditChain;
let doc: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  fixture = await startStackFixture();
  dataDir = tempDataDir();
  writeEndpoints(dataDir, fixture.stack.environment, fixture.stack.urls);
  table = fixture.stack.environment.REQUESTS_TABLE_NAME!;
  chain = new DynamoDbAuditChain(new DynamoDBClient({}), table);
  doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
});
afterAll(async () => fixture?.stack.stop());

async function aCase(): Promise<string> {
  const response = await postRequest(fixture.stack.urls.app, { language: 'nb', name: 'Siri', email: `siri.${Date.now()}.${Math.random()}@example.no`, types: ['access'] });
  const id = String(response.json.id);
  await waitForStatus(fixture, id, 'awaiting_verification');
  // Settled: the workflow waits for the code with its token recorded, so no step of its own
  // appends to the trail while a test counts entries.
  await eventually(async () => ((await fixture.store.taskToken(id)) ? true : undefined), `${id} to wait for its code`);
  return id;
}

const verdict = async (id: string) => {
  const { head, links } = await chain.read(id);
  return verifyAuditChain(links, head);
};

describe('the tamper-evident audit trail', () => {
  it('chains every entry a case gets, in the same write as its status changes', async () => {
    const id = await aCase();

    const result = await verdict(id);

    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBe((await fixture.store.auditTrail(id)).length);
    expect(result.entries).toBeGreaterThanOrEqual(3);
  });

  it('does not fork when many writers append to one case at once', async () => {
    const id = await aCase();
    const before = (await verdict(id)).entries;

    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        fixture.store.appendAudit(id, { requestId: id, at: new Date().toISOString(), event: 'case.note_added', actor: `staff:writer-${index}` }),
      ),
    );

    const result = await verdict(id);
    expect(result).toMatchObject({ ok: true, entries: before + 12 });
  });

  it('dsr audit --verify names the first broken link after an entry is altered in the table', async () => {
    const id = await aCase();
    expect((await runDsr(dataDir, 'audit', id, '--verify')).code).toBe(0);
    const { links } = await chain.read(id);
    const second = links.find((link) => link.seq === 2)!;

    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `REQUEST#${id}`, sk: second.sk },
        UpdateExpression: 'SET actor = :actor',
        ExpressionAttributeValues: { ':actor': 'staff:mallory' },
      }),
    );

    const result = await runDsr(dataDir, 'audit', id, '--verify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`brutt ved oppføring nr. 2 (${second.entry.event}`);
  });

  it('dsr audit --export writes the trail as JSON and as a Norwegian HTML page', async () => {
    const id = await aCase();
    const outDir = tempDataDir();

    const result = await runDsr(dataDir, 'audit', id, '--export', '--out', outDir);

    expect(result.code).toBe(0);
    const exported = JSON.parse(readFileSync(join(outDir, `revisjonsspor-${id}.json`), 'utf8')) as { entries: { seq: number; hash: string }[]; verification: { ok: boolean } };
    expect(exported.verification.ok).toBe(true);
    expect(exported.entries.map((entry) => entry.seq)).toEqual(exported.entries.map((_, index) => index + 1));
    const page = readFileSync(join(outDir, `revisjonsspor-${id}.html`), 'utf8');
    expect(page).toContain(`Revisjonsspor for sak ${id}`);
    expect(page).toContain('er helt');
  });

  it('dsr audit-chain-backfill chains a case written before the chain existed', async () => {
    const id = await aCase();
    const { links } = await chain.read(id);
    for (const link of links) {
      await doc.send(new UpdateCommand({ TableName: table, Key: { pk: `REQUEST#${id}`, sk: link.sk }, UpdateExpression: 'REMOVE chainSeq, prevHash, #hash', ExpressionAttributeNames: { '#hash': 'hash' } }));
    }
    await doc.send(new UpdateCommand({ TableName: table, Key: { pk: `REQUEST#${id}`, sk: 'REQUEST' }, UpdateExpression: 'REMOVE auditHead, auditSeq' }));
    expect(await verdict(id)).toMatchObject({ ok: false, problem: 'unchained' });

    const result = await runDsr(dataDir, 'audit-chain-backfill');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ chained: 1, entries: links.length });
    expect(await verdict(id)).toMatchObject({ ok: true, entries: links.length });
    expect(JSON.parse((await runDsr(dataDir, 'audit-chain-backfill')).stdout)).toMatchObject({ chained: 0 });
  });
});
