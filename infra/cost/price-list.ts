/**
 * AWS list prices the cost model uses, for one region, in USD. Compiled by hand on the date below:
 * check them before budgeting (prices change, mostly down). Free tiers are ignored, so figures err
 * on the high side.
 *
 * Source, checked on 2026-12-07: the data the aws.amazon.com pricing pages render their tables from
 * (`b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/<service>/USD/current/<service>.json`, the block
 * «EU (Stockholm)»), as published by AWS between June and November 2025 and kept in two public
 * snapshot repositories (QuinnyPig/aws-price-watcher, June 2025; lamngockhuong/aws-price, August to
 * November 2025), which agree on every figure here. The same data's US East figures are the
 * N. Virginia list prices, which is how the reading was checked. In Stockholm, DynamoDB (request
 * units, storage, PITR), HTTP API requests and CloudWatch Logs ingestion cost 5–8 % more than in
 * N. Virginia; the rest is the same as there. No figure newer than November 2025 could be read:
 * confirm in the AWS Pricing Calculator for Europe (Stockholm) before budgeting.
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
    writeRequestUnit: 0.67 / 1_000_000,
    /** On-demand, per read request unit. */
    readRequestUnit: 0.1345 / 1_000_000,
    /** Standard table class storage, per GB-month. */
    storageGbMonth: 0.269,
    /** Continuous backup (PITR), per GB-month. */
    pitrGbMonth: 0.21,
  },
  apiGateway: {
    /** HTTP API, per request (first 300 million a month). */
    httpRequest: 1.06 / 1_000_000,
  },
  s3: {
    storageGbMonth: 0.023,
    putRequest: 0.005 / 1000,
    getRequest: 0.0004 / 1000,
  },
  cloudWatch: {
    /** Logs ingested, per GB. */
    logIngestionGb: 0.54,
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
