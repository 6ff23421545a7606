import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { PublicApi } from '../../infra/constructs/public-api.js';
import { appWithoutBundling, SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

type Resources = Record<string, { Properties: Record<string, unknown> }>;

/** Each route key with the logical id of the function its integration calls and its authorization. */
function routeTable(template: Template): Record<string, { readonly functionId: string; readonly authorization: string }> {
  const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Resources;
  return Object.fromEntries(
    Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Resources).map((route) => {
      const integrationId = /^integrations\/(.+)$/.exec(
        (route.Properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]
          .map((part) => (typeof part === 'string' ? part : (part as { Ref: string }).Ref))
          .join(''),
      )?.[1];
      const uri = integrations[integrationId ?? '']?.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] } | string;
      return [
        route.Properties.RouteKey as string,
        {
          functionId: typeof uri === 'string' ? uri : uri['Fn::GetAtt'][0],
          authorization: (route.Properties.AuthorizationType as string | undefined) ?? 'NONE',
        },
      ];
    }),
  );
}

describe('HTTP API', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack();
  }, SYNTH_TIMEOUT_MS);

  it('routes every entry of HTTP_ROUTES, and nothing else, to its function', () => {
    const expected = Object.fromEntries(
      HTTP_ROUTES.map((route) => [`${route.method} ${route.path}`, synth.functionId(route.function)]),
    );
    const actual = Object.fromEntries(Object.entries(routeTable(synth.template)).map(([key, route]) => [key, route.functionId]));
    expect(actual).toEqual(expected);
  });

  it('leaves authorization of every route to its function (staff tokens are checked there), never IAM', () => {
    const routes = routeTable(synth.template);
    expect(HTTP_ROUTES.some((route) => route.auth !== 'public')).toBe(true);
    for (const route of HTTP_ROUTES) {
      expect(routes[`${route.method} ${route.path}`]?.authorization, `${route.method} ${route.path}`).toBe('NONE');
    }
    expect(synth.template.findResources('AWS::IAM::ManagedPolicy')).toEqual({});
  });

  it('uses Lambda proxy integrations with payload format 2.0', () => {
    const integrations = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Integration'));
    expect(integrations.length).toBeGreaterThan(0);
    for (const integration of integrations) {
      expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    }
  });

  it('throttles and access-logs the auto-deployed default stage', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.anyValue() },
    });
  });

  it('keeps IP addresses, user agents and request ids of the path out of access logs', () => {
    const [stage] = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Stage'));
    const format = stage?.Properties.AccessLogSettings.Format as string;
    expect(JSON.parse(format)).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey' });
    expect(format).not.toMatch(/sourceIp|userAgent|\$context\.path/);
  });

  it('outputs the API URL, the console URL, the staff user pool, the table and bucket names and the state machine ARN', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining([
        'ApiUrl',
        'RequestsTableName',
        'CustomersTableName',
        'BillingTableName',
        'AccessLogTableName',
        'RequestDataBucketName',
        'ConsoleUrl',
        'StaffUserPoolId',
        'StateMachineArn',
      ]),
    );
    expect(outputs).not.toHaveProperty('StaffApiInvokePolicyArn');
  });
});

describe('PublicApi with any route table', () => {
  const ROUTES = [
    { method: 'GET', path: '/verify/{id}', function: 'verify-page', auth: 'public' },
    { method: 'POST', path: '/verify/{id}', function: 'verify-page', auth: 'public' },
    { method: 'GET', path: '/download/{id}', function: 'download-page', auth: 'public' },
    { method: 'POST', path: '/api/staff/requests/{id}/decision', function: 'staff-api', auth: 'staff' },
  ] as const;
  const build = (folders: readonly string[]) => {
    const stack = new Stack(appWithoutBundling(), 'Api', { env: { region: 'eu-north-1', account: '111111111111' } });
    const functions = Object.fromEntries(
      folders.map((folder) => [folder, lambda.Function.fromFunctionArn(stack, folder, `arn:aws:lambda:eu-north-1:111111111111:function:${folder}`)]),
    );
    new PublicApi(stack, 'PublicApi', { functions, logRetention: RetentionDays.ONE_WEEK, routes: ROUTES });
    return Template.fromStack(stack);
  };

  it('serves whatever folders the table names, one integration per folder', () => {
    const template = build(['verify-page', 'download-page', 'staff-api']);
    expect(Object.fromEntries(Object.entries(routeTable(template)).map(([key, route]) => [key, route.authorization]))).toEqual({
      'GET /verify/{id}': 'NONE',
      'POST /verify/{id}': 'NONE',
      'GET /download/{id}': 'NONE',
      'POST /api/staff/requests/{id}/decision': 'NONE',
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });

  it('fails with the route and folder when a folder’s function is missing', () => {
    expect(() => build(['verify-page', 'staff-api'])).toThrowError(/GET \/download\/\{id\}.*"download-page"/);
  });
});
