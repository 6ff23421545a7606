import type { RecipientDirectory } from '../../functions/domain/recipients/recipient-directory.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { CUSTOMER_DATA_TABLE_ENV } from '../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { ENV } from '../../functions/platform/env-names.js';
import { handlerModule } from '../function-entry-points.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../function-timeouts.js';
import { DOCUMENT_LIBRARIES, DOCUMENT_LIBRARY_FUNCTIONS, documentLibrariesLayer } from './document-libraries-layer.js';
import { dynamoDbSdkLayer } from './dynamodb-sdk-layer.js';
import type { CustomerDataAccess, CustomerDataTable, CustomerDataTables } from './customer-data-tables.js';
import { INBOUND_MAIL_ENV, type InboundMailBucket } from './inbound-mail-bucket.js';
import {
  REQUEST_DATA_PREFIXES,
  type RequestDataAccess,
  type RequestDataBucket,
  type RequestDataPrefix,
} from './request-data-bucket.js';
import type { RequestsTable, RequestsTableAccess, RequestsTableOptions } from './requests-table.js';
import type { StaffUserPool } from './staff-user-pool.js';

/** How a function answers a waiting workflow task: `SendTaskSuccess`, `SendTaskFailure`. */
export type TaskResponse = 'success' | 'failure';

const TASK_RESPONSE_ACTIONS: Readonly<Record<TaskResponse, string>> = {
  success: 'states:SendTaskSuccess',
  failure: 'states:SendTaskFailure',
};

/** Log levels the shared logger (`functions/platform/logger.ts`) understands. */
export type FunctionLogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * The Node.js runtime every function uses: the newest `lambda.Runtime.NODEJS_<n>_X` that this
 * aws-cdk-lib offers. Pinned rather than `NODEJS_LATEST` (which lags behind) so an upgrade is a
 * visible change; the infra tests fail when aws-cdk-lib adds a newer one.
 */
export const DSR_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** arm64 (Graviton): cheaper per GB-second than x86_64 and every dependency is pure JS. */
export const DSR_ARCHITECTURE = lambda.Architecture.ARM_64;

/**
 * Modules left out of every bundle: the AWS SDK for JavaScript v3 (with its `@smithy/*`
 * dependencies). Bundling it would add 150–500 KB minified per function. The DynamoDB client,
 * which every function loads at start-up, comes from our layer (`dynamodb-sdk-layer.ts`: one
 * minified file of the version package-lock.json pins, which starts in half the time); the
 * clients loaded on first use (S3, SES v2, Step Functions) come from the nodejs24.x runtime, so
 * those run the runtime's SDK version, not necessarily the one the tests ran (long-stable APIs).
 * Bundle sizes (`npm run bench`, `test/infra/function-bundles.test.ts`) therefore count our code
 * and our other dependencies, not the SDK; the layer's size is printed beside them.
 */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/*', '@smithy/*'] as const;

/**
 * Modules left out of every bundle because the Powertools for AWS Lambda layer provides them
 * (Logger, Metrics, Tracer and the X-Ray SDK the Tracer needs: about 170 KB minified, which every
 * function would otherwise carry). Counted like the SDK: not in the bundle sizes, but in the cold
 * initialisation `npm run bench` measures, which loads them from node_modules.
 */
export const LAYER_PROVIDED_MODULES = ['@aws-lambda-powertools/*', 'aws-xray-sdk-core'] as const;

/** The Powertools version package.json pins; the layer deployed is the same release. */
export const POWERTOOLS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }
).dependencies['@aws-lambda-powertools/logger']!;

