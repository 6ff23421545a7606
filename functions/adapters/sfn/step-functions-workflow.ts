import { ExecutionAlreadyExists, SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { TaskCallbacks, WorkflowStarter } from '../../domain/request/workflow-starter.js';

/** Step Functions adapter: execution name = request id, input = the id only (no personal data). */
export class StepFunctionsWorkflow implements WorkflowStarter, TaskCallbacks {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(requestId: string): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: requestId,
          input: JSON.stringify({ requestId }),
        }),
      );
    } catch (error) {
      // Same name and input while running is answered with the existing execution by AWS; after it
      // finished, the name stays taken for 90 days, which also means the request was already run.
      if (error instanceof ExecutionAlreadyExists) return;
      throw error;
    }
  }

  async succeed(taskToken: string, output: unknown): Promise<void> {
    await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    await this.client.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  }
}
