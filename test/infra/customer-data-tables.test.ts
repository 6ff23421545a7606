import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_DATA_TABLES_LAYOUT } from '../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { CUSTOMER_DATA_TABLES, type CustomerDataTable } from '../../infra/constructs/customer-data-tables.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

type Layout = (typeof CUSTOMER_DATA_TABLES_LAYOUT)[CustomerDataTable];
const indexesOf = (layout: Layout) =>
  Object.values(layout.indexes as Record<string, { name: string; partitionKey: string; projection: string }>);
const ttlOf = (layout: Layout): string | undefined => ('ttlAttribute' in layout ? layout.ttlAttribute : undefined);

describe('customer-data tables created by the stack', () => {
  let synth: SynthesizedDsrStack;
  let keyId: string;
  const table = (name: CustomerDataTable): Template => {
    const id = synth.logicalId(synth.stack.customerData.table(name));
    return Template.fromJSON({ Resources: { [id]: synth.template.toJSON().Resources[id] } });
  };

  beforeAll(() => {
    synth = synthDsrStack();
    keyId = synth.logicalId(synth.stack.customerData.key!);
  }, SYNTH_TIMEOUT_MS);

  it('creates the three stores beside the requests table', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 1 + CUSTOMER_DATA_TABLES.length);
    for (const name of CUSTOMER_DATA_TABLES) expect(synth.stack.customerData.isImported(name), name).toBe(false);
  });

  it.each(CUSTOMER_DATA_TABLES)('keys %s as the shared layout describes, on demand and without streams', (name) => {
    const layout = CUSTOMER_DATA_TABLES_LAYOUT[name];
    table(name).hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: layout.partitionKey, KeyType: 'HASH' },
        { AttributeName: layout.sortKey, KeyType: 'RANGE' },
      ],
      StreamSpecification: Match.absent(),
    });
  });

  it('finds customers by e-mail, phone and postal address through keys-only GSIs', () => {
    const indexes = indexesOf(CUSTOMER_DATA_TABLES_LAYOUT.customers);
    expect(indexes.map((index) => index.partitionKey).sort()).toEqual(['addressKey', 'emailLower', 'phoneE164']);
    table('customers').hasResourceProperties('AWS::DynamoDB::Table', {
      AttributeDefinitions: Match.arrayWith(indexes.map((index) => ({ AttributeName: index.partitionKey, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      })),
    });
  });

  it('finds kept invoices by their buyer\'s address through a keys-only GSI on the billing table', () => {
    table('billing').hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        { IndexName: 'invoices-by-buyer-address', KeySchema: [{ AttributeName: 'buyerAddressKey', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
    });
  });

  it.each(CUSTOMER_DATA_TABLES)('gives %s exactly the GSIs of the layout', (name) => {
    const id = synth.logicalId(synth.stack.customerData.table(name));
    const indexes = (synth.template.toJSON().Resources[id].Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
    expect(indexes.map((index) => index.IndexName).sort()).toEqual(indexesOf(CUSTOMER_DATA_TABLES_LAYOUT[name]).map((index) => index.name).sort());
  });

  it.each(CUSTOMER_DATA_TABLES)('expires %s items through the layout’s TTL attribute, if it has one', (name) => {
    const ttl = ttlOf(CUSTOMER_DATA_TABLES_LAYOUT[name]);
    table(name).hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: ttl === undefined ? Match.absent() : { AttributeName: ttl, Enabled: true },
    });
  });

  it('lets billing and access-log records expire through deleteAfter', () => {
    expect(ttlOf(CUSTOMER_DATA_TABLES_LAYOUT.billing)).toBe('deleteAfter');
    expect(ttlOf(CUSTOMER_DATA_TABLES_LAYOUT.accessLog)).toBe('deleteAfter');
  });

  it.each(CUSTOMER_DATA_TABLES)('has point-in-time recovery and deletion protection on %s', (name) => {
    table(name).hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it.each(CUSTOMER_DATA_TABLES)('encrypts %s with the stores’ own rotated customer-managed key', (name) => {
    table(name).hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    expect(keyId).not.toBe(synth.logicalId(synth.stack.requests.key));
    expect(synth.template.findResources('AWS::KMS::Key')[keyId]?.Properties).toMatchObject({ EnableKeyRotation: true });
  });

  it('keeps the tables and their key when the stack is deleted or replaces them', () => {
    const ids = [...CUSTOMER_DATA_TABLES.map((name) => synth.logicalId(synth.stack.customerData.table(name))), keyId];
    for (const id of ids) {
      expect(synth.template.toJSON().Resources[id], id).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  it('outputs the table names', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const [output, name] of [
      ['CustomersTableName', 'customers'],
      ['BillingTableName', 'billing'],
      ['AccessLogTableName', 'accessLog'],
    ] as const) {
      expect(outputs[output]?.Value, output).toEqual({ Ref: synth.logicalId(synth.stack.customerData.table(name)) });
    }
  });
});

describe('existing customer-data tables', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack({
      customersTableName: 'legacy-customers',
      billingTableName: 'legacy-billing',
      accessLogTableName: 'legacy-door-events',
    });
  }, SYNTH_TIMEOUT_MS);

  it('creates no customer-data table and no key for them', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    expect(synth.stack.customerData.key).toBeUndefined();
    const keys = Object.keys(synth.template.findResources('AWS::KMS::Key'));
    // The requests table's, the request-data bucket's, the backup vault's and the mail events' keys only.
    const vaultKey = synth.stack.backup.node.findChild('VaultKey') as { node: { defaultChild?: unknown } };
    expect(keys.sort()).toEqual(
      [synth.logicalId(synth.stack.requests.key), synth.logicalId(synth.stack.requestData.key), synth.logicalId(vaultKey), synth.logicalId(synth.stack.mailSending.eventsKey)].sort(),
    );
  });

  it('outputs the names it was given', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.CustomersTableName?.Value).toBe('legacy-customers');
    expect(outputs.BillingTableName?.Value).toBe('legacy-billing');
    expect(outputs.AccessLogTableName?.Value).toBe('legacy-door-events');
  });

  it('creates only the stores that were not named', () => {
    const mixed = synthDsrStack({ customersTableName: 'legacy-customers' });
    mixed.template.resourceCountIs('AWS::DynamoDB::Table', 3);
    expect(mixed.stack.customerData.isImported('customers')).toBe(true);
    expect(mixed.stack.customerData.isImported('billing')).toBe(false);
  }, SYNTH_TIMEOUT_MS);
});
