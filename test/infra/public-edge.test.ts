import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { CHALLENGED_FORM_PATH, MANAGED_RULE_GROUPS } from '../../infra/constructs/edge-web-acl.js';
import { PUBLIC_ROUTE_THROTTLES, PUBLIC_API_THROTTLE } from '../../infra/constructs/public-api.js';
import { PUBLIC_FUNCTION_CONCURRENCY, type FunctionFolder } from '../../infra/stacks/dsr-functions.js';
import { ENV } from '../../functions/platform/env-names.js';
import { ORIGIN_VERIFY_HEADER } from '../../functions/web/origin-verify.js';
import { PROD_SETTINGS, SYNTH_TIMEOUT_MS, synthDsrStack, synthEdgeStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

interface WafRule {
  Name: string;
  Priority: number;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  Statement: Record<string, unknown>;
}

const PUBLIC_FOLDERS: readonly FunctionFolder[] = ['web-form', 'create-request', 'verify-page', 'download-page'];

/** The byte-match statements (field, position, string) a rule's statement contains, flattened. */
function matches(statement: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const byteMatch = record.ByteMatchStatement as { FieldToMatch: Record<string, unknown>; PositionalConstraint: string; SearchString: string } | undefined;
    if (byteMatch) found.push(`${Object.keys(byteMatch.FieldToMatch)[0]} ${byteMatch.PositionalConstraint} ${byteMatch.SearchString}`);
    Object.values(record).forEach(walk);
  };
  walk(statement);
  return found.sort();
}

