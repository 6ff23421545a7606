import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_FUNCTIONS } from '../../functions/shared/workflow-functions.js';
import {
  DefinitionSubstitutionError,
  loadWorkflowDefinition,
  localFunctionArn,
  localSubstitutions,
  substituteDefinition,
  WORKFLOW_DEFINITION_URL,
} from '../../infra/local/step-functions/load-definition.js';

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

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
