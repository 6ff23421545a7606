import { WORKFLOW_FUNCTIONS, type WorkflowSubstitution } from '../../functions/workflow-steps/workflow-functions.js';
import type { FunctionFolder } from '../stacks/dsr-functions.js';
import { PRICE_LIST } from './price-list.js';
import { invokedSubstitutions, walkPath, WORKFLOW_PATHS, type AslMachine, type WorkflowPathName } from './workflow-paths.js';

/**
 * What the template and the ASL cannot tell: how people and functions behave. Each figure says
 * why it is what it is; change them here, not in the formulas.
 */
export const COST_ASSUMPTIONS = {
  /** How requests split over the paths in a month (the share of refusals and unverified cases). */
  pathMix: { answered: 0.7, refused: 0.05, answeredAfterReminder: 0.1, marketingStopped: 0.08, objectionAssessed: 0.02, unverified: 0.05 } satisfies Record<WorkflowPathName, number>,
  /**
   * HTTP calls per request, by function: the form page and its POST, the code page and its POST,
   * about ten staff console page loads to handle the case (the queue three times, the case page four
   * times and three actions on it), two downloads of an answer.
   */
  httpCalls: {
    verified: { 'web-form': 1, 'create-request': 1, 'verify-page': 2, 'console-queue': 3, 'console-case': 4, 'console-case-actions': 3, 'download-page': 2 },
    unverified: { 'web-form': 1, 'create-request': 1, 'console-queue': 1, 'console-case': 1, 'console-case-actions': 1 },
  } satisfies Record<string, Partial<Record<FunctionFolder, number>>>,
  /** Billed duration per invocation; reading stores and carrying out take longer than a status change. */
  durationMillis: { default: 250, 'gather-subscriptions': 1000, 'gather-billing': 1000, 'gather-access-log': 1500, 'plan-request': 800, 'carry-out': 1500 } as Record<string, number>,
  /** DynamoDB units per invocation: a read of the request, a status change written with its audit entry (a 2-item transaction). */
  readUnitsPerInvocation: 2,
  writeUnitsPerInvocation: 4,
  /** Art. 19 notices per NotifyRecipients call (none for access, up to three for an erasure). */
  noticesPerNotify: 1,
  /** Log bytes per invocation: START/END/REPORT lines and a few structured events. */
  logBytesPerInvocation: 1500,
  /** S3 per answered request: three gathered copies, the plan and a two-file export written; about as many reads. */
  s3PutsPerAnswer: 6,
  s3GetsPerAnswer: 8,
  /** Data kept per request: the request item with its audit trail, and gathered data and export in S3. */
  dynamoDbBytesPerRequest: 30_000,
  s3BytesPerRequest: 300_000,
  /** Months a request's data stays stored (the table keeps closed requests for the accountability record). */
  monthsKept: 12,
} as const;

/** One path's use and cost per request. */
export interface PathCost {
  readonly path: WorkflowPathName;
  readonly label: string;
  readonly transitions: number;
  readonly invocations: number;
  readonly mails: number;
  readonly usd: number;
}

/** A fixed monthly line, counted from the template. */
export interface FixedCost {
  readonly item: string;
  readonly count: number;
  readonly usd: number;
}

/** What the model reads from the synthesized stack. */
export interface StackFacts {
  /** Memory (MB) of each deployed function. */
  readonly memoryMb: Readonly<Partial<Record<FunctionFolder, number>>>;
  /** Functions whose role may send mail through SES. */
  readonly mailSenders: ReadonlySet<string>;
  /** Resources by CloudFormation type, with their properties. */
  readonly resources: readonly { readonly type: string; readonly properties: Record<string, unknown> }[];
}

const GB = 1024 ** 3;

/** Lambda cost of `calls` invocations of a function, from its memory and assumed duration. */
function lambdaUsd(facts: StackFacts, folder: string, calls: number): number {
  const memoryGb = (facts.memoryMb[folder as FunctionFolder] ?? 512) / 1024;
  const seconds = (COST_ASSUMPTIONS.durationMillis[folder] ?? COST_ASSUMPTIONS.durationMillis.default!) / 1000;
  const logBytes = calls * COST_ASSUMPTIONS.logBytesPerInvocation;
  return (
    calls * (PRICE_LIST.lambda.request + memoryGb * seconds * PRICE_LIST.lambda.gbSecondArm64 + PRICE_LIST.xray.trace) +
    calls * (COST_ASSUMPTIONS.readUnitsPerInvocation * PRICE_LIST.dynamoDb.readRequestUnit + COST_ASSUMPTIONS.writeUnitsPerInvocation * PRICE_LIST.dynamoDb.writeRequestUnit) +
    (logBytes / GB) * (PRICE_LIST.cloudWatch.logIngestionGb + PRICE_LIST.cloudWatch.dataProtectionGb)
  );
}

