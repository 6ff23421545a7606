import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HTTP_ROUTES, type HttpFunctionFolder } from '../../functions/shared/http/routes.js';

/**
 * Fields of each access-log line. Deliberately without `$context.identity.sourceIp`,
 * `userAgent` or the raw path: an IP address is personal data, and the route key
 * (`GET /receipt/{id}`) says which page was used without the request's id.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  errorType: '$context.error.responseType',
} as const;

/** Throttling of the public stage; a rights-request form sees a handful of requests a day. */
export const PUBLIC_API_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

/** Properties of a {@link PublicApi}. */
export interface PublicApiProps {
  /** The function serving each route of the shared route table (`functions/shared/http/routes.ts`). */
  readonly functions: Readonly<Record<HttpFunctionFolder, lambda.IFunction>>;
  /** How long access logs are kept. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The public HTTP API of the intake: the server-rendered form, its submission and the receipt
 * page, each a Lambda proxy integration (payload format 2.0). The `$default` stage is throttled
 * and access-logged without personal data.
 */
export class PublicApi extends Construct {
  /** The HTTP API. */
  readonly api: apigw.HttpApi;
  /** The auto-deployed `$default` stage. */
  readonly stage: apigw.HttpStage;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'OBOS Nærkontor GDPR rights requests: web form and intake',
      createDefaultStage: false,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: PUBLIC_API_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    // One integration per function, routes from the table the local gateway also routes by.
    const integrations = new Map<HttpFunctionFolder, HttpLambdaIntegration>();
    for (const route of HTTP_ROUTES) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}-integration`, props.functions[route.function], {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(route.function, integration);
      }
      this.api.addRoutes({ path: route.path, methods: [apigw.HttpMethod[route.method]], integration });
    }
  }

  /** The stage's invoke URL, e.g. `https://abc123.execute-api.eu-north-1.amazonaws.com/`. */
  get url(): string {
    return this.stage.url;
  }
}
