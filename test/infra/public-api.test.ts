import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

describe('public HTTP API', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack();
  }, SYNTH_TIMEOUT_MS);

  it('routes the form, the receipt page and the submission to their functions', () => {
    const integrations = synth.template.findResources('AWS::ApiGatewayV2::Integration');
    const routes = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route')).map((route) => {
      const integrationId = /^integrations\/(.+)$/.exec(
        (route.Properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]
          .map((part) => (typeof part === 'string' ? part : (part as { Ref: string }).Ref))
          .join(''),
      )?.[1];
      const uri = integrations[integrationId ?? '']?.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      return [route.Properties.RouteKey as string, uri['Fn::GetAtt'][0]];
    });
    expect(Object.fromEntries(routes)).toEqual({
      'GET /': synth.functionId('web-form'),
      'GET /receipt/{id}': synth.functionId('web-form'),
      'POST /api/requests': synth.functionId('create-request'),
    });
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

  it('outputs the API URL, table name and state machine ARN', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'RequestsTableName', 'StateMachineArn']));
  });
});
