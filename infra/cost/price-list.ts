/**
 * AWS list prices the cost model uses, for one region, in USD. Compiled by hand from the public
 * AWS pricing pages on the date below: check them before budgeting (prices change, mostly down).
 * Free tiers are ignored, so figures err on the high side.
 *
 * Checked on 2026-12-07, and how far: the prices that are the same in every commercial region
 * (Lambda requests and arm64 GB-seconds, Step Functions standard transitions, SES messages, KMS,
 * Secrets Manager, WAF, Route 53, CloudWatch alarms, dashboards and metrics, SQS, X-Ray) match the
 * public pages. The regional rates (DynamoDB on-demand request units, storage and PITR; HTTP API
 * requests; S3 storage and requests; CloudWatch Logs ingestion and data protection; AWS Backup) are
 * the US East (N. Virginia) list prices: the pricing pages render per-region figures in the
 * browser, and no eu-north-1 figure could be read where this was compiled. Stockholm is usually at
 * or a few per cent above N. Virginia for these; confirm them in the AWS Pricing Calculator for
 * Europe (Stockholm) before budgeting.
 */
export const PRICE_LIST = {
  region: 'eu-north-1',
  asOf: '2026-12-07',
  currency: 'USD',
  lambda: {
    /** Per request. */
    request: 0.2 / 1_000_000,
    /** Per GB-second on arm64 (Graviton). */
    gbSecondArm64: 0.0000133334,
  },
  stepFunctions: {
    /** Standard workflows, per state transition. */
    stateTransition: 0.025 / 1000,
  },
  ses: {
    /** Per outbound message. */
    message: 0.1 / 1000,
  },
  dynamoDb: {
    /** On-demand, per write request unit. */
    writeRequestUnit: 0.625 / 1_000_000,
    /** On-demand, per read request unit. */
    readRequestUnit: 0.125 / 1_000_000,
    /** Standard table class storage, per GB-month. */
    storageGbMonth: 0.25,
    /** Continuous backup (PITR), per GB-month. */
    pitrGbMonth: 0.2,
  },
  apiGateway: {
    /** HTTP API, per request (first 300 million a month). */
    httpRequest: 1.0 / 1_000_000,
  },
  s3: {
    storageGbMonth: 0.023,
    putRequest: 0.005 / 1000,
    getRequest: 0.0004 / 1000,
  },
  cloudWatch: {
    /** Logs ingested, per GB. */
    logIngestionGb: 0.5,
    /** Logs data protection: per GB scanned. */
    dataProtectionGb: 0.12,
    /** Standard-resolution metric alarm, per month. */
    alarmMonth: 0.1,
    /** Dashboard, per month. */
    dashboardMonth: 3,
    /** Custom metric, per month. */
    metricMonth: 0.3,
  },
  xray: {
    /** Traces recorded. */
    trace: 5 / 1_000_000,
  },
  kms: {
    /** Customer-managed key, per month. */
    keyMonth: 1,
    /** Per request (DynamoDB and S3 cache data keys, so few). */
    request: 0.03 / 10_000,
  },
  backup: {
    /** DynamoDB backup storage (warm), per GB-month. */
    dynamoDbGbMonth: 0.1,
    /** S3 backup storage, per GB-month. */
    s3GbMonth: 0.05,
  },
  waf: {
    webAclMonth: 5,
    ruleMonth: 1,
    request: 0.6 / 1_000_000,
  },
  route53: { hostedZoneMonth: 0.5 },
  secretsManager: { secretMonth: 0.4 },
  sqs: { request: 0.4 / 1_000_000 },
} as const;
