import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS_TABLE_LAYOUT } from '../../functions/adapters/dynamodb/requests-table-layout.js';
import { RequestsTable, type RequestsTableOptions } from '../../infra/constructs/requests-table.js';
import { roleStatements } from './support/policies.js';
import { appWithoutBundling, SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

describe('requests table', () => {
  let synth: SynthesizedDsrStack;
  let keyId: string;
  let tableId: string;
  /** Asserts properties of the requests table, whatever other tables the stack holds. */
  let hasTableProperties: (properties: Record<string, unknown>) => void;

  beforeAll(() => {
    synth = synthDsrStack();
    keyId = synth.logicalId(synth.stack.requests.key);
    tableId = synth.logicalId(synth.stack.requests.table);
    const onlyTable = Template.fromJSON({ Resources: { [tableId]: synth.template.toJSON().Resources[tableId] } });
    hasTableProperties = (properties) => onlyTable.hasResourceProperties('AWS::DynamoDB::Table', properties);
  }, SYNTH_TIMEOUT_MS);

  it('is an on-demand table keyed as REQUESTS_TABLE_LAYOUT describes', () => {
    hasTableProperties({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: REQUESTS_TABLE_LAYOUT.partitionKey, KeyType: 'HASH' },
        { AttributeName: REQUESTS_TABLE_LAYOUT.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: REQUESTS_TABLE_LAYOUT.partitionKey, AttributeType: 'S' },
        { AttributeName: REQUESTS_TABLE_LAYOUT.sortKey, AttributeType: 'S' },
      ]),
      StreamSpecification: Match.absent(),
    });
  });

  it('has exactly three indexes: the sparse open-requests index, the all-requests index of the register and the sparse queue index', () => {
    const open = REQUESTS_TABLE_LAYOUT.openRequestsIndex;
    // Every request (registerPk = "REQUEST") by receipt time, whole: the register reads it without a Scan.
    const all = { name: 'all-requests', partitionKey: 'registerPk', sortKey: 'receivedAt' };
    expect(REQUESTS_TABLE_LAYOUT.allRequestsIndex).toEqual(all);
    // Open requests only (queuePk = "OPEN"), whole, by due date: a queue page reads its own rows.
    const queue = { name: 'open-queue', partitionKey: 'queuePk', sortKey: 'queueSk' };
    expect(REQUESTS_TABLE_LAYOUT.queueIndex).toEqual(queue);
    hasTableProperties({
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: open.partitionKey, AttributeType: 'S' },
        { AttributeName: open.sortKey, AttributeType: 'S' },
        { AttributeName: all.partitionKey, AttributeType: 'S' },
        { AttributeName: queue.partitionKey, AttributeType: 'S' },
        { AttributeName: queue.sortKey, AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        {
          IndexName: open.name,
          KeySchema: [
            { AttributeName: open.partitionKey, KeyType: 'HASH' },
            { AttributeName: open.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...open.nonKeyAttributes] },
        },
        {
          IndexName: all.name,
          KeySchema: [
            { AttributeName: all.partitionKey, KeyType: 'HASH' },
            { AttributeName: all.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: queue.name,
          KeySchema: [
            { AttributeName: queue.partitionKey, KeyType: 'HASH' },
            { AttributeName: queue.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('expires items through the TTL attribute', () => {
    hasTableProperties({
      TimeToLiveSpecification: { AttributeName: REQUESTS_TABLE_LAYOUT.ttlAttribute, Enabled: true },
    });
  });

  it('has point-in-time recovery', () => {
    hasTableProperties({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is encrypted with its own customer-managed key, rotated', () => {
    hasTableProperties({
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    const key = synth.template.findResources('AWS::KMS::Key')[keyId];
    expect(key?.Properties).toMatchObject({ EnableKeyRotation: true });
  });

  it('survives stack deletion and replacement, with its key', () => {
    for (const id of [tableId, keyId]) {
      const resource = synth.template.toJSON().Resources[id];
      expect(resource, id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    hasTableProperties({ DeletionProtectionEnabled: true });
  });
});

describe('RequestsTable.grantAccess', () => {
  /**
   * What a `readWrite` grant with the options allows, by resource name (the table key aside; a
   * resource without a name shows as its template JSON, so nothing granted goes unseen).
   */
  const grant = (options: RequestsTableOptions): Record<string, string[]> => {
    const stack = new Stack(appWithoutBundling(), 'Grants', { env: { region: 'eu-north-1' } });
    const requests = new RequestsTable(stack, 'Requests');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    requests.grantAccess(role, 'readWrite', options);
    const { openRequestsIndex, allRequestsIndex, queueIndex } = REQUESTS_TABLE_LAYOUT;
    const names = new Map(
      [
        ['key', requests.key.keyArn],
        ['table', requests.table.tableArn],
        [`index/${openRequestsIndex.name}`, `${requests.table.tableArn}/index/${openRequestsIndex.name}`],
        [`index/${allRequestsIndex.name}`, `${requests.table.tableArn}/index/${allRequestsIndex.name}`],
        [`index/${queueIndex.name}`, `${requests.table.tableArn}/index/${queueIndex.name}`],
      ].map(([name, arn]) => [JSON.stringify(stack.resolve(arn)), name!]),
    );
    const merged: Record<string, Set<string>> = {};
    for (const statement of roleStatements(Template.fromStack(stack), stack.getLogicalId(role.node.defaultChild as iam.CfnRole))) {
      for (const resource of statement.resources) {
        const name = names.get(JSON.stringify(resource)) ?? JSON.stringify(resource);
        if (name === 'key') continue; // its use through DynamoDB is asserted with the function permissions
        merged[name] ??= new Set();
        for (const action of statement.actions) merged[name].add(action);
      }
    }
    return Object.fromEntries(Object.entries(merged).map(([name, actions]) => [name, [...actions].sort()]));
  };
  const READ_WRITE = ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'];

  it('grants on the table only, with neither BatchGetItem nor an index, unless asked for', () => {
    expect(grant({})).toEqual({ table: READ_WRITE });
  });

  it('adds Query on the open-requests index only when asked for', () => {
    expect(grant({ queryOpenRequests: true })).toEqual({ table: READ_WRITE, 'index/open-requests': ['dynamodb:Query'] });
  });

  it('adds Query on the queue index only when asked for', () => {
    expect(grant({ queryQueue: true })).toEqual({ table: READ_WRITE, 'index/open-queue': ['dynamodb:Query'] });
  });

  it('adds Query on the all-requests index only when asked for', () => {
    expect(grant({ queryAllRequests: true })).toEqual({ table: READ_WRITE, 'index/all-requests': ['dynamodb:Query'] });
  });

  it('adds BatchGetItem on the table only when asked for', () => {
    expect(grant({ batchRead: true })).toEqual({ table: [...READ_WRITE, 'dynamodb:BatchGetItem'].sort() });
  });

  it('adds DeleteItem only when asked for, and only on items of the TRIAGE partition', () => {
    expect(grant({ resolveTriage: true })).toEqual({ table: [...READ_WRITE, 'dynamodb:DeleteItem'].sort() });
    const stack = new Stack(appWithoutBundling(), 'TriageGrant', { env: { region: 'eu-north-1' } });
    const requests = new RequestsTable(stack, 'Requests');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    requests.grantAccess(role, 'readWrite', { resolveTriage: true });
    const deletes = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Condition?: unknown }[])
      .filter((statement) => [statement.Action].flat().includes('dynamodb:DeleteItem'));
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['TRIAGE'] } });
  });

  it('with every option but resolveTriage, grants exactly their union: never Scan, DeleteItem or BatchWriteItem', () => {
    expect(grant({ queryOpenRequests: true, queryAllRequests: true, batchRead: true })).toEqual({
      table: [...READ_WRITE, 'dynamodb:BatchGetItem'].sort(),
      'index/open-requests': ['dynamodb:Query'],
      'index/all-requests': ['dynamodb:Query'],
    });
  });
});
