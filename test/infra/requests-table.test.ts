import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS_TABLE_LAYOUT } from '../../functions/adapters/dynamodb/requests-table-layout.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

describe('requests table', () => {
  let synth: SynthesizedDsrStack;
  let keyId: string;

  beforeAll(() => {
    synth = synthDsrStack();
    keyId = synth.stack.getLogicalId(synth.stack.requests.key.node.defaultChild as CfnElement);
  }, SYNTH_TIMEOUT_MS);

  it('is a single on-demand table keyed as REQUESTS_TABLE_LAYOUT describes', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
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
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
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
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: REQUESTS_TABLE_LAYOUT.ttlAttribute, Enabled: true },
    });
  });

  it('has point-in-time recovery', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is encrypted with its own customer-managed key, rotated', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    const key = synth.template.findResources('AWS::KMS::Key')[keyId];
    expect(key?.Properties).toMatchObject({ EnableKeyRotation: true });
  });

  it('survives stack deletion and replacement, with its key', () => {
    const tableId = synth.stack.getLogicalId(synth.stack.requests.table.node.defaultChild as CfnElement);
    for (const id of [tableId, keyId]) {
      const resource = synth.template.toJSON().Resources[id];
      expect(resource, id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
  });
});
