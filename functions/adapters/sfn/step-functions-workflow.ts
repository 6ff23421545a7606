import type { SFNClient } from '@aws-sdk/client-sfn';
import type { TaskCallbacks, WorkflowStarter } from '../../domain/request/workflow-starter.js';
import { providedModule } from '../../platform/provided-module.js';

/** The Step Functions SDK module, loaded on the first call rather than at start-up. */
const sfnSdk = () => providedModule<typeof import('@aws-sdk/client-sfn')>('@aws-sdk/client-sfn');

/**
 * Step Functions adapter: execution name = request id, input = the id only (no personal data).
 * Takes a client or the function that makes it (`sfnClient`), so no Step Functions code loads until used.
 */
export class StepFunctionsWorkflow implements WorkflowStarter, TaskCallbacks {
  constructor(
    private readonly clientOrFactory: SFNClient | (() => SFNClient),
    private readonly stateMachineArn: string,
  ) {}

  private get client(): SFNClient {
    return typeof this.clientOrFactory === 'function' ? this.clientOrFactory() : this.clientOrFactory;
  }

  async start(requestId: string): Promise<void> {
    const { ExecutionAlreadyExists, StartExecutionCommand } = sfnSdk();
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
    const { SendTaskSuccessCommand } = sfnSdk();
    await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    const { SendTaskFailureCommand } = sfnSdk();
    await this.client.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  }
}
