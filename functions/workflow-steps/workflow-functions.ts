/**
 * The Lambda functions the workflow calls, keyed by the `${...}` substitution name used in
 * `statemachines/rights-request.asl.json`. CDK resolves each key to the deployed function's ARN;
 * the local runtime resolves it to a local ARN served by the same handler module
 * (`functions/<group>/<folder>/handler.ts`).
 */
export const WORKFLOW_FUNCTIONS = {
  AcknowledgeFunctionArn: 'acknowledge',
  StopMarketingFunctionArn: 'stop-marketing',
  RestrictProcessingFunctionArn: 'restrict-processing',
  StartVerificationFunctionArn: 'start-verification',
  AwaitVerificationFunctionArn: 'await-verification',
  SendVerificationReminderFunctionArn: 'send-verification-reminder',
  CloseUnverifiedFunctionArn: 'close-unverified',
  GatherSubscriptionsFunctionArn: 'gather-subscriptions',
  GatherBillingFunctionArn: 'gather-billing',
  GatherAccessLogFunctionArn: 'gather-access-log',
  PlanRequestFunctionArn: 'plan-request',
  AwaitDecisionFunctionArn: 'await-decision',
  ReadDecisionFunctionArn: 'read-decision',
  CarryOutFunctionArn: 'carry-out',
  NotifyRecipientsFunctionArn: 'notify-recipients',
  SendReplyFunctionArn: 'send-reply',
  CloseRequestFunctionArn: 'close-request',
  FlagNeedsAttentionFunctionArn: 'flag-needs-attention',
} as const;

export type WorkflowSubstitution = keyof typeof WORKFLOW_FUNCTIONS;
export type WorkflowFunctionFolder = (typeof WORKFLOW_FUNCTIONS)[WorkflowSubstitution];
