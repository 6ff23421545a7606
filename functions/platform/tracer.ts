import type { Tracer } from '@aws-lambda-powertools/tracer';
import { providedModule } from './provided-module.js';

/**
 * Whether the Powertools Tracer would trace in this process, by its own rule: inside Lambda
 * (`AWS_EXECUTION_ENV` set), not under SAM or the Amplify mock, and `POWERTOOLS_TRACE_ENABLED` not
 * `false`. Elsewhere (local mode, tests, the bench) it records nothing.
 */
export function tracingActive(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.POWERTOOLS_TRACE_ENABLED ?? '').toLowerCase() === 'false') return false;
  const execution = env.AWS_EXECUTION_ENV ?? '';
  return execution !== '' && execution !== 'AWS_Lambda_amplify-mock' && (env.AWS_SAM_LOCAL ?? '') === '';
}

let loaded: Tracer | null | undefined;

/**
 * The one X-Ray tracer of a function (Powertools for AWS Lambda), or `undefined` where tracing is
 * not active ({@link tracingActive}). The Tracer brings the X-Ray SDK, about a third of a small
 * function's start-up (≈ 50 ms); a disabled Tracer only answers "not enabled" to every call, so
 * it is loaded only where it will trace. It names itself after `POWERTOOLS_SERVICE_NAME`, which
 * CDK sets to the function's folder. SDK clients are wrapped with it in `aws-clients/`, so each
 * AWS call is a subsegment.
 */
export function activeTracer(): Tracer | undefined {
  if (loaded === undefined) {
    loaded = tracingActive() ? new (providedModule<typeof import('@aws-lambda-powertools/tracer')>('@aws-lambda-powertools/tracer').Tracer)() : null;
  }
  return loaded ?? undefined;
}

/** An SDK client traced by {@link activeTracer} (each call a subsegment), or as it is where tracing is off. */
export function traced<C extends object>(client: C): C {
  return activeTracer()?.captureAWSv3Client(client) ?? client;
}
