import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import {
  DefinitionSubstitutionError,
  loadWorkflowDefinition,
  localFunctionArn,
  localSubstitutions,
  substituteDefinition,
  WORKFLOW_DEFINITION_URL,
} from '../../infra/local/step-functions/load-definition.js';
import { lambdaTaskStates } from '../../infra/local/step-functions/task-states.js';
import {
  FUNCTIONS_UNDER_TEST,
  INSTANT_RETRIES,
  loadDefinitionUnderTest,
  substitutionsUnderTest,
} from './fake-workflow.js';

describe('loadWorkflowDefinition', () => {
  it('fills every placeholder of the deployed ASL with local function ARNs and changes nothing else', () => {
    const definition = loadWorkflowDefinition(localSubstitutions());
    const text = JSON.stringify(definition);
    expect(text).not.toContain('${');
    expect(definition.States.AwaitDecision?.Parameters).toMatchObject({
      FunctionName: 'arn:aws:lambda:eu-north-1:000000000000:function:dsr-await-decision',
    });
    // Same document once the local ARNs are mapped back to their placeholders.
    let restored = text;
    for (const [name, folder] of Object.entries(WORKFLOW_FUNCTIONS)) {
      restored = restored.split(localFunctionArn(folder)).join(`\${${name}}`);
    }
    expect(JSON.parse(restored)).toEqual(JSON.parse(readFileSync(WORKFLOW_DEFINITION_URL, 'utf8')));
  });

  it('fails loudly when a placeholder has no substitution', () => {
    const { AcknowledgeFunctionArn: _omitted, ...partial } = localSubstitutions();
    const error = captureError(() => loadWorkflowDefinition(partial));
    expect(error).toBeInstanceOf(DefinitionSubstitutionError);
    expect((error as DefinitionSubstitutionError).unresolved).toEqual(['${AcknowledgeFunctionArn}']);
  });

  it('fails loudly when a substitution is unused', () => {
    const error = captureError(() => loadWorkflowDefinition({ ...localSubstitutions(), TypoFunctionArn: 'x' }));
    expect(error).toBeInstanceOf(DefinitionSubstitutionError);
    expect((error as DefinitionSubstitutionError).unused).toEqual(['TypoFunctionArn']);
  });

  it('substitutes inside keys and longer strings too, like CDK text substitution', () => {
    const result = substituteDefinition(
      { StartAt: 'A', States: { A: { Type: 'Pass', Result: { '${K}': 'prefix-${V}-suffix' }, End: true } } },
      { K: 'key', V: 'value' },
    );
    expect(result.States.A?.Result).toEqual({ key: 'prefix-value-suffix' });
  });
});

describe('local ARNs', () => {
  it('names functions dsr-<folder> in the local account and region', () => {
    expect(localFunctionArn('send-reply')).toBe('arn:aws:lambda:eu-north-1:000000000000:function:dsr-send-reply');
  });

  it('covers every workflow function', () => {
    expect(Object.keys(localSubstitutions()).sort()).toEqual(Object.keys(WORKFLOW_FUNCTIONS).sort());
  });
});

describe('the definition the workflow tests run', () => {
  it('is fully substituted, and every Task (Parallel branches included) calls a function the harness fakes', () => {
    const definition = loadDefinitionUnderTest();
    expect(JSON.stringify(definition)).not.toContain('${');
    const called = new Set(lambdaTaskStates(definition).map((task) => task.functionName));
    expect([...called].sort()).toEqual(Object.values(substitutionsUnderTest()).sort());
  });

  it('keeps every entry of WORKFLOW_FUNCTIONS as is, so its local list only adds to it', () => {
    expect(FUNCTIONS_UNDER_TEST).toMatchObject(WORKFLOW_FUNCTIONS);
    expect(substitutionsUnderTest()).toMatchObject(localSubstitutions());
  });

  it('INSTANT_RETRIES names exactly the states with a Retry block, Parallel branch states included', () => {
    const retrying: string[] = [];
    const walk = (states: Record<string, Record<string, unknown>>): void => {
      for (const [name, state] of Object.entries(states)) {
        if (Array.isArray(state.Retry)) retrying.push(name);
        for (const branch of (state.Branches ?? []) as { States: Record<string, Record<string, unknown>> }[]) {
          walk(branch.States);
        }
      }
    };
    walk(loadDefinitionUnderTest().States);
    expect(Object.keys(INSTANT_RETRIES).sort()).toEqual(retrying.sort());
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