/**
 * The public Powertools for AWS Lambda (TypeScript) layer of {@link POWERTOOLS_VERSION}, looked up
 * at deploy time in the SSM parameter AWS publishes for each release in each region (so no account
 * number or layer version is typed here). One per stack.
 *
 * The path is the one the Powertools documentation gives («Lambda layers», «Lookup Layer ARN via AWS
 * SSM Parameter Store»): `/aws/service/powertools/typescript/generic/all/{version}`, published for
 * every release in all commercial regions, eu-north-1 among them. Before a first deploy, ops can
 * check it with `aws ssm get-parameter --name <path> --region eu-north-1` (README, «Deploy»).
 */
export function powertoolsLayer(scope: Construct): lambda.ILayerVersion {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('PowertoolsLayer') as lambda.ILayerVersion | undefined;
  if (existing) return existing;
  const arn = ssm.StringParameter.valueForStringParameter(stack, `/aws/service/powertools/typescript/generic/all/${POWERTOOLS_VERSION}`);
  return lambda.LayerVersion.fromLayerVersionArn(stack, 'PowertoolsLayer', arn);
}

/**
 * How every function is bundled (CDK runs esbuild with these); `npm run bench` and the bundle
 * size test build with the same settings, so the sizes they report are those that deploy.
 *
 * CommonJS output: the handlers use neither top-level await nor `import.meta`, and the SDK then
 * loads through `require`, which reads each client's CommonJS file, where an ES `import` of it
 * first has every file lexed for its exports (about twice the cold-start time for DynamoDB). Dependencies are still read as ES modules (`mainFields`), so unused parts of
 * zod and others are left out of the bundle. The mail and PDF libraries come from our layer
 * (`document-libraries-layer.ts`), given only to the functions that use them.
 */
export const DSR_BUNDLING = {
  format: OutputFormat.CJS,
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  externalModules: [...RUNTIME_PROVIDED_MODULES, ...LAYER_PROVIDED_MODULES, ...DOCUMENT_LIBRARIES],
} as const;

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The handler module of a function folder, resolved from this file so the CWD does not matter. */
export function handlerEntry(folder: string): string {
  return fileURLToPath(new URL(`../../${handlerModule(folder)}`, import.meta.url));
}

/** The route that makes a letter by post as PDF (staff open the letter to print and post it). */
const PDF_ROUTE_KEYS: readonly string[] = ['GET /console/requests/{id}/letter'];

/**
 * Functions that make letters by post as PDF: those the route table gives the PDF route, so the
 * set follows the routes when they move between functions. The font the letters embed is copied
 * beside their bundle, where `letterFontPath()` finds it.
 */
export const PDF_MAKING_FUNCTIONS: readonly string[] = [
  ...new Set(HTTP_ROUTES.filter((route) => PDF_ROUTE_KEYS.includes(`${route.method} ${route.path}`)).map((route) => route.function)),
];

const letterFontHooks = {
  beforeBundling: (): string[] => [],
  beforeInstall: (): string[] => [],
  afterBundling: (inputDir: string, outputDir: string): string[] => [
    `cp "${inputDir}/node_modules/@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff" "${outputDir}/"`,
  ],
};

/** Settings a function needs to send mail through SES; see {@link DsrFunction.bindMailSender}. */
export interface MailSenderSettings {
  /** The only From address the function may use, e.g. `naerkontor@obos.no`. */
  readonly senderAddress: string;
  /** The verified SES domain identity the sender belongs to, e.g. `obos.no`. */
  readonly sesIdentityDomain: string;
  /** Base URL put into links in mails (receipt page); unset leaves links out. */
  readonly publicBaseUrl?: string;
  /**
   * The SES configuration set every send names (`SES_CONFIGURATION_SET`), so bounces and
   * complaints are published and reputation is tracked.
   */
  readonly configurationSetName: string;
  /** The custom MAIL FROM domain of our letters (`bounce.<identity domain>` by default). */
  readonly mailFromDomain?: string;
}

