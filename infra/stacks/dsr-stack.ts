import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKFLOW_FUNCTIONS, type WorkflowSubstitution } from '../../functions/shared/workflow-functions.js';
import { DsrFunction, type DsrFunctionProps, type FunctionFolder } from '../constructs/dsr-function.js';
import { OperationsAlarms } from '../constructs/operations-alarms.js';
import { PublicApi } from '../constructs/public-api.js';
import { RequestsTable } from '../constructs/requests-table.js';
import { RightsRequestWorkflow } from '../constructs/rights-request-workflow.js';
import type { DeploySettings } from '../settings.js';

/** Properties of {@link DsrStack}. */
export interface DsrStackProps extends StackProps {
  /** Validated deploy settings (see `infra/settings.ts`). */
  readonly settings: DeploySettings;
}

/**
 * The GDPR data-subject-rights pipeline of OBOS Nærkontor AS: intake API, requests table,
 * workflow and its functions. The stack only composes constructs; every grant is made by a
 * construct's `bind*`/`grant*` method so it sits next to the environment variable it serves.
 */
export class DsrStack extends Stack {
  /** The functions by folder, exposed for tests and for stacks that add jobs later. */
  readonly functions: Readonly<Record<FunctionFolder, DsrFunction>>;
  /** The requests table and its key. */
  readonly requests: RequestsTable;
  /** The rights-request state machine. */
  readonly workflow: RightsRequestWorkflow;
  /** The public intake API. */
  readonly api: PublicApi;

  constructor(scope: Construct, id: string, props: DsrStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const mail = {
      senderAddress: settings.senderAddress,
      sesIdentityDomain: settings.sesIdentityDomain,
      publicBaseUrl: settings.publicBaseUrl,
    };

    const fn = (fnId: string, folder: FunctionFolder, description: string, extra: Partial<DsrFunctionProps> = {}) =>
      new DsrFunction(this, fnId, {
        folder,
        description,
        logRetention: settings.logRetentionDays,
        logLevel: settings.logLevel,
        ...extra,
      });
    const httpTimeout = { timeout: Duration.seconds(10) };

    this.requests = new RequestsTable(this, 'Requests');

    const webForm = fn('WebForm', 'web-form', 'Renders the request form and receipt pages', httpTimeout)
      .bindRequestsTable(this.requests, 'read');
    const createRequest = fn('CreateRequest', 'create-request', 'Records a submitted request and starts its workflow', httpTimeout)
      .bindRequestsTable(this.requests, 'create');
    const acknowledge = fn('Acknowledge', 'acknowledge', 'Sends the receipt with reference and due date')
      .bindRequestsTable(this.requests, 'readWrite')
      .bindMailSender(mail);
    const awaitDecision = fn('AwaitDecision', 'await-decision', 'Stores the task token while staff decide')
      .bindRequestsTable(this.requests, 'readWrite');
    const readDecision = fn('ReadDecision', 'read-decision', 'Reads a decision recorded before the execution started')
      .bindRequestsTable(this.requests, 'read');
    const sendReply = fn('SendReply', 'send-reply', 'Sends the reply or refusal letter')
      .bindRequestsTable(this.requests, 'readWrite')
      .bindMailSender(mail);
    const closeRequest = fn('CloseRequest', 'close-request', 'Closes an answered request')
      .bindRequestsTable(this.requests, 'readWrite');
    const flagNeedsAttention = fn('FlagNeedsAttention', 'flag-needs-attention', 'Flags a failed request for staff')
      .bindRequestsTable(this.requests, 'readWrite');

    this.functions = {
      'web-form': webForm,
      'create-request': createRequest,
      acknowledge,
      'await-decision': awaitDecision,
      'read-decision': readDecision,
      'send-reply': sendReply,
      'close-request': closeRequest,
      'flag-needs-attention': flagNeedsAttention,
    };

    // Which function serves which `${...}` of the definition is decided by WORKFLOW_FUNCTIONS alone.
    const workflowFunctions = Object.fromEntries(
      (Object.entries(WORKFLOW_FUNCTIONS) as [WorkflowSubstitution, FunctionFolder][]).map(([name, folder]) => [
        name,
        this.functions[folder],
      ]),
    ) as Record<WorkflowSubstitution, DsrFunction>;
    this.workflow = new RightsRequestWorkflow(this, 'Workflow', {
      functions: workflowFunctions,
      logRetention: settings.logRetentionDays,
    });
    createRequest.bindStateMachineStart(this.workflow.stateMachine);

    this.api = new PublicApi(this, 'PublicApi', {
      functions: { 'web-form': webForm, 'create-request': createRequest },
      logRetention: settings.logRetentionDays,
    });

    const alarms = new OperationsAlarms(this, 'Alarms', {
      stateMachine: this.workflow.stateMachine,
      apiStage: this.api.stage,
      functions: Object.fromEntries(Object.values(this.functions).map((f) => [f.node.id, f])),
      alarmEmail: settings.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Public URL of the request form' });
    new CfnOutput(this, 'RequestsTableName', { value: this.requests.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }
}
