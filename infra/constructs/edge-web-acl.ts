import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * The AWS managed rule groups the web ACL runs, in priority order: addresses AWS has seen attack
 * or scan (cheapest, so first), the common OWASP-style rules, and request patterns known to
 * exploit software (Log4j, path traversal and the like).
 */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/** One rate-based rule: at most `limit` requests per client IP in `windowSeconds`. */
export interface PathRateLimit {
  /** Rule name (also its metric name). */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'ANY';
  /** `exactly` matches the path itself; `startsWith` a page with its id (`/verify/NK-...`). */
  readonly match: 'exactly' | 'startsWith';
  readonly path: string;
  readonly limit: number;
  readonly windowSeconds: 60 | 120 | 300 | 600;
}

/**
 * Per-IP limits on the public routes a script would hammer. A person sends one request, enters a
 * code a few times and downloads a package a few times; the limits leave room for a shared office
 * address (NAT) while stopping the form from being used to mail strangers at volume.
 */
export const PUBLIC_RATE_LIMITS: readonly PathRateLimit[] = [
  { name: 'RateLimitFormSubmissions', method: 'POST', match: 'exactly', path: '/', limit: 10, windowSeconds: 300 },
  { name: 'RateLimitRequestSubmissions', method: 'POST', match: 'exactly', path: '/api/requests', limit: 10, windowSeconds: 300 },
  { name: 'RateLimitVerifyPages', method: 'ANY', match: 'startsWith', path: '/verify/', limit: 30, windowSeconds: 300 },
  { name: 'RateLimitDownloadPages', method: 'ANY', match: 'startsWith', path: '/download/', limit: 30, windowSeconds: 300 },
];

/**
 * The form page gets a silent browser challenge (AWS WAF `CHALLENGE`): a browser solves it once
 * and carries the token (`aws-waf-token` cookie) for {@link CHALLENGE_IMMUNITY_SECONDS}, a script
 * that does not run JavaScript never gets the form.
 */
export const CHALLENGED_FORM_PATH = '/';
export const CHALLENGE_IMMUNITY_SECONDS = 3600;

/** Properties of {@link EdgeWebAcl}. */
export interface EdgeWebAclProps {
  /** The web ACL's name, unique per account (it carries the stage). */
  readonly name: string;
  /**
   * `CLOUDFRONT` (the ACL must then be created in us-east-1) or `REGIONAL`.
   *
   * @default 'CLOUDFRONT'
   */
  readonly scope?: 'CLOUDFRONT' | 'REGIONAL';
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  // Sampled requests hold client IPs and paths for three hours in the WAF console; they are the
  // only way to see what a rule blocked, so they stay on.
  sampledRequestsEnabled: true,
});

const pathStatement = (rule: Pick<PathRateLimit, 'match' | 'path'>): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: rule.match === 'exactly' ? 'EXACTLY' : 'STARTS_WITH',
    searchString: rule.path,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

const methodStatement = (method: 'GET' | 'POST'): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: 'EXACTLY',
    searchString: method,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

const scopeDown = (rule: PathRateLimit): wafv2.CfnWebACL.StatementProperty =>
  rule.method === 'ANY'
    ? pathStatement(rule)
    : { andStatement: { statements: [methodStatement(rule.method), pathStatement(rule)] } };

/**
 * The AWS WAF web ACL in front of the public pages and the console: the managed rule groups of
 * {@link MANAGED_RULE_GROUPS}, the per-IP limits of {@link PUBLIC_RATE_LIMITS} and a challenge on
 * the form page. Everything else is allowed: staff routes are protected by sign-in and MFA in the
 * function, and must keep working while the form is being hammered.
 */
export class EdgeWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    let priority = 0;
    const rules: wafv2.CfnWebACL.RuleProperty[] = [];
    for (const group of MANAGED_RULE_GROUPS) {
      rules.push({
        name: group,
        priority: priority++,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group } },
        visibilityConfig: visibility(group),
      });
    }
    for (const limit of PUBLIC_RATE_LIMITS) {
      rules.push({
        name: limit.name,
        priority: priority++,
        action: { block: { customResponse: { responseCode: 429 } } },
        statement: {
          rateBasedStatement: {
            aggregateKeyType: 'IP',
            limit: limit.limit,
            evaluationWindowSec: limit.windowSeconds,
            scopeDownStatement: scopeDown(limit),
          },
        },
        visibilityConfig: visibility(limit.name),
      });
    }
    rules.push({
      name: 'ChallengeFormPage',
      priority: priority++,
      action: { challenge: {} },
      statement: { andStatement: { statements: [methodStatement('GET'), pathStatement({ match: 'exactly', path: CHALLENGED_FORM_PATH })] } },
      visibilityConfig: visibility('ChallengeFormPage'),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.name,
      // ASCII only: WAF refuses other letters in a description.
      description: 'OBOS Naerkontor rights requests - managed rules, per-IP limits on the public pages, challenge on the form',
      scope: props.scope ?? 'CLOUDFRONT',
      defaultAction: { allow: {} },
      challengeConfig: { immunityTimeProperty: { immunityTime: CHALLENGE_IMMUNITY_SECONDS } },
      rules,
      visibilityConfig: visibility(props.name),
    });
  }

  /** The web ACL's ARN, for CloudFront's `webAclId`. */
  get arn(): string {
    return this.webAcl.attrArn;
  }
}
