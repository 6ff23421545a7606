import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  CUSTOMER_DATA_TABLES_LAYOUT,
  type CustomerDataTable,
} from '../../functions/adapters/dynamodb/customer-data-tables-layout.js';

export type { CustomerDataTable };

/** The three stores, in the order they are created and listed. */
export const CUSTOMER_DATA_TABLES: readonly CustomerDataTable[] = ['customers', 'billing', 'accessLog'];

/** One store's layout as the construct reads it (the layout module's `as const` object, widened). */
interface TableLayout {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly ttlAttribute?: string;
  readonly indexes: Readonly<
    Record<string, { readonly name: string; readonly partitionKey: string; readonly sortKey?: string; readonly projection: 'KEYS_ONLY' | 'ALL' }>
  >;
}

const layoutOf = (table: CustomerDataTable): TableLayout => CUSTOMER_DATA_TABLES_LAYOUT[table] as TableLayout;

/** The GSI names of one store, from the shared layout. */
export const customerDataIndexNames = (table: CustomerDataTable): string[] =>
  Object.values(layoutOf(table).indexes).map((index) => index.name);

/**
 * How much of a customer-data store a function may touch. Neither level includes `Scan`: every
 * read is by the customer's partition or through a lookup GSI.
 *
 * - `read`: `GetItem` and `Query` on the table, `Query` on its GSIs (find a customer by e-mail or
 *   phone, read everything held about them page by page).
 * - `readWriteDelete`: `read` plus `UpdateItem`, `DeleteItem` and `BatchWriteItem`, for the one
 *   step that carries out an approved plan: corrections, consent and channel changes, restriction
 *   and anonymisation are conditional updates; erasure deletes the profile and batches the rest.
 * - `readWrite`: `read` plus `UpdateItem` only, for the steps that change state without an approved
 *   plan and must never delete: the marketing stop (consents, reservations, suppression entries)
 *   and the restriction of a purpose while an objection is assessed.
 */
export type CustomerDataAccess = 'read' | 'readUpdate' | 'readWriteDelete';

/** DynamoDB actions on the table per {@link CustomerDataAccess} level. */
export const CUSTOMER_DATA_TABLE_ACTIONS: Readonly<Record<CustomerDataAccess, readonly string[]>> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  /** Conditional updates of existing items only (the Art. 18 flag): no put, delete or batch. */
  readUpdate: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
  readWriteDelete: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

/** KMS actions DynamoDB performs on the caller's behalf with the tables' key. */
export const CUSTOMER_DATA_KEY_ACTIONS: Readonly<Record<CustomerDataAccess, readonly string[]>> = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  readUpdate: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
  readWriteDelete: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
};

/** Properties of {@link CustomerDataTables}. */
export interface CustomerDataTablesProps {
  /**
   * Names of existing tables to use instead of creating them, per store. A store given here is
   * imported with its GSIs from the shared layout (so `Query` on them can be granted); the stack
   * neither creates, changes nor deletes it.
   */
  readonly existingTableNames?: Readonly<Partial<Record<CustomerDataTable, string>>>;
  /**
   * The customer-managed key of the existing tables, if they use one. Unset means they use an
   * AWS-owned or AWS-managed key, which needs no grant.
   */
  readonly existingKeyArn?: string;
  /**
   * What happens to created tables and their key when the stack is deleted. The stores hold
   * customers' data that the company keeps for its own purposes, so the default keeps them.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The three stores a request is answered from: the subscription store (`customers`), `billing`
 * and the door-access log (`accessLog`), keyed as `CUSTOMER_DATA_TABLES_LAYOUT` describes so the
 * deployed tables match what the adapters query.
 *
 * By default the stack creates them, encrypted with one customer-managed key (rotated yearly),
 * with point-in-time recovery, deletion protection and the layout's TTL attribute. Operations can
 * instead point the functions at tables that already exist elsewhere in the account by giving
 * their names; those tables are then only referenced.
 */
export class CustomerDataTables extends Construct {
  /** The key of the tables this construct created; undefined when every table is imported. */
  readonly key?: kms.IKey;
  private readonly tables: Readonly<Record<CustomerDataTable, dynamodb.ITable>>;
  private readonly imported: ReadonlySet<CustomerDataTable>;
  private readonly existingKey?: kms.IKey;