/** Use and cost of one request along each path. */
export function pathCosts(definition: AslMachine, facts: StackFacts): PathCost[] {
  return (Object.entries(WORKFLOW_PATHS) as [WorkflowPathName, (typeof WORKFLOW_PATHS)[WorkflowPathName]][]).map(([path, { label, picks }]) => {
    const states = walkPath(definition, picks);
    const folders = invokedSubstitutions(definition, states).map((name) => WORKFLOW_FUNCTIONS[name as WorkflowSubstitution] as string);
    const http = path === 'unverified' ? COST_ASSUMPTIONS.httpCalls.unverified : COST_ASSUMPTIONS.httpCalls.verified;
    const httpCalls = Object.values(http).reduce((sum, calls) => sum + calls, 0);
    const mails = folders.reduce(
      (sum, folder) => sum + (facts.mailSenders.has(folder) ? (folder === 'notify-recipients' ? COST_ASSUMPTIONS.noticesPerNotify : 1) : 0),
      0,
    );
    const answered = folders.includes('carry-out');
    const usd =
      states.length * PRICE_LIST.stepFunctions.stateTransition +
      PRICE_LIST.xray.trace +
      folders.reduce((sum, folder) => sum + lambdaUsd(facts, folder, 1), 0) +
      Object.entries(http).reduce((sum, [folder, calls]) => sum + lambdaUsd(facts, folder, calls), 0) +
      httpCalls * PRICE_LIST.apiGateway.httpRequest +
      mails * PRICE_LIST.ses.message +
      (answered ? COST_ASSUMPTIONS.s3PutsPerAnswer * PRICE_LIST.s3.putRequest + COST_ASSUMPTIONS.s3GetsPerAnswer * PRICE_LIST.s3.getRequest : 0);
    return { path, label, transitions: states.length, invocations: folders.length + httpCalls, mails, usd };
  });
}

/** Monthly costs that do not depend on the volume, counted from the template's resources. */
export function fixedCosts(facts: StackFacts): FixedCost[] {
  const count = (type: string): number => facts.resources.filter((resource) => resource.type === type).length;
  const webAcls = facts.resources.filter((resource) => resource.type === 'AWS::WAFv2::WebACL');
  const wafRules = webAcls.reduce((sum, acl) => sum + ((acl.properties.Rules as unknown[] | undefined)?.length ?? 0), 0);
  const lines: FixedCost[] = [
    { item: 'KMS customer-managed keys', count: count('AWS::KMS::Key'), usd: count('AWS::KMS::Key') * PRICE_LIST.kms.keyMonth },
    { item: 'CloudWatch alarms', count: count('AWS::CloudWatch::Alarm'), usd: count('AWS::CloudWatch::Alarm') * PRICE_LIST.cloudWatch.alarmMonth },
    { item: 'CloudWatch dashboards', count: count('AWS::CloudWatch::Dashboard'), usd: count('AWS::CloudWatch::Dashboard') * PRICE_LIST.cloudWatch.dashboardMonth },
    { item: 'WAF web ACLs', count: webAcls.length, usd: webAcls.length * PRICE_LIST.waf.webAclMonth },
    { item: 'WAF rules', count: wafRules, usd: wafRules * PRICE_LIST.waf.ruleMonth },
    { item: 'Route 53 hosted zones', count: count('AWS::Route53::HostedZone'), usd: count('AWS::Route53::HostedZone') * PRICE_LIST.route53.hostedZoneMonth },
    { item: 'Secrets Manager secrets', count: count('AWS::SecretsManager::Secret'), usd: count('AWS::SecretsManager::Secret') * PRICE_LIST.secretsManager.secretMonth },
  ];
  return lines.filter((line) => line.count > 0);
}

/** Storage at a steady monthly volume: tables, point-in-time recovery, buckets and backups. */
export function storageUsd(requestsPerMonth: number): number {
  const stored = requestsPerMonth * COST_ASSUMPTIONS.monthsKept;
  const tableGb = (stored * COST_ASSUMPTIONS.dynamoDbBytesPerRequest) / GB;
  const bucketGb = (stored * COST_ASSUMPTIONS.s3BytesPerRequest) / GB;
  return (
    tableGb * (PRICE_LIST.dynamoDb.storageGbMonth + PRICE_LIST.dynamoDb.pitrGbMonth + PRICE_LIST.backup.dynamoDbGbMonth) +
    bucketGb * (PRICE_LIST.s3.storageGbMonth + PRICE_LIST.backup.s3GbMonth)
  );
}

/** One month at a volume. */
export interface MonthCost {
  readonly requests: number;
  readonly variableUsd: number;
  readonly storageUsd: number;
  readonly fixedUsd: number;
  readonly totalUsd: number;
}

/** The month's cost at `requests` requests, split over the paths by {@link COST_ASSUMPTIONS.pathMix}. */
export function monthCost(requests: number, paths: readonly PathCost[], fixed: readonly FixedCost[]): MonthCost {
  const variableUsd = paths.reduce((sum, path) => sum + requests * COST_ASSUMPTIONS.pathMix[path.path] * path.usd, 0);
  const storage = storageUsd(requests);
  const fixedUsd = fixed.reduce((sum, line) => sum + line.usd, 0);
  return { requests, variableUsd, storageUsd: storage, fixedUsd, totalUsd: variableUsd + storage + fixedUsd };
}
