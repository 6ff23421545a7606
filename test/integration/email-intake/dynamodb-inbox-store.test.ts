import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbInboxStore } from '../../../functions/adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import type { InboxLogEntry, QuarantineEntry, TriageEntry } from '../../../functions/domain/intake-mail/inbox-entries.js';
import { senderAuthentication } from '../../../functions/domain/intake-mail/sender-authentication.js';
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
