import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HTTP_ROUTES, type HttpRoute } from '../../functions/http/routes.js';

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

/** Requests per second (steady, burst) a route may take. */
export interface RouteThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Each route's own throttle (API Gateway keeps one bucket per route), so a script hammering the
 * form or the code pages uses up only those routes' budget: the console and the staff API keep
 * theirs. The public routes are tight (a person sends one request and types a code a few times),
 * the staff routes keep the stage default.
 */
export const PUBLIC_ROUTE_THROTTLES: Readonly<Record<string, RouteThrottle>> = {
  'GET /': { rateLimit: 10, burstLimit: 20 },
  'GET /receipt/{id}': { rateLimit: 10, burstLimit: 20 },
  'POST /': { rateLimit: 2, burstLimit: 5 },
  'POST /api/requests': { rateLimit: 2, burstLimit: 5 },
  'GET /verify/{id}': { rateLimit: 5, burstLimit: 10 },
  'POST /verify/{id}': { rateLimit: 2, burstLimit: 5 },
  'GET /download/{id}': { rateLimit: 5, burstLimit: 10 },
  'POST /download/{id}': { rateLimit: 2, burstLimit: 5 },
  // Sign-in is public too, but shared by all staff at once.
  'GET /console/sign-in': { rateLimit: 5, burstLimit: 10 },
  'POST /console/sign-in': { rateLimit: 5, burstLimit: 10 },
  'GET /console/auth/callback': { rateLimit: 5, burstLimit: 10 },
  'POST /console/sign-out': { rateLimit: 5, burstLimit: 10 },
};

/** The API's own custom domain (CloudFront's origin); see {@link PublicApiProps.customDomain}. */
export interface ApiCustomDomain {
  /** e.g. `origin.personvern.obos.no` */
  readonly domainName: string;
  /** A certificate for that name in the API's region. */
  readonly certificate: ICertificate;
}

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
   * The function serving each folder of the shared route table (`functions/http/routes.ts`),
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
  /**
   * Serve the API on this custom domain only: the default `execute-api` endpoint is disabled, so
   * nothing reaches the functions around the edge's web ACL by the API's own address.
   *
   * @default the execute-api endpoint (a stage without a domain, e.g. a developer's dev stage)
   */
  readonly customDomain?: ApiCustomDomain;
}

/**
 * The HTTP API: the public pages (form, receipt, verification, download) and the staff JSON API,
 * each route a Lambda proxy integration (payload format 2.0) built from the shared route table.
 * The `$default` stage is throttled and access-logged without personal data.
 *
 * Every route is open at API Gateway (explicitly, so a default authorizer added later cannot
 * change it by accident): staff routes carry the Cognito ID token in an HttpOnly session cookie,
 * which API Gateway's JWT authorizer cannot read, so the serving function verifies the token and
 * the group the route table names (`functions/web/staff-gate.ts`), the same code locally
 * and in AWS.
 */
export class PublicApi extends Construct {
  /** The HTTP API. */
  readonly api: apigw.HttpApi;
  /** The auto-deployed `$default` stage. */
  readonly stage: apigw.HttpStage;
  /** The API's custom domain, when one was given. */
  readonly domainName?: apigw.DomainName;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'OBOS Nærkontor GDPR rights requests: web form and intake',
      createDefaultStage: false,
      disableExecuteApiEndpoint: props.customDomain !== undefined,
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
    const routeSpecs: readonly RouteSpec[] = props.routes ?? HTTP_ROUTES;
    const routeKeys = new Set(routeSpecs.map((route) => `${route.method} ${route.path}`));
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      Object.entries(PUBLIC_ROUTE_THROTTLES).filter(([routeKey]) => routeKeys.has(routeKey)).map(([routeKey, throttle]) => [
        routeKey,
        { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit },
      ]),
    );

    if (props.customDomain !== undefined) {
      this.domainName = new apigw.DomainName(this, 'DomainName', {
        domainName: props.customDomain.domainName,
        certificate: props.customDomain.certificate,
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      new apigw.ApiMapping(this, 'Mapping', { api: this.api, domainName: this.domainName, stage: this.stage });
    }

    // One integration per function, routes from the table the local gateway also routes by.
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
      const added = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        authorizer: authorizerFor(route, openAuthorizer),
      });
      // Route settings name route keys, which must exist before the stage is updated.
      for (const created of added) cfnStage.node.addDependency(created);
      for (const created of added) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.auth === 'public'
              ? 'A public page of the rights-request form: anyone may ask; abuse is limited by WAF, route throttles and reserved concurrency'
              : 'Staff sign-in travels in an HttpOnly cookie the JWT authorizer cannot read; the function verifies the Cognito token and group (staff-gate.ts)',
        });
      }
    }
  }

  /**
   * The stage's invoke URL, e.g. `https://abc123.execute-api.eu-north-1.amazonaws.com/`; with a
   * custom domain, that domain (the execute-api URL no longer answers).
   */
  get url(): string {
    return this.domainName === undefined ? this.stage.url : `https://${this.domainName.name}/`;
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
