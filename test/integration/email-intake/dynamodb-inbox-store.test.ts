import { DeleteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbInboxStore } from '../../../functions/adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import type { InboxLogEntry, QuarantineEntry, TriageEntry } from '../../../functions/domain/intake-mail/inbox-entries.js';
import { senderAuthentication } from '../../../functions/domain/intake-mail/sender-authentication.js';
import { TriageAlreadyResolvedError, TriageEntryNotFoundError } from '../../../functions/domain/triage/triage-errors.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';
import { aRightsRequest } from '../../unit/fixtures/rights-request-fixture.js';
import { collect } from './intake-harness.js';

const TABLE = 'it-inbox-store';
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let inbox: DynamoDbInboxStore;
let requests: DynamoDbRequestStore;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await createRequestsTable(client, TABLE);
  inbox = new DynamoDbInboxStore(client, TABLE);
  requests = new DynamoDbRequestStore(client, TABLE);
});

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const authentication = senderAuthentication({ spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' });
const policy = { max: 3, windowMs: 24 * 60 * 60 * 1000 };

const logEntry = (overrides: Partial<InboxLogEntry>): InboxLogEntry => ({
  inboxId: 'in-1',
  receivedAt: '2026-11-23T23:40:00.000+01:00',
  rawKey: 'inbound/in-1',
  outcome: 'triage',
  recordedAt: '2026-11-23T22:40:01.000Z',
  authentication,
  ...overrides,
});

const triageEntry = (overrides: Partial<TriageEntry>): TriageEntry => ({
  inboxId: 'in-1',
  receivedAt: '2026-11-23T23:40:00.000+01:00',
  rawKey: 'inbound/in-1',
  reason: 'not_a_request',
  urgent: false,
  subject: 'Faktura',
  authentication,
  ...overrides,
});

describe('DynamoDbInboxStore', () => {
  it('lets the first mail claim a Message-ID, the same delivery claim it again, and answers others with the holder', async () => {
    expect(await inbox.claimMessage({ messageKey: 'k-claim', inboxId: 'in-a', receivedAt: '2026-11-23T10:00:00.000+01:00' })).toEqual({ first: true });
    expect(await inbox.claimMessage({ messageKey: 'k-claim', inboxId: 'in-a', receivedAt: '2026-11-23T10:00:00.000+01:00' })).toEqual({ first: true });
    expect(await inbox.claimMessage({ messageKey: 'k-claim', inboxId: 'in-b', receivedAt: '2026-11-23T11:00:00.000+01:00' })).toEqual({
      first: false,
      heldBy: { inboxId: 'in-a', caseId: undefined },
    });
  });

  it('writes an outcome once, with its triage entry and the case on the claim, and refuses a second write', async () => {
    await inbox.claimMessage({ messageKey: 'k-out', inboxId: 'in-out', receivedAt: '2026-11-23T10:00:00.000+01:00' });
    const record = {
      log: logEntry({ inboxId: 'in-out', rawKey: 'inbound/in-out', messageKey: 'k-out', outcome: 'triage' as const, caseId: 'NK-20261123-AAAAAAAA' }),
      triage: triageEntry({ inboxId: 'in-out', rawKey: 'inbound/in-out' }),
    };
    expect(await inbox.recordOutcome(record)).toEqual({ recorded: true });
    expect(await inbox.recordOutcome(record)).toEqual({ recorded: false });
    expect((await inbox.casesForMessages(['k-out', 'k-none'])).get('k-out')).toBe('NK-20261123-AAAAAAAA');
    expect((await collect(inbox.listTriage())).filter((entry) => entry.inboxId === 'in-out')).toHaveLength(1);
    expect((await collect(inbox.listLog('2026-11-23'))).filter((entry) => entry.inboxId === 'in-out')).toHaveLength(1);
  });

  it('adds the intake’s audit entries to the case’s trail in the same write', async () => {
    const request = aRightsRequest({ id: 'NK-20261123-BBBBBBBB' });
    await requests.create(request, { requestId: request.id, at: '2026-11-23T20:05:09.120Z', event: 'request.received', actor: 'requester' });
    await inbox.claimMessage({ messageKey: 'k-fu', inboxId: 'in-fu', receivedAt: '2026-11-24T10:00:00.000+01:00' });
    await inbox.recordOutcome({
      log: logEntry({ inboxId: 'in-fu', receivedAt: '2026-11-24T10:00:00.000+01:00', messageKey: 'k-fu', outcome: 'follow_up', caseId: request.id }),
      caseAudit: [{ requestId: request.id, at: '2026-11-24T09:00:01.000Z', event: 'mail.followup_received', actor: 'system:email-intake', detail: { inboxId: 'in-fu' } }],
    });
    expect((await requests.auditTrail(request.id)).map((entry) => entry.event)).toEqual(['request.received', 'mail.followup_received']);
    expect(await requests.get(request.id)).toEqual(request);
  });

  it('lists urgent triage first and every list in time order across a daylight-saving change', async () => {
    const summer: QuarantineEntry = { inboxId: 'q-summer', receivedAt: '2026-10-25T02:30:00.000+02:00', rawKey: 'inbound/q-summer', reason: 'unparseable', authentication };
    const winter: QuarantineEntry = { inboxId: 'q-winter', receivedAt: '2026-10-25T02:10:00.000+01:00', rawKey: 'inbound/q-winter', reason: 'too_large', authentication };
    // 02:10+01:00 is 01:10Z, after 02:30+02:00 (00:30Z), though its local text sorts first.
    await inbox.recordOutcome({ log: logEntry({ inboxId: 'q-winter', receivedAt: winter.receivedAt, outcome: 'quarantine' }), quarantine: winter });
    await inbox.recordOutcome({ log: logEntry({ inboxId: 'q-summer', receivedAt: summer.receivedAt, outcome: 'quarantine' }), quarantine: summer });
    expect((await collect(inbox.listQuarantine())).map((entry) => entry.inboxId)).toEqual(['q-summer', 'q-winter']);
    expect((await collect(inbox.listLog('2026-10-25'))).map((entry) => entry.inboxId)).toEqual(['q-summer', 'q-winter']);

    await inbox.recordOutcome({
      log: logEntry({ inboxId: 't-breach', receivedAt: '2026-12-01T12:00:00.000+01:00' }),
      triage: triageEntry({ inboxId: 't-breach', receivedAt: '2026-12-01T12:00:00.000+01:00', reason: 'possible_breach', urgent: true, respondBy: '2026-12-04T11:00:00.000Z' }),
    });
    expect((await collect(inbox.listTriage()))[0]).toMatchObject({ inboxId: 't-breach', urgent: true });
  });

  it('takes at most `max` automatic answers per sender in the window, idempotently per mail', async () => {
    const at = (hours: number) => new Date(Date.parse('2026-11-23T08:00:00.000Z') + hours * 60 * 60 * 1000);
    expect(await inbox.takeAutoAnswer('sender-1', 'm1', at(0), policy)).toBe(true);
    expect(await inbox.takeAutoAnswer('sender-1', 'm2', at(1), policy)).toBe(true);
    expect(await inbox.takeAutoAnswer('sender-1', 'm3', at(2), policy)).toBe(true);
    expect(await inbox.takeAutoAnswer('sender-1', 'm4', at(3), policy)).toBe(false);
    expect(await inbox.takeAutoAnswer('sender-1', 'm2', at(3), policy)).toBe(true);
    expect(await inbox.takeAutoAnswer('sender-2', 'm5', at(3), policy)).toBe(true);
    expect(await inbox.takeAutoAnswer('sender-1', 'm6', at(24.5), policy)).toBe(true);
  });

  it('never takes more than `max` when one sender’s mails arrive at once', async () => {
    const at = new Date('2026-11-25T08:00:00.000Z');
    const taken = await Promise.all(Array.from({ length: 8 }, (_, index) => inbox.takeAutoAnswer('sender-burst', `b${index}`, at, policy)));
    expect(taken.filter(Boolean)).toHaveLength(3);
  });
});

/** Claims a Message-ID for a mail and records it as triaged, as the intake does. */
async function triageMail(inboxId: string, receivedAt: string, overrides: Partial<TriageEntry> = {}): Promise<TriageEntry> {
  const messageKey = `k-${inboxId}`;
  const triage = triageEntry({ inboxId, receivedAt, rawKey: `inbound/${inboxId}`, ...overrides });
  await inbox.claimMessage({ messageKey, inboxId, receivedAt });
  await inbox.recordOutcome({ log: logEntry({ inboxId, receivedAt, rawKey: `inbound/${inboxId}`, messageKey, outcome: 'triage' }), triage });
  return triage;
}

describe('DynamoDbInboxStore: one entry by inbox id, and resolving triage', () => {
  it('reads a triage or quarantine entry by its inbox id alone, and nothing for another kind or an unknown id', async () => {
    const triage = await triageMail('get-t', '2026-10-25T02:30:00.000+02:00', { reason: 'on_behalf_of_other', from: { address: 'advokat@example.no', name: 'Advokat' } });
    const quarantine: QuarantineEntry = { inboxId: 'get-q', receivedAt: '2026-11-23T10:00:00.000+01:00', rawKey: 'inbound/get-q', reason: 'virus', authentication };
    await inbox.recordOutcome({ log: logEntry({ inboxId: 'get-q', receivedAt: quarantine.receivedAt, outcome: 'quarantine' }), quarantine });

    expect(await inbox.getTriage('get-t')).toEqual(triage);
    expect(await inbox.getQuarantine('get-q')).toEqual(quarantine);
    expect(await inbox.getTriage('get-q')).toBeUndefined();
    expect(await inbox.getQuarantine('get-t')).toBeUndefined();
    expect(await inbox.getTriage('get-none')).toBeUndefined();
  });

  it('resolves an entry as a case once: off the list, on the log line and the claim, with the case’s audit entry', async () => {
    const request = aRightsRequest({ id: 'NK-20261123-CCCCCCCC', channel: 'email' });
    await requests.create(request, { requestId: request.id, at: '2026-11-26T09:00:00.000Z', event: 'request.received', actor: 'staff:kari' });
    await triageMail('res-case', '2026-11-23T23:40:00.000+01:00');
    const audit = { requestId: request.id, at: '2026-11-26T09:00:00.100Z', event: 'mail.triaged', actor: 'staff:kari', detail: { inboxId: 'res-case' } };

    const record = await inbox.resolveTriage('res-case', { outcome: 'case', caseId: request.id }, 'staff:kari', '2026-11-26T09:00:00.100Z', audit);

    const expected = { outcome: 'case', caseId: request.id, by: 'staff:kari', at: '2026-11-26T09:00:00.100Z' };
    expect(record).toEqual(expected);
    expect((await collect(inbox.listTriage())).map((entry) => entry.inboxId)).not.toContain('res-case');
    expect(await inbox.getTriage('res-case')).toMatchObject({ inboxId: 'res-case', reason: 'not_a_request', resolution: expected });
    expect((await collect(inbox.listLog('2026-11-23'))).find((entry) => entry.inboxId === 'res-case')).toMatchObject({ outcome: 'triage', resolution: expected });
    expect((await inbox.casesForMessages(['k-res-case'])).get('k-res-case')).toBe(request.id);
    expect(await requests.auditTrail(request.id)).toEqual([
      expect.objectContaining({ event: 'request.received' }),
      audit,
    ]);
    const again = inbox.resolveTriage('res-case', { outcome: 'dismissed', reason: 'Spam' }, 'staff:per', '2026-11-26T10:00:00.000Z');
    await expect(again).rejects.toBeInstanceOf(TriageAlreadyResolvedError);
    await expect(again).rejects.toMatchObject({ resolution: expected });
  });

  it('dismisses with the reason on the log line, keyed by the Oslo receipt date, not the UTC one', async () => {
    // 00:30 Oslo time on 1 December is still 30 November in UTC.
    await triageMail('res-dismiss', '2026-12-01T00:30:00.000+01:00');
    await inbox.resolveTriage('res-dismiss', { outcome: 'dismissed', reason: 'Nyhetsbrev' }, 'staff:per', '2026-12-01T08:00:00.000Z');
    expect((await collect(inbox.listLog('2026-12-01'))).find((entry) => entry.inboxId === 'res-dismiss')?.resolution).toEqual({
      outcome: 'dismissed',
      reason: 'Nyhetsbrev',
      by: 'staff:per',
      at: '2026-12-01T08:00:00.000Z',
    });
    expect((await inbox.casesForMessages(['k-res-dismiss'])).size).toBe(0);
  });

  it('lets exactly one of two simultaneous decisions win; the loser learns which one stands', async () => {
    await triageMail('res-race', '2026-11-24T12:00:00.000+01:00');
    const results = await Promise.allSettled([
      inbox.resolveTriage('res-race', { outcome: 'dismissed', reason: 'Spam' }, 'staff:kari', '2026-11-26T09:00:00.000Z'),
      inbox.resolveTriage('res-race', { outcome: 'dismissed', reason: 'Reklame' }, 'staff:per', '2026-11-26T09:00:00.000Z'),
    ]);
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(TriageAlreadyResolvedError);
    expect((lost[0] as TriageAlreadyResolvedError).resolution).toEqual(won[0]);
    expect((await inbox.getTriage('res-race'))?.resolution).toEqual(won[0]);
  });

  it('finds and resolves entries recorded before mail items existed, by their lists', async () => {
    // Prepare: as the intake wrote them before this change, without the item keyed by inbox id.
    await triageMail('old-t', '2026-11-20T08:00:00.000+01:00');
    const quarantine: QuarantineEntry = { inboxId: 'old-q', receivedAt: '2026-11-20T09:00:00.000+01:00', rawKey: 'inbound/old-q', reason: 'too_large', authentication };
    await inbox.recordOutcome({ log: logEntry({ inboxId: 'old-q', receivedAt: quarantine.receivedAt, outcome: 'quarantine' }), quarantine });
    for (const inboxId of ['old-t', 'old-q']) {
      await client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: { S: `INBOX_MAIL#${inboxId}` }, sk: { S: 'MAIL' } } }));
    }
    // Act and assess
    expect(await inbox.getQuarantine('old-q')).toEqual(quarantine);
    expect(await inbox.getTriage('old-t')).toMatchObject({ inboxId: 'old-t' });
    await inbox.resolveTriage('old-t', { outcome: 'case', caseId: 'NK-20261120-DDDDDDDD' }, 'staff:kari', '2026-11-26T09:00:00.000Z');
    expect((await inbox.getTriage('old-t'))?.resolution).toMatchObject({ outcome: 'case', caseId: 'NK-20261120-DDDDDDDD' });
    expect((await inbox.casesForMessages(['k-old-t'])).get('k-old-t')).toBe('NK-20261120-DDDDDDDD');
    await expect(inbox.resolveTriage('old-t', { outcome: 'dismissed', reason: 'Spam' }, 'staff:per', '2026-11-26T10:00:00.000Z')).rejects.toBeInstanceOf(
      TriageAlreadyResolvedError,
    );
  });

  it('refuses to resolve a mail without a triage entry', async () => {
    const quarantine: QuarantineEntry = { inboxId: 'res-q', receivedAt: '2026-11-23T11:00:00.000+01:00', rawKey: 'inbound/res-q', reason: 'unparseable', authentication };
    await inbox.recordOutcome({ log: logEntry({ inboxId: 'res-q', receivedAt: quarantine.receivedAt, outcome: 'quarantine' }), quarantine });
    await expect(inbox.resolveTriage('res-none', { outcome: 'dismissed', reason: 'Spam' }, 'staff:kari', '2026-11-26T09:00:00.000Z')).rejects.toBeInstanceOf(
      TriageEntryNotFoundError,
    );
    await expect(inbox.resolveTriage('res-q', { outcome: 'dismissed', reason: 'Spam' }, 'staff:kari', '2026-11-26T09:00:00.000Z')).rejects.toBeInstanceOf(
      TriageEntryNotFoundError,
    );
  });
});
