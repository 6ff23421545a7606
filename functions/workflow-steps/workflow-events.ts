import * as z from 'zod/mini';
import type { WorkflowFunctionFolder } from './workflow-functions.js';

/**
 * The contract between `statemachines/rights-request.asl.json` and the functions it calls: what
 * each task receives, what the ASL reads from its result, and what the waiting tasks are answered
 * with. An execution can wait 95 days across deploys and then hand a newer function a payload an
 * older definition built, so these shapes only ever grow (optional fields); the fixtures in
 * `test/fixtures/workflow-payloads/` pin them.
 *
 * @module
 */

/** What nearly every task receives: the request id, nothing personal (ASL `{ "requestId.$": "$.requestId" }`). */
export const RequestTaskEventSchema = z.object({ requestId: z.string().check(z.minLength(1)) });

/** What a waiting task (`lambda:invoke.waitForTaskToken`) receives: the id and the task token to store. */
export const TokenTaskEventSchema = z.extend(RequestTaskEventSchema, { taskToken: z.string().check(z.minLength(1)) });

/** SendReply and SendRefusal call the same function with the outcome fixed by the state. */
export const SendReplyEventSchema = z.extend(RequestTaskEventSchema, { outcome: z.enum(['approved', 'rejected']) });

/** FlagNeedsAttention receives the Catch output (`Error`, `Cause`) or the UnknownDecision Pass result. */
export const FlagNeedsAttentionEventSchema = z.extend(RequestTaskEventSchema, {
  failure: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/** RestrictProcessing: restrict a purpose while staff assess an Art. 21(1) objection, or lift it after it was overridden. */
export const RestrictProcessingEventSchema = z.extend(RequestTaskEventSchema, { action: z.enum(['restrict', 'lift']) });

/** Acknowledge's result; the ASL keeps both flags as `$.route` to choose the marketing fast path and the Art. 21(1) assessment. */
export const AcknowledgeResultSchema = z.object({ marketingStop: z.boolean(), processingObjection: z.boolean() });

/** StopMarketing's result; the ASL keeps `otherRights` as `$.marketingStop` to go on with the rest of the request or end. */
export const StopMarketingResultSchema = z.object({ otherRights: z.boolean() });

/** StartVerification's result; the ASL keeps `alreadyVerified` as `$.verification`. */
export const StartVerificationResultSchema = z.object({ alreadyVerified: z.boolean() });

/** A gather step's result; the ASL keeps `key` and `records` of each branch. */
export const GatherResultSchema = z.object({ key: z.string().check(z.minLength(1)), records: z.number().check(z.int(), z.nonnegative()) });

/** The staff decision: AwaitDecision's task-token output and ReadDecision's result, kept as `$.decision`. */
export const DecisionOutputSchema = z.object({ outcome: z.enum(['approved', 'rejected']) });

/** AwaitVerification's task-token output (the ASL discards it: `ResultPath: null`). */
export const VerificationOutputSchema = z.object({ verified: z.literal(true), method: z.enum(['code', 'manual']) });

/** The event schema of each function the workflow calls (the one its handler validates with). */
export const WORKFLOW_TASK_EVENT_SCHEMAS: Readonly<Record<WorkflowFunctionFolder, z.ZodMiniType>> = {
  acknowledge: RequestTaskEventSchema,
  'start-verification': RequestTaskEventSchema,
  'await-verification': TokenTaskEventSchema,
  'send-verification-reminder': RequestTaskEventSchema,
  'close-unverified': RequestTaskEventSchema,
  'gather-subscriptions': RequestTaskEventSchema,
  'gather-billing': RequestTaskEventSchema,
  'gather-access-log': RequestTaskEventSchema,
  'plan-request': RequestTaskEventSchema,
  'await-decision': TokenTaskEventSchema,
  'read-decision': RequestTaskEventSchema,
  'carry-out': RequestTaskEventSchema,
  'notify-recipients': RequestTaskEventSchema,
  'send-reply': SendReplyEventSchema,
  'close-request': RequestTaskEventSchema,
  'flag-needs-attention': FlagNeedsAttentionEventSchema,
  'stop-marketing': RequestTaskEventSchema,
  'restrict-processing': RestrictProcessingEventSchema,
};
