import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { WORKFLOW_FUNCTIONS, type WorkflowSubstitution } from '../../functions/workflow-steps/workflow-functions.js';
import { CustomerDataTables } from '../constructs/customer-data-tables.js';
import type { DsrFunction } from '../constructs/dsr-function.js';
import { EmailInbox } from '../constructs/email-inbox.js';
import { InboundMailBucket } from '../constructs/inbound-mail-bucket.js';
import { OperationsAlarms } from '../constructs/operations-alarms.js';
import { MaskPersonalDataInLogs } from '../constructs/personal-data-masking.js';
import { DataBackup } from '../constructs/data-backup.js';
import { DeadlineWatch } from '../constructs/deadline-watch.js';
import { PublicApi } from '../constructs/public-api.js';
import { StaffUserPool } from '../constructs/staff-user-pool.js';
import { RequestDataBucket } from '../constructs/request-data-bucket.js';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { RequestsTable } from '../constructs/requests-table.js';
import { RightsRequestWorkflow } from '../constructs/rights-request-workflow.js';
import { MailSending } from '../constructs/mail-sending.js';
import { OperationsDashboard } from '../constructs/operations-dashboard.js';
import { originVerifySecretName, resourcePrefix, type DeploySettings, type Stage } from '../settings.js';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import {
  FUNCTION_DEFINITIONS,
  bindToStaffSignIn,
  bindToWorkflow,
  createDsrFunction,
  deployedFolders,
  type FunctionDefinition,
  type FunctionFolder,
  type FunctionResources,
} from './dsr-functions.js';

export type { FunctionFolder };

/** Properties of {@link DsrStack}. */
export interface DsrStackProps extends StackProps {
  /** Validated deploy settings (see `infra/settings.ts`). */
  readonly settings: DeploySettings;
}

/**
 * The GDPR data-subject-rights pipeline of OBOS Nærkontor AS: the HTTP API, the requests table,
 * the customer-data stores, the request-data bucket, the workflow and its functions, and (with
 * `inboxEnabled`) the e-mail inbox. The stack only composes constructs; every grant is made by a
 * construct's `bind*`/`grant*` method so it sits next to the environment variable it serves, and
 * which functions exist follows from `HTTP_ROUTES`, `WORKFLOW_FUNCTIONS`, the scheduled jobs and
 * the inbox setting (see `dsr-functions.ts`).
 */
