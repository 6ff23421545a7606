/**
 * The Lambda functions the workflow calls, keyed by the `${...}` substitution name used in
 * `statemachines/rights-request.asl.json`. CDK resolves each key to the deployed function's ARN;
 * the local runtime resolves it to a local ARN served by the same handler module
 * (`functions/<folder>/handler.ts`).
 */
export const WORKFLOW_FUNCTIONS = {
  AcknowledgeFunctionArn: 'acknowledge',
  AwaitDecisionFunctionArn: 'await-decision',
  ReadDecisionFunctionArn: 'read-decision',
  SendReplyFunctionArn: 'send-reply',
  CloseRequestFunctionArn: 'close-request',
  FlagNeedsAttentionFunctionArn: 'flag-needs-attention',
} as const;

export type WorkflowSubstitution = keyof typeof WORKFLOW_FUNCTIONS;
export type WorkflowFunctionFolder = (typeof WORKFLOW_FUNCTIONS)[WorkflowSubstitution];
