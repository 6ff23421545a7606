import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HTTP_ROUTES, type HttpRoute } from '../../functions/shared/http/routes.js';

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

/** Who may call a route: anyone, or a signed-in staff member. */
export type RouteAuth = HttpRoute['auth'];

/** One route of the table as this construct reads it (`HTTP_ROUTES` entries are such routes). */
export interface RouteSpec {
  readonly method: keyof typeof apigw.HttpMethod;
  readonly path: string;
  readonly function: string;
  readonly auth: RouteAuth;
}

/** Properties of a {@link PublicApi}. */
export interface PublicApiProps {
  /**
   * The function serving each folder of the shared route table (`functions/shared/http/routes.ts`),
   * keyed by folder. Every folder the table names must be present.
   */
  readonly functions: Readonly<Partial<Record<string, lambda.IFunction>>>;
  /** How long access logs are kept. */
  readonly logRetention: logs.RetentionDays;
  /**
   * The routes to serve.
   *
   * @default HTTP_ROUTES
   */
  readonly routes?: readonly RouteSpec[];
}

/**
 * The HTTP API: the public pages (form, receipt, verification, download) and the staff JSON API,
 * each route a Lambda proxy integration (payload format 2.0) built from the shared route table.
 * The `$default` stage is throttled and access-logged without personal data.
 *
 * Every route is open at API Gateway (explicitly, so a default authorizer added later cannot
 * change it by accident): staff routes carry the Cognito ID token in an HttpOnly session cookie,
 * which API Gateway's JWT authorizer cannot read, so the serving function verifies the token and
 * the group the route table names (`functions/shared/http/staff-gate.ts`), the same code locally
 * and in AWS.
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
    const routeSpecs: readonly RouteSpec[] = props.routes ?? HTTP_ROUTES;
    const integrations = new Map<string, HttpLambdaIntegration>();
    const openAuthorizer = new apigw.HttpNoneAuthorizer();
    for (const route of routeSpecs) {
      const fn = props.functions[route.function];
      if (fn === undefined) {
        throw new Error(`PublicApi: route ${route.method} ${route.path} names function "${route.function}", which was not given`);
      }
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}-integration`, fn, {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(route.function, integration);
      }
      this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        authorizer: authorizerFor(route, openAuthorizer),
      });
    }
  }

  /** The stage's invoke URL, e.g. `https://abc123.execute-api.eu-north-1.amazonaws.com/`. */
  get url(): string {
    return this.stage.url;
  }
}

function authorizerFor(route: RouteSpec, open: apigw.IHttpRouteAuthorizer): apigw.IHttpRouteAuthorizer {
  switch (route.auth) {
    case 'public':
    case 'staff':
    case 'privacy-officer':
      return open;
    default: {
      const unknown: never = route.auth;
      throw new Error(`PublicApi: route ${route.method} ${route.path} has unknown auth "${String(unknown)}"`);
    }
  }
}