export class DsrStack extends Stack {
  /** The deployed functions by folder (folders a route, substitution or schedule uses, and the inbox's). */
  readonly functions: Readonly<Partial<Record<FunctionFolder, DsrFunction>>>;
  /** The requests table and its key. */
  readonly requests: RequestsTable;
  /** The subscription, billing and access-log stores. */
  readonly customerData: CustomerDataTables;
  /** The bucket for gathered data, plans and export packages. */
  readonly requestData: RequestDataBucket;
  /** The rights-request state machine. */
  readonly workflow: RightsRequestWorkflow;
  /** The HTTP API (public pages and the staff API). */
  readonly api: PublicApi;
  /** The EventBridge rules of the scheduled jobs, by folder. */
  readonly schedules: Readonly<Partial<Record<FunctionFolder, events.Rule>>>;
  /** Where SES stores received e-mail; only with `inboxEnabled`. */
  readonly inboundMail?: InboundMailBucket;
  /** The daily deadline watch's schedule and its overdue / not-running alarms. */
  readonly deadlineWatch: DeadlineWatch;
  /** The staff console's Cognito user pool (groups `staff` and `privacy-officer`, MFA required). */
  readonly staffUsers: StaffUserPool;
  /** The SES receipt rule set and rule of the request address; only with `inboxEnabled`. */
  readonly inbox?: EmailInbox;
  /** The HMAC key of the marketing suppression list. */
  readonly suppressionSecret: secretsmanager.Secret;
  /**
   * With a domain: the secret CloudFront adds to every request to the origin (`x-origin-verify`);
   * every HTTP function refuses a request without it, so `origin.<domain>` cannot bypass the WAF.
   */
  readonly originVerifySecret?: secretsmanager.Secret;
  /** The daily AWS Backup of the requests table and the buckets. */
  readonly backup: DataBackup;
  /** The SES identity, configuration set, bounce/complaint events and their alarms. */
  readonly mailSending: MailSending;
  /** Every alarm and its notification topic. */
  readonly alarms: OperationsAlarms;
  /** The one dashboard: request flow and alarms. */
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: DsrStackProps) {
    super(scope, id, props);
    const { settings } = props;
    // Every log group of the stack, whoever creates it, masks e-mail addresses and phone numbers.
    MaskPersonalDataInLogs.applyTo(this);

    this.requests = new RequestsTable(this, 'Requests');
    this.customerData = new CustomerDataTables(this, 'CustomerData', {
      existingTableNames: {
        customers: settings.customersTableName,
        billing: settings.billingTableName,
        accessLog: settings.accessLogTableName,
      },
      existingKeyArn: settings.customerDataKeyArn,
    });
    this.requestData = new RequestDataBucket(this, 'RequestData', { exportDownloadDays: settings.exportDownloadDays });
    if (settings.inboxEnabled) {
      this.inboundMail = new InboundMailBucket(this, 'InboundMail');
    }

    // The suppression list's HMAC key: generated once, kept on stack deletion like the tables
    // whose entries it keys (a new key would make every stored entry unrecognisable).
    this.suppressionSecret = new secretsmanager.Secret(this, 'SuppressionKey', {
      description: 'HMAC key of the marketing suppression list (keyed hashes of contacts that must never be marketed to)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.suppressionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'An HMAC key of stored suppression entries: rotating it would make every entry unrecognisable, so it is not rotated',
    });
    this.backup = new DataBackup(this, 'Backup', {
      resources: {
        requests: { resource: this.requests.table, key: this.requests.key },
        requestData: { resource: this.requestData.bucket, key: this.requestData.key },
        ...(this.inboundMail === undefined ? {} : { inboundMail: { resource: this.inboundMail.bucket, key: this.inboundMail.key } }),
      },
      copyVaultArn: settings.backupCopyVaultArn,
    });
    this.mailSending = new MailSending(this, 'MailSending', {
      identityDomain: settings.sesIdentityDomain,
      mailFromDomain: settings.mailFromDomain,
      configurationSetName: resourcePrefix(settings.stage),
    });

    const resources: FunctionResources = {
      requests: this.requests,
      customerData: this.customerData,
      requestData: this.requestData,
      mail: {
        senderAddress: settings.senderAddress,
        sesIdentityDomain: settings.sesIdentityDomain,
        publicBaseUrl: settings.publicBaseUrl,
        // The literal name (not the set's Ref), so each role's SES grant names the set's ARN as text.
        configurationSetName: resourcePrefix(settings.stage),
        mailFromDomain: settings.mailFromDomain,
      },
      recipientAddresses: settings.recipientAddresses,
      recipientDirectory: settings.recipientDirectory,
      staffDigestAddress: settings.staffDigestAddress,
      inboundMail: this.inboundMail,
      suppressionSecret: this.suppressionSecret,
    };

    const functions: Partial<Record<FunctionFolder, DsrFunction>> = {};
    for (const folder of deployedFolders(HTTP_ROUTES, WORKFLOW_FUNCTIONS, { inbox: settings.inboxEnabled })) {
      functions[folder] = createDsrFunction(this, folder, resources, {
        logRetention: settings.logRetentionDays,
        logLevel: settings.logLevel,
      });
    }
    this.functions = functions;

    // Which function serves which `${...}` of the definition is decided by WORKFLOW_FUNCTIONS alone.
    const workflowFolders = new Set<string>(Object.values(WORKFLOW_FUNCTIONS));
    const workflowFunctions = Object.fromEntries(
      (Object.entries(WORKFLOW_FUNCTIONS) as [WorkflowSubstitution, FunctionFolder][]).map(([name, folder]) => [
        name,
        this.functionFor(folder),
      ]),
    ) as Record<WorkflowSubstitution, DsrFunction>;
    this.workflow = new RightsRequestWorkflow(this, 'Workflow', {
      functions: workflowFunctions,
      logRetention: settings.logRetentionDays,
    });
    for (const [folder, fn] of this.deployed()) {
      bindToWorkflow(folder, fn, this.workflow.stateMachine, workflowFolders.has(folder));
    }

    const schedules: Partial<Record<FunctionFolder, events.Rule>> = {};
    for (const [folder, fn] of this.deployed()) {
      const { schedule }: FunctionDefinition = FUNCTION_DEFINITIONS[folder];
      if (schedule === undefined) continue;
      schedules[folder] = new events.Rule(this, `${fn.node.id}Schedule`, {
        description: `Runs ${folder} on its schedule`,
        schedule,
        targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
      });
    }
    this.schedules = schedules;

    if (this.inboundMail !== undefined) {
      this.inbox = new EmailInbox(this, 'Inbox', {
        address: settings.inboxAddress,
        mailStore: this.inboundMail,
        intake: this.functionFor('email-intake'),
        activate: settings.activateReceiptRuleSet,
        logRetention: settings.logRetentionDays,
      });
    }

    this.mailSending.deliverEventsTo(this.functionFor('mail-events'));

    // With a domain, the API answers on its own custom domain only (CloudFront's origin, see
    // DsrEdgeStack); its certificate is in this region, as API Gateway requires.
    let customDomain: { domainName: string; certificate: acm.ICertificate; zone: route53.IHostedZone } | undefined;
    if (settings.originDomain !== undefined && settings.hostedZoneId !== undefined && settings.hostedZoneName !== undefined) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: settings.hostedZoneId,
        zoneName: settings.hostedZoneName,
      });
      const certificate = new acm.Certificate(this, 'OriginCertificate', {
        domainName: settings.originDomain,
        validation: acm.CertificateValidation.fromDns(zone),
      });
      customDomain = { domainName: settings.originDomain, certificate, zone };
      this.originVerifySecret = this.originVerifyFor(settings.stage);
    }
    this.api = new PublicApi(this, 'PublicApi', {
      functions: this.functions,
      logRetention: settings.logRetentionDays,
      customDomain,
    });
    if (customDomain !== undefined && this.api.domainName !== undefined) {
      const domain = this.api.domainName;
      const target = route53.RecordTarget.fromAlias(
        new route53Targets.ApiGatewayv2DomainProperties(domain.regionalDomainName, domain.regionalHostedZoneId),
      );
      new route53.ARecord(this, 'OriginRecord', { zone: customDomain.zone, recordName: customDomain.domainName, target });
    }

    // Staff sign in with Cognito (MFA required); the console is served on its own domain behind
    // the edge, or by this API (or the public address) in a stage without a domain.
    const consoleBaseUrl =
      settings.consoleDomain !== undefined ? `https://${settings.consoleDomain}` : (settings.publicBaseUrl ?? this.api.api.apiEndpoint);
    this.staffUsers = new StaffUserPool(this, 'StaffUsers', {
      domainPrefix: settings.consoleDomainPrefix,
      callbackUrls: [`${consoleBaseUrl}/console/auth/callback`],
      logoutUrls: [`${consoleBaseUrl}/console/sign-in`],
    });
    for (const [folder, fn] of this.deployed()) {
      bindToStaffSignIn(folder, fn, { pool: this.staffUsers, consoleBaseUrl });
    }

    this.deadlineWatch = new DeadlineWatch(this, 'DeadlineWatch', { job: this.functionFor('watch-deadlines') });

    const alarms = new OperationsAlarms(this, 'Alarms', {
      stateMachine: this.workflow.stateMachine,
      apiStage: this.api.stage,
      functions: Object.fromEntries(this.deployed().map(([, fn]) => [fn.node.id, fn])),
      alarmEmail: settings.alarmEmail,
      failedEventQueues: {
        ...(this.inbox === undefined ? {} : { FailedEmailIntakes: this.inbox.failedIntakes }),
        FailedMailEvents: this.mailSending.failedEvents,
      },
      asyncFunctions: {
        ...(this.inbox === undefined ? {} : { EmailIntake: this.functionFor('email-intake') }),
        MailEvents: this.functionFor('mail-events'),
      },
      tables: {
        Requests: this.requests.table,
        Customers: this.customerData.table('customers'),
        Billing: this.customerData.table('billing'),
        AccessLog: this.customerData.table('accessLog'),
      },
    });
    this.alarms = alarms;

    const alarmAction = new cloudwatchActions.SnsAction(alarms.topic);
    this.deadlineWatch.addAlarmAction(alarmAction);
    for (const alarm of this.mailSending.alarms) alarm.addAlarmAction(alarmAction);

    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      dashboardName: resourcePrefix(settings.stage),
      functions: this.functions,
      alarms: [...alarms.alarms, ...this.deadlineWatch.alarms, ...this.mailSending.alarms],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Public URL of the request form' });
    new CfnOutput(this, 'RequestsTableName', { value: this.requests.tableName });
    new CfnOutput(this, 'CustomersTableName', {
      value: this.customerData.tableName('customers'),
      description: 'Subscription store (customers table)',
    });
    new CfnOutput(this, 'BillingTableName', { value: this.customerData.tableName('billing') });
    new CfnOutput(this, 'AccessLogTableName', { value: this.customerData.tableName('accessLog') });
    new CfnOutput(this, 'RequestDataBucketName', {
      value: this.requestData.bucketName,
      description: 'Gathered data, plans and export packages (KMS-encrypted)',
    });
    new CfnOutput(this, 'ConsoleUrl', { value: `${consoleBaseUrl}/console`, description: 'Staff console (Cognito sign-in)' });
    new CfnOutput(this, 'StaffUserPoolId', {
      value: this.staffUsers.userPool.userPoolId,
      description: 'Add staff here and put them in the staff or privacy-officer group',
    });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    if (this.inbox !== undefined && this.inboundMail !== undefined) {
      new CfnOutput(this, 'InboundMailBucketName', {
        value: this.inboundMail.bucketName,
        description: 'Received e-mail, raw, under inbound/ (KMS-encrypted)',
      });
      new CfnOutput(this, 'ReceiptRuleSetName', {
        value: this.inbox.ruleSet.receiptRuleSetName,
        description: settings.activateReceiptRuleSet
          ? 'Active SES receipt rule set of this region (activated by the stack)'
          : 'Activate with: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      });
      new CfnOutput(this, 'InboxMxRecord', {
        value: `10 inbound-smtp.${this.region}.amazonaws.com`,
        description: `MX record for the domain of ${settings.inboxAddress} (or forward that address to SES)`,
      });
      new CfnOutput(this, 'FailedEmailIntakesQueueUrl', { value: this.inbox.failedIntakes.queueUrl });
    }
  }

  /**
   * The deployed function of a folder.
   *
   * @throws Error when the folder is not deployed (no route, substitution or schedule uses it, or
   *   it is an inbox function and the inbox is disabled)
   */
  /**
   * The origin secret: generated here, replicated to us-east-1 where the edge stack resolves it by
   * name into CloudFront's origin header, and resolved into every HTTP function's environment.
   */
  private originVerifyFor(stage: Stage): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'OriginVerifyKey', {
      secretName: originVerifySecretName(stage),
      description: 'Sent by CloudFront to the API origin in x-origin-verify; requests without it are refused (no way around the WAF)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      ...(this.region === 'us-east-1' ? {} : { replicaRegions: [{ region: 'us-east-1' }] }),
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'CloudFront reads the header value only when the edge stack is deployed; rotate it by redeploying both stacks after `aws secretsmanager put-secret-value` (README runbook)',
    });
    const httpFolders = new Set<string>(HTTP_ROUTES.map((route) => route.function));
    for (const [folder, fn] of this.deployed()) if (httpFolders.has(folder)) fn.bindOriginVerifySecret(secret);
    return secret;
  }

  functionFor(folder: FunctionFolder): DsrFunction {
    const fn = this.functions[folder];
    if (fn === undefined) {
      throw new Error(
        `function "${folder}" is not deployed: no HTTP route, workflow substitution or schedule uses it (or it belongs to a disabled inbox)`,
      );
    }
    return fn;
  }

  /** Every deployed function with its folder. */
  deployed(): [FunctionFolder, DsrFunction][] {
    return Object.entries(this.functions) as [FunctionFolder, DsrFunction][];
  }
}
