import type middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { powertoolsLogger } from './logger.js';
import { providedModule } from './provided-module.js';
import { activeTracer } from './tracer.js';

/**
 * Namespace of the pipeline's own metrics; the alarms and the dashboard in `infra/constructs/`
 * read it. Defined here, with the code that writes metrics, so the platform needs nothing of ours.
 */
export const DSR_METRICS_NAMESPACE = 'ObosNaerkontor/Dsr';

const metricsByService = new Map<string, Metrics>();

/** The Tracer's middy middleware, loaded with the Tracer only where tracing is active. */
const tracerMiddleware = () => providedModule<typeof import('@aws-lambda-powertools/tracer/middleware')>('@aws-lambda-powertools/tracer/middleware');

/**
 * The pipeline's CloudWatch metrics of one service (Powertools Metrics, written as EMF log lines
 * at the end of each invocation by {@link observability}). Every metric has the `service`
 * dimension Powertools adds, and no other: a dimension per request would put identifiers into metrics.
 */
export function serviceMetrics(service: string): Metrics {
  let metrics = metricsByService.get(service);
  if (!metrics) {
    metrics = new Metrics({ namespace: DSR_METRICS_NAMESPACE, serviceName: service });
    metricsByService.set(service, metrics);
  }
  return metrics;
}

/**
 * The middleware every handler uses, from Powertools for AWS Lambda: the Lambda request id, trace
 * id and cold start on every log line (never the event: `logEvent` stays off, the event may hold
 * personal data), the handler traced as an X-Ray segment without its response or error (which may
 * name the requester), and the metrics recorded during the invocation flushed at its end (for a
 * service whose {@link serviceMetrics} were created before its handler was built). The tracing
 * middleware is left out where tracing is off: there it would only ask a disabled Tracer.
 */
export function observability(service: string): middy.MiddlewareObj[] {
  const metrics = metricsByService.get(service);
  const tracer = activeTracer();
  return [
    injectLambdaContext(powertoolsLogger(service), { logEvent: false, resetKeys: true }),
    ...(tracer ? [tracerMiddleware().captureLambdaHandler(tracer, { captureResponse: false })] : []),
    // Only a service that records metrics flushes them: an empty flush logs a warning every time.
    ...(metrics ? [logMetrics(metrics, { throwOnEmptyMetrics: false })] : []),
  ];
}
