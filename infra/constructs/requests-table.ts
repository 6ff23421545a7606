import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { REQUESTS_TABLE_LAYOUT } from '../../functions/adapters/dynamodb/requests-table-layout.js';

/**
 * How much of the requests table a function may touch. Each level lists the exact DynamoDB
 * actions, so a function gets what its code path calls and nothing else. No level includes
 * `Scan`, `DeleteItem` or `BatchWriteItem`: requests and their audit trail are never deleted by a
 * function, and a scan over every requester's data is never needed.
 *
 * Transactions need no action of their own: IAM authorises each item of a `TransactWriteItems`
 * call as the underlying `PutItem` / `UpdateItem` / `ConditionCheckItem` (there is no
 * `dynamodb:TransactWriteItems` IAM action).
 *
 * - `read`: `GetItem`, `Query` (a request and its audit trail).
 * - `create`: `GetItem`, `PutItem`, `ConditionCheckItem` (intake: a conditional put of a new
 *   request, its first audit entry and idempotency key; read back on a duplicate).
 * - `readWrite`: `read` plus `PutItem`, `UpdateItem`, `ConditionCheckItem` (workflow steps move
 *   a request's status under a version condition and append audit entries).
 */
export type RequestsTableAccess = 'read' | 'create' | 'readWrite';

/** DynamoDB actions granted per {@link RequestsTableAccess} level. */
export const REQUESTS_TABLE_ACTIONS: Readonly<Record<RequestsTableAccess, readonly string[]>> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  create: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/** KMS actions DynamoDB performs on the caller's behalf with the table key (read vs write). */
export const REQUESTS_TABLE_KEY_ACTIONS: Readonly<Record<'read' | 'write', readonly string[]>> = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  write: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
};

/** The partition key of the inbox's triage list (see `dynamodb-inbox-store.ts`). */
export const TRIAGE_PARTITION = 'TRIAGE';

/** Extras of a {@link RequestsTable.grantAccess} beyond the table itself. */
export interface RequestsTableOptions {
  /**
   * Also allow `dynamodb:Query` on the sparse `open-requests` index, for jobs that walk the open
   * requests instead of scanning the table.
   *
   * @default false
   */
  readonly queryOpenRequests?: boolean;
  /**
   * Also allow `dynamodb:BatchGetItem`, for reading many known keys at once (the console's queue,
   * the intake's look-up of earlier messages).
   *
   * @default false
   */
  readonly batchRead?: boolean;
  /**
   * Also allow `dynamodb:Query` on the `all-requests` index: the case register and the dashboard,
   * which read every request ever made.
   *
   * @default false
   */
  readonly queryAllRequests?: boolean;
  /**
   * Also allow `dynamodb:Query` on the `open-queue` index: the staff console's queue pages.
   *
   * @default false
   */
  readonly queryQueue?: boolean;
  /**
   * Also allow `dynamodb:DeleteItem`, but only on items of the `TRIAGE` partition: resolving a
   * triaged mail moves its entry out of the triage list (the mail and its resolution stay, in
   * the inbox log). Nothing else in the table may ever be deleted.
   *
   * @default false
   */
  readonly resolveTriage?: boolean;
}

/** Options for {@link RequestsTable}; the key layout itself is fixed by `REQUESTS_TABLE_LAYOUT`. */
export interface RequestsTableProps {
  /**
   * What happens to the table and its key when the stack is deleted. Requests, audit trails and
   * refusals must be kept to demonstrate compliance (GDPR Art. 5(2)), so the default keeps them.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The one table that holds each rights request, its audit trail and its idempotency keys.
 *
 * The layout comes from `REQUESTS_TABLE_LAYOUT`, the same description the DynamoDB adapter and the
 * local runtime use, so the deployed keys cannot drift from what the code queries. The table is
 * encrypted with a customer-managed key (rotated yearly) so access to personal data can be
 * revoked and audited through the key, and it has point-in-time recovery.
 */
export class RequestsTable extends Construct {
  /** The DynamoDB table. Grant through {@link RequestsTable.grantAccess}, not `table.grant*`. */
  readonly table: dynamodb.Table;
  /** The customer-managed key that encrypts the table. */
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: RequestsTableProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const layout = REQUESTS_TABLE_LAYOUT;

    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the GDPR rights requests table (requests, audit trails, idempotency keys)',
      enableKeyRotation: true,
      removalPolicy,
    });

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: layout.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: layout.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: layout.ttlAttribute,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });

    this.table.addGlobalSecondaryIndex({
      indexName: layout.openRequestsIndex.name,
      partitionKey: { name: layout.openRequestsIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: layout.openRequestsIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: [...layout.openRequestsIndex.nonKeyAttributes],
    });
    this.table.addGlobalSecondaryIndex({
      indexName: layout.allRequestsIndex.name,
      partitionKey: { name: layout.allRequestsIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: layout.allRequestsIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    // Sparse (open requests only) and whole, so a queue page reads the rows it shows and no more.
    this.table.addGlobalSecondaryIndex({
      indexName: layout.queueIndex.name,
      partitionKey: { name: layout.queueIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: layout.queueIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }

  /** The table's name, for a function's environment. */
  get tableName(): string {
    return this.table.tableName;
  }

  /**
   * Grants one {@link RequestsTableAccess} level on the table (its index only when asked for) and
   * the matching use of the table key, restricted to calls DynamoDB makes on the grantee's behalf.
   */
  grantAccess(grantee: iam.IGrantable, access: RequestsTableAccess, options: RequestsTableOptions = {}): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: [...REQUESTS_TABLE_ACTIONS[access]],
      resourceArns: [this.table.tableArn],
    });
    if (options.batchRead === true) {
      iam.Grant.addToPrincipal({ grantee, actions: ['dynamodb:BatchGetItem'], resourceArns: [this.table.tableArn] });
    }
    if (options.resolveTriage === true) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:DeleteItem'],
          resources: [this.table.tableArn],
          conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [TRIAGE_PARTITION] } },
        }),
      );
    }
    if (options.queryAllRequests === true) {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['dynamodb:Query'],
        resourceArns: [`${this.table.tableArn}/index/${REQUESTS_TABLE_LAYOUT.allRequestsIndex.name}`],
      });
    }
    if (options.queryQueue === true) {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['dynamodb:Query'],
        resourceArns: [`${this.table.tableArn}/index/${REQUESTS_TABLE_LAYOUT.queueIndex.name}`],
      });
    }
    if (options.queryOpenRequests === true) {
      iam.Grant.addToPrincipal({
        grantee,
        actions: ['dynamodb:Query'],
        resourceArns: [`${this.table.tableArn}/index/${REQUESTS_TABLE_LAYOUT.openRequestsIndex.name}`],
      });
    }
    const keyActions = access === 'read' ? REQUESTS_TABLE_KEY_ACTIONS.read : REQUESTS_TABLE_KEY_ACTIONS.write;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...keyActions],
        resources: [this.key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` },
        },
      }),
    );
  }
}