  constructor(scope: Construct, id: string, props: CustomerDataTablesProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const existing = props.existingTableNames ?? {};
    this.imported = new Set(CUSTOMER_DATA_TABLES.filter((table) => existing[table] !== undefined));

    if (this.imported.size < CUSTOMER_DATA_TABLES.length) {
      this.key = new kms.Key(this, 'Key', {
        description: 'Encrypts the customer-data tables (subscriptions, billing, access log)',
        enableKeyRotation: true,
        removalPolicy,
      });
    }
    if (props.existingKeyArn !== undefined) {
      this.existingKey = kms.Key.fromKeyArn(this, 'ExistingKey', props.existingKeyArn);
    }

    const tables = {} as Record<CustomerDataTable, dynamodb.ITable>;
    for (const table of CUSTOMER_DATA_TABLES) {
      const name = existing[table];
      tables[table] =
        name === undefined ? this.createTable(table, this.key as kms.Key, removalPolicy) : this.importTable(table, name);
    }
    this.tables = tables;
  }

  /** Whether the store is an existing table the stack only references. */
  isImported(table: CustomerDataTable): boolean {
    return this.imported.has(table);
  }

  /** The DynamoDB table of one store. Grant through {@link CustomerDataTables.grantAccess}. */
  table(table: CustomerDataTable): dynamodb.ITable {
    return this.tables[table];
  }

  /** The physical name of one store's table. */
  tableName(table: CustomerDataTable): string {
    return this.tables[table].tableName;
  }

  /**
   * Grants one {@link CustomerDataAccess} level on a store: the table actions on the table, `Query`
   * on each of its GSIs by name, and the matching use of its customer-managed key (if any), only
   * through DynamoDB.
   */
  grantAccess(grantee: iam.IGrantable, table: CustomerDataTable, access: CustomerDataAccess): void {
    const target = this.tables[table];
    iam.Grant.addToPrincipal({
      grantee,
      actions: [...CUSTOMER_DATA_TABLE_ACTIONS[access]],
      resourceArns: [target.tableArn],
    });
    const indexNames = customerDataIndexNames(table);
    if (indexNames.length > 0) {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['dynamodb:Query'],
        resourceArns: indexNames.map((name) => `${target.tableArn}/index/${name}`),
      });
    }
    const key = this.isImported(table) ? this.existingKey : this.key;
    if (key !== undefined) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: [...CUSTOMER_DATA_KEY_ACTIONS[access]],
          resources: [key.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` },
          },
        }),
      );
    }
  }

  private createTable(table: CustomerDataTable, key: kms.Key, removalPolicy: RemovalPolicy): dynamodb.Table {
    const layout = layoutOf(table);
    const created = new dynamodb.Table(this, tableConstructId(table), {
      partitionKey: { name: layout.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: layout.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: layout.ttlAttribute,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });
    for (const index of Object.values(layout.indexes)) {
      created.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: index.sortKey === undefined ? undefined : { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: index.projection === 'KEYS_ONLY' ? dynamodb.ProjectionType.KEYS_ONLY : dynamodb.ProjectionType.ALL,
      });
    }
    return created;
  }

  private importTable(table: CustomerDataTable, tableName: string): dynamodb.ITable {
    return dynamodb.Table.fromTableAttributes(this, `Existing${tableConstructId(table)}`, {
      tableName,
      globalIndexes: customerDataIndexNames(table),
      encryptionKey: this.existingKey,
    });
  }
}

/** `customers` → `Customers`, `accessLog` → `AccessLog`: construct ids, so logical ids read well. */
const tableConstructId = (table: CustomerDataTable): string => `${table.charAt(0).toUpperCase()}${table.slice(1)}`;
