import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS_TABLE_LAYOUT } from '../../functions/adapters/dynamodb/requests-table-layout.js';
import { RequestsTable } from '../../infra/constructs/requests-table.js';
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

  it('has the sparse open-requests index', () => {
    const index = REQUESTS_TABLE_LAYOUT.openRequestsIndex;
    hasTableProperties({
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: index.partitionKey, AttributeType: 'S' },
        { AttributeName: index.sortKey, AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
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
  const grant = (options: { queryOpenRequests?: boolean }) => {
    const stack = new Stack(appWithoutBundling(), 'Grants', { env: { region: 'eu-north-1' } });
    const requests = new RequestsTable(stack, 'Requests');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    requests.grantAccess(role, 'readWrite', options);
    return JSON.stringify(roleStatements(Template.fromStack(stack), stack.getLogicalId(role.node.defaultChild as iam.CfnRole)));
  };

  it('grants on the table only, unless the open-requests index is asked for', () => {
    expect(grant({})).not.toContain('/index/');
    expect(grant({ queryOpenRequests: true })).toContain(`/index/${REQUESTS_TABLE_LAYOUT.openRequestsIndex.name}`);
  });
});