describe('public edge (prod stage with a domain)', () => {
  let edge: Template;
  let edgeRegion: string;
  let regional: SynthesizedDsrStack;
  let rules: WafRule[];

  beforeAll(() => {
    const synthesized = synthEdgeStack();
    edge = synthesized.template;
    edgeRegion = synthesized.stack.region;
    regional = synthDsrStack(PROD_SETTINGS);
    const acl = Object.values(edge.findResources('AWS::WAFv2::WebACL'));
    expect(acl).toHaveLength(1);
    rules = acl[0]?.Properties.Rules as WafRule[];
  }, SYNTH_TIMEOUT_MS);

  it('puts a CLOUDFRONT web ACL in us-east-1 in front of the distribution', () => {
    expect(edgeRegion).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} }, Name: 'obos-naerkontor-dsr-prod-edge' });
    const aclId = Object.keys(edge.findResources('AWS::WAFv2::WebACL'))[0];
    edge.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: { 'Fn::GetAtt': [aclId, 'Arn'] } }),
    });
  });

  it('runs the AWS IP reputation, common and known-bad-inputs rule groups without overriding their actions', () => {
    const groups = rules.filter((rule) => 'ManagedRuleGroupStatement' in rule.Statement);
    expect(groups.map((rule) => (rule.Statement.ManagedRuleGroupStatement as { Name: string }).Name)).toEqual([...MANAGED_RULE_GROUPS]);
    expect(MANAGED_RULE_GROUPS).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    for (const group of groups) {
      expect(group.OverrideAction).toEqual({ None: {} });
      expect((group.Statement.ManagedRuleGroupStatement as { VendorName: string }).VendorName).toBe('AWS');
    }
  });

  it.each([
    ['POST / (the HTML form)', ['Method EXACTLY POST', 'UriPath EXACTLY /']],
    ['POST /api/requests', ['Method EXACTLY POST', 'UriPath EXACTLY /api/requests']],
    ['the verify pages', ['UriPath STARTS_WITH /verify/']],
    ['the download pages', ['UriPath STARTS_WITH /download/']],
  ])('blocks a client IP that goes over its rate on %s', (_name, expectedMatches) => {
    const rule = rules.find((candidate) => {
      const rate = candidate.Statement.RateBasedStatement as { ScopeDownStatement?: unknown } | undefined;
      return rate !== undefined && JSON.stringify(matches(rate.ScopeDownStatement)) === JSON.stringify(expectedMatches);
    });
    expect(rule, JSON.stringify(expectedMatches)).toBeDefined();
    const rate = rule?.Statement.RateBasedStatement as { AggregateKeyType: string; Limit: number; EvaluationWindowSec: number };
    expect(rate.AggregateKeyType).toBe('IP');
    expect(rate.Limit).toBeGreaterThanOrEqual(10);
    expect(rate.Limit).toBeLessThanOrEqual(50);
    expect(rule?.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
  });

  it('challenges browsers on the form page, and only there', () => {
    const challenged = rules.filter((rule) => rule.Action !== undefined && 'Challenge' in rule.Action);
    expect(challenged).toHaveLength(1);
    expect(matches(challenged[0]?.Statement)).toEqual([`Method EXACTLY GET`, `UriPath EXACTLY ${CHALLENGED_FORM_PATH}`]);
    expect(CHALLENGED_FORM_PATH).toBe(HTTP_ROUTES.find((route) => route.function === 'web-form' && route.method === 'GET')?.path);
  });

  it('evaluates rules in a unique order, every one with metrics', () => {
    const priorities = rules.map((rule) => rule.Priority);
    expect(new Set(priorities).size).toBe(rules.length);
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([Match.objectLike({ VisibilityConfig: Match.objectLike({ CloudWatchMetricsEnabled: true }) })]),
    });
  });

  it('serves the public pages and the console on their own names over TLS 1.2+, with nothing cached', () => {
    edge.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['personvern.obos.no', 'console.personvern.obos.no'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        }),
        Origins: [Match.objectLike({ DomainName: 'origin.personvern.obos.no', CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }) })],
      }),
    });
    edge.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'personvern.obos.no',
      SubjectAlternativeNames: ['console.personvern.obos.no'],
      ValidationMethod: 'DNS',
    });
    for (const name of ['personvern.obos.no.', 'console.personvern.obos.no.']) {
      for (const type of ['A', 'AAAA']) {
        edge.hasResourceProperties('AWS::Route53::RecordSet', { Name: name, Type: type, HostedZoneId: 'Z0123456789ABCDEF' });
      }
    }
  });

  it('disables the execute-api endpoint and answers on the origin domain only', () => {
    regional.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    regional.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'origin.personvern.obos.no',
      DomainNameConfigurations: [Match.objectLike({ EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' })],
    });
    regional.template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    regional.template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'origin.personvern.obos.no.', Type: 'A' });
    regional.template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'origin.personvern.obos.no' });
  });

  it('makes the origin answer only requests from CloudFront: a secret header from Secrets Manager, checked by every HTTP function', () => {
    // The secret: generated in the deploy region, replicated to us-east-1 where the edge reads it by name.
    const secrets = regional.template.findResources('AWS::SecretsManager::Secret', { Properties: { Name: 'obos-naerkontor-dsr-prod/origin-verify' } });
    expect(Object.values(secrets).map((secret) => secret.Properties.ReplicaRegions)).toEqual([[{ Region: 'us-east-1' }]]);
    const secretId = Object.keys(secrets)[0]!;
    // CloudFront sends it on every origin request, as a dynamic reference (the value is in no template).
    const origins = (Object.values(edge.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig.Origins ?? []) as {
      OriginCustomHeaders?: { HeaderName: string; HeaderValue: string }[];
    }[];
    expect(origins.map((origin) => origin.OriginCustomHeaders)).toEqual([
      [{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: '{{resolve:secretsmanager:obos-naerkontor-dsr-prod/origin-verify:SecretString:::}}' }],
    ]);
    // Every function behind an HTTP route gets the secret (resolved at deploy); no other function does.
    const httpFolders = new Set<string>(HTTP_ROUTES.map((route) => route.function));
    const deployed = regional.stack.deployed().map(([folder]) => folder);
    expect(deployed.length).toBeGreaterThan(httpFolders.size);
    for (const folder of deployed) {
      const env = regional.template.toJSON().Resources[regional.functionId(folder)].Properties.Environment?.Variables ?? {};
      const value = JSON.stringify(env[ENV.originVerifySecret] ?? null);
      if (httpFolders.has(folder)) expect(value, folder).toContain(secretId);
      else expect(value, folder).toBe('null');
    }
  });

  it('throttles each public route on its own, tighter than the staff routes, which keep the stage default', () => {
    const stage = Object.values(regional.template.findResources('AWS::ApiGatewayV2::Stage'))[0]?.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    };
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBe(PUBLIC_API_THROTTLE.rateLimit);
    const routeKeys = HTTP_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(stage.RouteSettings).sort()).toEqual(Object.keys(PUBLIC_ROUTE_THROTTLES).sort());
    for (const [key, throttle] of Object.entries(stage.RouteSettings)) {
      expect(routeKeys, key).toContain(key);
      expect(throttle.ThrottlingRateLimit).toBeLessThan(PUBLIC_API_THROTTLE.rateLimit);
    }
    expect(stage.RouteSettings['POST /api/requests']?.ThrottlingRateLimit).toBeLessThanOrEqual(2);
    expect(stage.RouteSettings['POST /']?.ThrottlingRateLimit).toBeLessThanOrEqual(2);
    // Every public page has its own throttle; no staff route shares one.
    const publicKeys = HTTP_ROUTES.filter((route) => route.auth === 'public' && !route.path.startsWith('/console')).map(
      (route) => `${route.method} ${route.path}`,
    );
    for (const key of publicKeys) expect(stage.RouteSettings, key).toHaveProperty([key]);
    for (const route of HTTP_ROUTES.filter((candidate) => candidate.auth !== 'public')) {
      expect(stage.RouteSettings).not.toHaveProperty([`${route.method} ${route.path}`]);
    }
  });

  it('reserves concurrency for the public functions only, so a flood cannot starve the workflow or the console', () => {
    for (const folder of PUBLIC_FOLDERS) {
      const fn = regional.template.toJSON().Resources[regional.functionId(folder)];
      expect(fn.Properties.ReservedConcurrentExecutions, folder).toBe(PUBLIC_FUNCTION_CONCURRENCY);
    }
    for (const folder of ['console-queue', 'console-case', 'console-case-actions', 'console-mail', 'staff-api', 'send-reply'] as const) {
      const fn = regional.template.toJSON().Resources[regional.functionId(folder)];
      expect(fn.Properties.ReservedConcurrentExecutions, folder).toBeUndefined();
    }
  });

  it('points the console sign-in and the mail links at the custom domains', () => {
    for (const folder of ['console-queue', 'console-case', 'console-case-actions', 'console-mail'] as const) {
      const env = regional.template.toJSON().Resources[regional.functionId(folder)].Properties.Environment.Variables;
      expect(env.PUBLIC_BASE_URL, folder).toBe('https://console.personvern.obos.no');
    }
    const ack = regional.template.toJSON().Resources[regional.functionId('acknowledge')].Properties.Environment.Variables;
    expect(ack.PUBLIC_BASE_URL).toBe('https://personvern.obos.no');
    regional.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://console.personvern.obos.no/console/auth/callback'],
    });
  });
});

describe('a dev stage without a domain', () => {
  it('keeps the execute-api endpoint (there is no other way in) and has no custom domain', () => {
    const { template } = synthDsrStack();
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: false });
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    // No edge, no origin secret: the functions let every request through.
    expect(Object.keys(template.findResources('AWS::SecretsManager::Secret', { Properties: { Name: Match.stringLikeRegexp('origin-verify') } }))).toEqual([]);
  });
});