/** Properties of a {@link DsrFunction}. */
export interface DsrFunctionProps {
  /** Folder under `functions/` whose `handler.ts` exports `handler`. */
  readonly folder: string;
  /**
   * The module to bundle instead of the folder's `handler.ts`, e.g. a stand-in in a test that
   * synthesizes (without bundling) a function whose handler is not written yet.
   *
   * @default handlerEntry(folder)
   */
  readonly entry?: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** How long the function's log group keeps logs. */
  readonly logRetention: logs.RetentionDays;
  /** `LOG_LEVEL` for the shared logger. */
  readonly logLevel: FunctionLogLevel;
  /**
   * Upper bound of one invocation. HTTP functions should stay well under API Gateway's 30 s.
   *
   * @default DEFAULT_TIMEOUT_SECONDS
   */
  readonly timeout?: Duration;
  /**
   * Memory in MB; CPU scales with it, so 512 keeps cold starts of the bundled SDK short.
   *
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Reserved concurrency (a ceiling, and a share of the account's limit kept for it).
   *
   * @default unreserved
   */
  readonly reservedConcurrency?: number;
}

/**
 * One Lambda function of the pipeline with the project's defaults: newest Node.js runtime, arm64,
 * a CommonJS bundle built by the local esbuild ({@link DSR_BUNDLING}: minified, with source maps, the
 * AWS SDK left to the layers and the runtime), the Powertools and DynamoDB client layers, active
 * tracing, and its own log group with a retention period.
 *
 * Access is added only through the `bind*` methods, each of which sets the environment variable
 * the handler's config schema reads (names from `functions/platform/env-names.ts`) together with
 * the least-privilege grant that makes it usable. A function therefore cannot be told about a
 * resource it may not use, nor be allowed a resource it is not told about.
 *
 * @example
 * ```ts
 * const readDecision = new DsrFunction(this, 'ReadDecision', { folder: 'read-decision', ... });
 * readDecision.bindRequestsTable(requests, 'read');
 * ```
 */
export class DsrFunction extends NodejsFunction {
  /** The folder under `functions/` this function was built from. */
  readonly folder: string;

