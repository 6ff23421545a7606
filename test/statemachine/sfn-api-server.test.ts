import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidArn,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSfnApiServer, type SfnApiServer } from '../../infra/local/step-functions/sfn-api-server.js';
import { createFakeWorkflow, type AwaitTokenEvent, type FakeWorkflow } from './fake-workflow.js';

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

let workflow: FakeWorkflow;
let server: SfnApiServer;
let sfn: SFNClient;

beforeEach(async () => {
  workflow = createFakeWorkflow();
  server = await startSfnApiServer({ executor: workflow.executor, host: '127.0.0.1', port: 0 });
  sfn = new SFNClient({ endpoint: server.url, region: 'eu-north-1', credentials: CREDENTIALS });
});

afterEach(async () => {
  sfn.destroy();
  workflow.executor.stopAll();
  await server.close();
  vi.unstubAllEnvs();
});

async function describeUntilClosed(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const description = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (description.status !== 'RUNNING') return description;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`execution ${executionArn} did not close`);
}

describe('Step Functions API endpoint with @aws-sdk/client-sfn', () => {
  it('listens on the given host only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('runs an approval end to end: StartExecution, SendTaskSuccess (verification, decision), DescribeExecution', async () => {
    const started = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: workflow.stateMachineArn,
        name: 'REQ-1',
        input: JSON.stringify({ requestId: 'REQ-1' }),
      }),
    );
    expect(started.executionArn).toMatch(/:execution:dsr-rights-request:REQ-1$/);
    expect(started.startDate).toBeInstanceOf(Date);

    const verification = await workflow.called<AwaitTokenEvent>('await-verification');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: verification.taskToken, output: JSON.stringify({ verified: true }) }));
    const { taskToken } = await workflow.called<AwaitTokenEvent>('await-decision');
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ outcome: 'approved' }) }));

    const description = await describeUntilClosed(started.executionArn ?? '');
    expect(description).toMatchObject({ status: 'SUCCEEDED', name: 'REQ-1', input: '{"requestId":"REQ-1"}' });
    expect(description.stopDate).toBeInstanceOf(Date);
    expect(JSON.parse(description.output ?? 'null')).toMatchObject({ decision: { outcome: 'approved' } });
    expect(workflow.executor.stateHistory(started.executionArn ?? '')).toEqual([
      'Acknowledge',
      'StopsMarketing',
      'StartVerification',
      'IsAlreadyVerified',
      'AwaitVerification',
      'Gather',
      'GatherSubscriptions',
      'GatherBilling',
      'GatherAccessLog',
      'PlanRequest',
      'AssessesObjection',
      'AwaitDecision',
      'DecisionOutcome',
      'CarryOut',
      'NotifyRecipients',
      'SendReply',
      'CloseRequest',
      'Closed',
    ]);

    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: workflow.stateMachineArn, statusFilter: 'SUCCEEDED' }));
    expect(listed.executions?.map((execution) => execution.name)).toEqual(['REQ-1']);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: verification.taskToken, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('is found through AWS_ENDPOINT_URL_SFN, as application code configures it', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_SFN', server.url);
    const fromEnv = new SFNClient({ region: 'eu-north-1', credentials: CREDENTIALS });
    const started = await fromEnv.send(
      new StartExecutionCommand({ stateMachineArn: workflow.stateMachineArn, input: '{"requestId":"REQ-2"}' }),
    );
    const stopped = await fromEnv.send(new StopExecutionCommand({ executionArn: started.executionArn, error: 'Test' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const description = await fromEnv.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(description).toMatchObject({ status: 'ABORTED', error: 'Test' });
    fromEnv.destroy();
  });

  it('maps local errors to the SDK named exceptions', async () => {
    const start = (input: string) =>
      sfn.send(new StartExecutionCommand({ stateMachineArn: workflow.stateMachineArn, name: 'REQ-3', input }));
    await start('{"requestId":"REQ-3"}');
    await expect(start('{"requestId":"REQ-3"}')).resolves.toBeDefined(); // idempotent while running
    await expect(start('{"requestId":"different"}')).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'A'.repeat(43), output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'bogus', output: '{}' }))).rejects.toBeInstanceOf(
      InvalidToken,
    );
    const missing = `${workflow.stateMachineArn.replace(':stateMachine:', ':execution:')}:missing`;
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: missing }))).rejects.toBeInstanceOf(
      ExecutionDoesNotExist,
    );
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: 'not-an-arn' }))).rejects.toBeInstanceOf(InvalidArn);
  });

  it('answers unknown operations and malformed requests in the AWS JSON error shape', async () => {
    const post = (target: string, body: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
        body,
      });
    const unknown = await post('AWSStepFunctions.CreateStateMachine', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });

    const invalid = await post('AWSStepFunctions.DescribeExecution', '{}');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ __type: 'ValidationException' });

    const garbled = await post('AWSStepFunctions.DescribeExecution', '{');
    expect(await garbled.json()).toMatchObject({ __type: 'SerializationException' });
  });
});
