import middy from '@middy/core';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../functions/platform/logger.js';
import { DSR_METRICS_NAMESPACE, observability, serviceMetrics } from '../../../functions/platform/observability.js';
import { lambdaContext } from '../../../infra/local/lambda/lambda-context.js';

/** Every JSON line Powertools writes (info to stdout, warnings and errors to stderr) while `run` runs. */
async function stdoutLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('observability (Powertools Logger, Tracer and Metrics as middy middleware)', () => {
  it('puts the Lambda request id and the trace id on every line the handler logs, and never the event', async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const logger = createLogger('observability-test-a');
    const handler = middy(async (event: { email: string }) => {
      logger.info('request.created', { requestId: 'r-1' });
      logger.child({ step: 'plan' }).warn('task.transient_failure');
      return event.email.length;
    }).use(observability('observability-test-a'));
    const context = lambdaContext('dsr-test');

    const lines = await stdoutLines(() => handler({ email: 'kari.nordmann@example.no' }, context));

    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({ service: 'observability-test-a', function_request_id: context.awsRequestId, xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793' });
    }
    expect(lines[0]).toMatchObject({ level: 'INFO', message: 'request.created', requestId: 'r-1' });
    expect(lines[1]).toMatchObject({ level: 'WARN', message: 'task.transient_failure', step: 'plan' });
    expect(JSON.stringify(lines)).not.toContain('kari.nordmann');
  });

  it('gives the next invocation its own request id', async () => {
    const logger = createLogger('observability-test-b');
    const handler = middy(async () => logger.info('ping')).use(observability('observability-test-b'));
    const first = lambdaContext('dsr-test');
    const second = lambdaContext('dsr-test');

    const lines = await stdoutLines(async () => {
      await handler({}, first);
      await handler({}, second);
    });

    expect(lines.map((line) => line.function_request_id)).toEqual([first.awsRequestId, second.awsRequestId]);
  });

  it('flushes recorded metrics as one EMF line in our namespace with only the service dimension', async () => {
    const metrics = serviceMetrics('observability-test-c');
    const handler = middy(async () => {
      metrics.addMetric('OverdueRequests', MetricUnit.Count, 3);
    }).use(observability('observability-test-c'));

    const lines = await stdoutLines(() => handler({}, lambdaContext('dsr-test')));

    const emf = lines.find((line) => '_aws' in line) as { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] }; OverdueRequests: number; service: string };
    expect(emf._aws.CloudWatchMetrics).toEqual([{ Namespace: DSR_METRICS_NAMESPACE, Dimensions: [['service']], Metrics: [{ Name: 'OverdueRequests', Unit: 'Count' }] }]);
    expect(emf).toMatchObject({ OverdueRequests: 3, service: 'observability-test-c' });
  });

  it('writes no metrics line for a service that records none', async () => {
    const handler = middy(async () => undefined).use(observability('observability-test-d'));

    const lines = await stdoutLines(() => handler({}, lambdaContext('dsr-test')));

    expect(lines).toEqual([]);
  });
});