  constructor(scope: Construct, id: string, props: DsrFunctionProps) {
    const entry = props.entry ?? handlerEntry(props.folder);
    if (!existsSync(entry)) {
      throw new Error(`DsrFunction ${id}: no handler at ${entry} (folder "${props.folder}")`);
    }
    const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry,
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
      runtime: DSR_RUNTIME,
      architecture: DSR_ARCHITECTURE,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(DEFAULT_TIMEOUT_SECONDS),
      tracing: lambda.Tracing.ACTIVE,
      layers: [powertoolsLayer(scope), dynamoDbSdkLayer(scope), ...(DOCUMENT_LIBRARY_FUNCTIONS.includes(props.folder) ? [documentLibrariesLayer(scope)] : [])],
      reservedConcurrentExecutions: props.reservedConcurrency,
      logGroup,
      environment: {
        [ENV.logLevel]: props.logLevel,
        // Powertools for AWS Lambda names the logs, metrics and traces of the function after its folder.
        POWERTOOLS_SERVICE_NAME: props.folder,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        ...DSR_BUNDLING,
        mainFields: [...DSR_BUNDLING.mainFields],
        externalModules: [...DSR_BUNDLING.externalModules],
        ...(PDF_MAKING_FUNCTIONS.includes(props.folder) ? { commandHooks: letterFontHooks } : {}),
      },
    });
    this.folder = props.folder;
    this.acknowledgeBaseRoleFindings();
  }

  /**
   * The cdk-nag findings every function's role has by construction, acknowledged on this role
   * only (never on the stack): the managed basic-execution policy and X-Ray's `Resource::*`.
   */
  private acknowledgeBaseRoleFindings(): void {
    const role = this.role;
    if (role === undefined) return;
    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'Writes to its own log group only (CreateLogStream/PutLogEvents); the AWS-maintained policy tracks log API changes',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords accept only Resource "*" (no resource-level permissions exist for them)',
      },
    );
  }

  /** Acknowledges cdk-nag findings on this function's role policy, for a grant whose scope is as narrow as AWS allows. */
  acknowledgeOnRole(...acknowledgments: { readonly id: string; readonly reason: string }[]): this {
    if (this.role !== undefined) Validations.of(this.role).acknowledge(...acknowledgments);
    return this;
  }

  /**
   * Tells the function the requests table (`REQUESTS_TABLE_NAME`) and grants one access level.
   *
   * @see RequestsTableAccess for the exact actions of each level
   */
  bindRequestsTable(requests: RequestsTable, access: RequestsTableAccess, options: RequestsTableOptions = {}): this {
    this.addEnvironment(ENV.requestsTable, requests.tableName);
    requests.grantAccess(this, access, options);
    if (access !== 'read') this.acknowledgeTableKeyWrite();
    return this;
  }

  /**
   * DynamoDB writes through a customer-managed key need `kms:GenerateDataKey*` and `kms:ReEncrypt*`
   * (CDK's table grant); they are granted on that one key's ARN, so the action wildcards cannot
   * reach another key.
   */
  private acknowledgeTableKeyWrite(): void {
    const reason = 'Granted on the one table key ARN only; DynamoDB needs the data-key variants of the action to write through a customer-managed key';
    this.acknowledgeOnRole(
      { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason },
      { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason },
    );
  }

  /** Object ARNs under a prefix end in `/*` by nature: the grant is as narrow as that prefix. */
  private acknowledgePrefixGrant(bucket: { readonly node: { readonly defaultChild?: unknown } }, prefix: string): void {
    const logicalId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnElement);
    this.acknowledgeOnRole({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
      reason: `Objects under ${prefix} only: request ids are not known when the role is made, so the prefix is the narrowest resource`,
    });
  }

  /**
   * Tells the function the customer-data stores it uses (`CUSTOMERS_TABLE_NAME`,
   * `BILLING_TABLE_NAME`, `ACCESS_LOG_TABLE_NAME`) and grants one access level on each of them;
   * stores left out are neither named nor granted.
   *
   * @example
   * ```ts
   * carryOut.bindCustomerData(customerData, { customers: 'readWriteDelete', billing: 'readWriteDelete' });
   * ```
   * @see CustomerDataAccess for the exact actions of each level
   */
  /**
   * Tells an HTTP function the secret CloudFront sends to the origin (`ORIGIN_VERIFY_SECRET`), so
   * it refuses requests that went around the edge. A dynamic reference, as for the suppression key.
   */
  bindOriginVerifySecret(secret: ISecret): this {
    this.addEnvironment(ENV.originVerifySecret, secret.secretValue.unsafeUnwrap());
    return this;
  }

  /** Tells the function the suppression list's HMAC key (`SUPPRESSION_HMAC_SECRET`). */
  bindSuppressionSecret(secret: ISecret): this {
    // A dynamic reference: CloudFormation resolves it at deploy time, so the key is never in the
    // template or the cloud assembly; the function reads it once at cold start like other config.
    this.addEnvironment(ENV.suppressionSecret, secret.secretValue.unsafeUnwrap());
    return this;
  }

  bindCustomerData(
    tables: CustomerDataTables,
    access: Readonly<Partial<Record<CustomerDataTable, CustomerDataAccess>>>,
  ): this {
    for (const [table, level] of Object.entries(access) as [CustomerDataTable, CustomerDataAccess | undefined][]) {
      if (level === undefined) continue;
      this.addEnvironment(CUSTOMER_DATA_TABLE_ENV[table], tables.tableName(table));
      tables.grantAccess(this, table, level);
      if (level !== 'read') this.acknowledgeTableKeyWrite();
    }
    return this;
  }

  /**
   * Tells the function the request-data bucket (`REQUEST_DATA_BUCKET`) and grants one access level
   * under one prefix; call once per prefix. A function that writes to `exports/` creates export
   * packages, so it is also told how long they can be downloaded (`EXPORT_DOWNLOAD_DAYS`).
   *
   * `REQUEST_DATA_BUCKET_SSE` is deliberately left unset: S3 then encrypts each upload with the
   * bucket's customer-managed key. Sending `aws:kms` without a key id would select the AWS-managed
   * `aws/s3` key instead, which the bucket policy refuses.
   *
   * @see RequestDataAccess for the exact actions of each level
   */
  bindRequestData(bucket: RequestDataBucket, access: RequestDataAccess, prefix: RequestDataPrefix): this {
    this.addEnvironment(ENV.dataBucket, bucket.bucketName);
    if (prefix === REQUEST_DATA_PREFIXES.exports && (access === 'readWrite' || access === 'readWriteDelete')) {
      this.addEnvironment(ENV.exportDays, String(bucket.exportDownloadDays));
    }
    bucket.grantAccess(this, access, prefix);
    this.acknowledgePrefixGrant(bucket.bucket, prefix);
    return this;
  }

  /**
   * Tells the function where SES stores received e-mail (`INBOUND_MAIL_BUCKET`,
   * `INBOUND_MAIL_PREFIX`) and allows reading messages under that prefix, with the key use S3
   * makes on its behalf.
   *
   * @see InboundMailBucket.grantRead for the exact grant
   */
  bindInboundMail(inbound: InboundMailBucket): this {
    this.addEnvironment(INBOUND_MAIL_ENV.bucket, inbound.bucketName);
    this.addEnvironment(INBOUND_MAIL_ENV.prefix, inbound.prefix);
    inbound.grantRead(this);
    this.acknowledgePrefixGrant(inbound.bucket, inbound.prefix);
    return this;
  }

  /**
   * Tells the function the workflow (`STATE_MACHINE_ARN`) and allows it to answer a waiting task
   * (`states:SendTaskSuccess` and/or `states:SendTaskFailure`) of that state machine only.
   *
   * Only for functions the workflow does not call: the state machine's definition depends on the
   * ARNs of the functions it calls, so their roles cannot depend on the state machine in turn.
   */
  bindTaskCallbacks(stateMachine: IStateMachine, responses: readonly TaskResponse[] = ['success', 'failure']): this {
    this.addEnvironment(ENV.stateMachineArn, stateMachine.stateMachineArn);
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: responses.map((response) => TASK_RESPONSE_ACTIONS[response]),
        resources: [stateMachine.stateMachineArn],
      }),
    );
    return this;
  }

  /**
   * Tells the function where Art. 19 notices go (`RECIPIENT_ADDRESSES`, a JSON object of recipient
   * id to e-mail address). No grant: the mail itself is sent under {@link DsrFunction.bindMailSender}.
   */
  bindRecipients(addresses: Readonly<Record<string, string>>): this {
    this.addEnvironment(ENV.recipientAddresses, JSON.stringify(addresses));
    return this;
  }

  /**
   * Tells the function the recipients by name (`RECIPIENT_DIRECTORY`, the validated
   * `recipientDirectory` setting as JSON), for the copy and the reply. No grant.
   */
  bindRecipientDirectory(directory: RecipientDirectory | undefined): this {
    if (directory) this.addEnvironment(ENV.recipientDirectory, JSON.stringify(directory));
    return this;
  }

  /**
   * Tells the function the workflow (`STATE_MACHINE_ARN`) and allows `states:StartExecution` on
   * that state machine only.
   */
  bindStateMachineStart(stateMachine: IStateMachine): this {
    this.addEnvironment(ENV.stateMachineArn, stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(this);
    return this;
  }

  /**
   * Tells a function that reads received mail our own From address (`SENDER_ADDRESS`), so that a
   * message from it (a letter of ours coming back, or a forged one) never starts a case that would
   * mail that address again. No grant: such a function sends nothing.
   */
  bindOwnSenderAddress(mail: MailSenderSettings): this {
    this.addEnvironment(ENV.senderAddress, mail.senderAddress);
    return this;
  }

  /**
   * Tells an intake (form, inbox, staff console) the system's own addresses — our From address
   * (`SENDER_ADDRESS`), the staff digest address (`STAFF_DIGEST_ADDRESS`) and the MAIL FROM domain
   * (`MAIL_FROM_DOMAIN`) — so none is ever taken as a requester's (no mail loop, no stranger's
   * text to our own staff). No grant: knowing an address sends nothing.
   */
  bindSystemAddresses(mail: MailSenderSettings, staffDigestAddress: string): this {
    this.addEnvironment(ENV.senderAddress, mail.senderAddress);
    this.addEnvironment(ENV.staffDigestAddress, staffDigestAddress);
    if (mail.mailFromDomain !== undefined) this.addEnvironment(ENV.mailFromDomain, mail.mailFromDomain);
    return this;
  }

  /** Tells the deadline watch where the staff digest and warnings go (`STAFF_DIGEST_ADDRESS`). */
  bindStaffDigest(address: string): this {
    this.addEnvironment(ENV.staffDigestAddress, address);
    return this;
  }

  /**
   * Tells a function serving staff routes how to check staff tokens: the user pool's issuer, the
   * console client's id (the tokens' audience) and the pool's public key set. No grant: the key
   * set is public and the check happens in the function.
   */
  bindStaffTokens(pool: StaffUserPool): this {
    this.addEnvironment(ENV.staffTokenIssuer, pool.issuer);
    this.addEnvironment(ENV.staffTokenAudience, pool.client.userPoolClientId);
    this.addEnvironment(ENV.staffTokenJwks, pool.jwksUrl);
    return this;
  }

  /**
   * Tells the console how staff sign in: Cognito's hosted pages on the pool's domain, and the
   * console's own address (`PUBLIC_BASE_URL`) for the callback and the same-origin checks.
   */
  bindConsoleSignIn(pool: StaffUserPool, consoleBaseUrl: string): this {
    this.bindStaffTokens(pool);
    this.addEnvironment(ENV.consoleSignIn, 'cognito');
    this.addEnvironment(ENV.cognitoDomain, pool.domainName);
    this.addEnvironment(ENV.publicBaseUrl, consoleBaseUrl);
    return this;
  }

  /**
   * Tells the function the sender (`SENDER_ADDRESS`, the configuration set `SES_CONFIGURATION_SET`,
   * and `PUBLIC_BASE_URL` when set) and allows
   * `ses:SendEmail` / `ses:SendRawEmail` on the SES domain identity only, and only with that From
   * address: a compromised function cannot send as anyone else at the domain.
   */
  bindMailSender(mail: MailSenderSettings): this {
    this.addEnvironment(ENV.senderAddress, mail.senderAddress);
    this.addEnvironment(ENV.sesConfigurationSet, mail.configurationSetName);
    if (mail.publicBaseUrl !== undefined) {
      this.addEnvironment(ENV.publicBaseUrl, mail.publicBaseUrl);
    }
    // A send that names a configuration set is authorised on the set as well as the identity.
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [sesIdentityArn(this, mail.sesIdentityDomain), sesConfigurationSetArn(this, mail.configurationSetName)],
        conditions: { StringEquals: { 'ses:FromAddress': mail.senderAddress } },
      }),
    );
    return this;
  }
}

/** `arn:<partition>:ses:<region>:<account>:configuration-set/<name>` of the stack's environment. */
export function sesConfigurationSetArn(scope: Construct, name: string): string {
  return Stack.of(scope).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: name });
}

/** `arn:<partition>:ses:<region>:<account>:identity/<domain>` of the stack's environment. */
export function sesIdentityArn(scope: Construct, domain: string): string {
  return Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: domain });
}
