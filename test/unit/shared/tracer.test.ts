import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tracingActive } from '../../../functions/platform/tracer.js';

/** A fresh copy of the tracer module: it loads the Tracer once per process, as a function does. */
const freshTracerModule = async () => {
  vi.resetModules();
  return import('../../../functions/platform/tracer.js');
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('tracingActive (the Powertools Tracer rule)', () => {
  it('is active inside Lambda only, and never under SAM, the Amplify mock or POWERTOOLS_TRACE_ENABLED=false', () => {
    expect(tracingActive({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' })).toBe(true);
    expect(tracingActive({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACE_ENABLED: 'true' })).toBe(true);
    expect(tracingActive({})).toBe(false);
    expect(tracingActive({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACE_ENABLED: 'FALSE' })).toBe(false);
    expect(tracingActive({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', AWS_SAM_LOCAL: 'true' })).toBe(false);
    expect(tracingActive({ AWS_EXECUTION_ENV: 'AWS_Lambda_amplify-mock' })).toBe(false);
  });
});

describe('activeTracer and traced', () => {
  it('load no Tracer where tracing is off, and leave SDK clients as they are', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', '');
    const { activeTracer, traced } = await freshTracerModule();
    const client = new DynamoDBClient({ region: 'eu-north-1' });
    const before = client.middlewareStack.identify();

    expect(activeTracer()).toBeUndefined();
    expect(traced(client)).toBe(client);
    expect(client.middlewareStack.identify()).toEqual(before);
  });

  it('in Lambda, give one enabled Tracer that records each SDK call as an X-Ray subsegment', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    vi.stubEnv('POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS', 'false');
    const { activeTracer, traced } = await freshTracerModule();
    const client = new DynamoDBClient({ region: 'eu-north-1' });

    const tracer = activeTracer();
    expect(tracer?.isTracingEnabled()).toBe(true);
    expect(activeTracer()).toBe(tracer);
    expect(traced(client).middlewareStack.identify().join(' ')).toMatch(/XRay/i);
  });

  it('put the tracing middleware into every handler in Lambda, and leave it out where tracing is off', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', '');
    vi.resetModules();
    const off = await import('../../../functions/platform/observability.js');
    expect(off.observability('tracer-test-off')).toHaveLength(1);

    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    vi.stubEnv('POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS', 'false');
    vi.resetModules();
    const on = await import('../../../functions/platform/observability.js');
    expect(on.observability('tracer-test-on')).toHaveLength(2);
  });
});
