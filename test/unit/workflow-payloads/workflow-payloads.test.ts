import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_FUNCTIONS, type WorkflowSubstitution } from '../../../functions/workflow-steps/workflow-functions.js';
import {
  DecisionOutputSchema,
  GatherResultSchema,
  StartVerificationResultSchema,
  VerificationOutputSchema,
  WORKFLOW_TASK_EVENT_SCHEMAS,
} from '../../../functions/workflow-steps/workflow-events.js';
import { RIGHTS_REQUEST_ASL_URL } from '../../../infra/constructs/rights-request-workflow.js';

/**
 * An execution waits up to 95 days while functions are redeployed; when it resumes, today's code
 * receives what yesterday's definition built. These tests pin the shapes (fixtures written once,
 * never edited) and check that today's ASL still builds them and today's schemas still read them.
 */
interface PinnedTask {
  readonly input: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly callback?: Record<string, unknown>;
}
interface Pinned {
  readonly executionInput: Record<string, unknown>;
  readonly taskToken: string;
  readonly tasks: Readonly<Record<string, PinnedTask>>;
}
interface AslState {
  readonly Type: string;
  readonly Resource?: string;
  readonly Parameters?: { readonly FunctionName?: string; readonly Payload?: Record<string, unknown> };
  readonly ResultSelector?: Record<string, unknown>;
  readonly Branches?: readonly { readonly States: Record<string, AslState> }[];
}

const pinned = JSON.parse(readFileSync(new URL('../../fixtures/workflow-payloads/payloads.json', import.meta.url), 'utf8')) as Pinned;
const asl = JSON.parse(readFileSync(RIGHTS_REQUEST_ASL_URL, 'utf8')) as { States: Record<string, AslState> };

const tasks = (states: Record<string, AslState>): [string, AslState][] =>
  Object.entries(states).flatMap(([name, state]): [string, AslState][] => [
    ...(state.Type === 'Task' ? [[name, state] as [string, AslState]] : []),
    ...(state.Branches ?? []).flatMap((branch) => tasks(branch.States)),
  ]);

/** A JSONPath of the forms the definition uses: `$.a.b` on the state input, `$$.Task.Token` on the context. */
function select(path: string, input: unknown, context: unknown): unknown {
  const [root, ...keys] = path.startsWith('$$.') ? ['$$', ...path.slice(3).split('.')] : ['$', ...path.slice(2).split('.').filter(Boolean)];
  return keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root === '$$' ? context : input);
}

/** Evaluates a Parameters / ResultSelector template as Step Functions does (keys ending in `.$` are paths). */
function evaluate(template: Record<string, unknown>, input: unknown, context: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) =>
      key.endsWith('.$')
        ? [key.slice(0, -2), select(String(value), input, context)]
        : [key, typeof value === 'object' && value !== null ? evaluate(value as Record<string, unknown>, input, context) : value],
    ),
  );
}

const lambdaTasks = tasks(asl.States).filter(([, state]) => state.Resource?.startsWith('arn:aws:states:::lambda:invoke'));
const context = { Task: { Token: pinned.taskToken } };

describe('workflow payloads stay readable across deploys', () => {
  it('has a pinned payload for every Lambda task of the definition', () => {
    expect(Object.keys(pinned.tasks).sort()).toEqual(lambdaTasks.map(([name]) => name).sort());
  });

  it.each(lambdaTasks)('%s: the definition still builds the pinned payload from the pinned state input', (name, state) => {
    const task = pinned.tasks[name]!;
    expect(evaluate(state.Parameters?.Payload ?? {}, task.input, context)).toEqual(task.payload);
  });

  it.each(lambdaTasks)('%s: today\'s function accepts the pinned payload', (name, state) => {
    const substitution = /^\$\{(\w+)\}$/.exec(state.Parameters?.FunctionName ?? '')?.[1] as WorkflowSubstitution;
    const schema = WORKFLOW_TASK_EVENT_SCHEMAS[WORKFLOW_FUNCTIONS[substitution]];
    const parsed = schema.safeParse(pinned.tasks[name]!.payload);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it.each(lambdaTasks.filter(([, state]) => state.ResultSelector !== undefined))(
    '%s: every field the definition selects from the result is in the pinned result',
    (name, state) => {
      const result = pinned.tasks[name]!.result;
      expect(result, name).toBeDefined();
      for (const value of Object.values(evaluate(state.ResultSelector!, { Payload: result }, context))) expect(value, name).toBeDefined();
    },
  );

  it('reads the pinned results and task-token answers with today\'s schemas', () => {
    expect(StartVerificationResultSchema.safeParse(pinned.tasks.StartVerification!.result).success).toBe(true);
    for (const name of ['GatherSubscriptions', 'GatherBilling', 'GatherAccessLog']) {
      expect(GatherResultSchema.safeParse(pinned.tasks[name]!.result).success, name).toBe(true);
    }
    expect(DecisionOutputSchema.safeParse(pinned.tasks.ReadDecision!.result).success).toBe(true);
    expect(DecisionOutputSchema.safeParse(pinned.tasks.AwaitDecision!.callback).success).toBe(true);
    expect(DecisionOutputSchema.safeParse(pinned.tasks.CarryOut!.input.decision).success).toBe(true);
    for (const name of ['AwaitVerification', 'AwaitVerificationAfterReminder']) {
      expect(VerificationOutputSchema.safeParse(pinned.tasks[name]!.callback).success, name).toBe(true);
    }
  });

  it('starts executions with the pinned input: the request id and nothing else', () => {
    expect(pinned.executionInput).toEqual({ requestId: expect.stringMatching(/^NK-/) });
    expect(Object.keys(pinned.tasks.Acknowledge!.input)).toEqual(Object.keys(pinned.executionInput));
  });
});
