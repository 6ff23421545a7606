import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_FUNCTIONS, type WorkflowSubstitution } from '../../functions/workflow-steps/workflow-functions.js';
import { LIVE_ALIAS, RIGHTS_REQUEST_ASL_URL } from '../../infra/constructs/rights-request-workflow.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly Retry?: unknown;
  readonly Catch?: unknown;
  readonly Parameters?: { readonly FunctionName?: string };
  readonly Branches?: readonly AslDocument[];
  readonly ItemProcessor?: AslDocument;
  readonly Iterator?: AslDocument;
  readonly [key: string]: unknown;
}
interface AslDocument {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
}

/** Every state of a document by name, including those inside Parallel branches and Map processors. */
function allStates(document: AslDocument): [string, AslState][] {
  return Object.entries(document.States).flatMap(([name, state]): [string, AslState][] => [
    [name, state],
    ...[...(state.Branches ?? []), ...[state.ItemProcessor, state.Iterator].filter((inner) => inner !== undefined)].flatMap(allStates),
  ]);
}

/** A stand-in ARN per logical id, so a resolved definition says which function each task calls. */
const fakeArn = (logicalId: string): string => `arn:aws:lambda:eu-north-1:111111111111:function:${logicalId}`;

/** Resolves the intrinsics CDK can put into a definition: strings, Fn::Join, Ref and Fn::GetAtt. */
function resolve(value: unknown): string {
  if (typeof value === 'string') return value;
  const token = value as Record<string, unknown>;
  if ('Fn::Join' in token) {
    const [separator, parts] = token['Fn::Join'] as [string, unknown[]];
    return parts.map(resolve).join(separator);
  }
  if ('Fn::GetAtt' in token) {
    const [logicalId, attribute] = token['Fn::GetAtt'] as [string, string];
    if (attribute !== 'Arn') throw new Error(`unexpected attribute ${attribute} of ${logicalId}`);
    return fakeArn(logicalId);
  }
  if ('Ref' in token) return fakeArn(String(token.Ref));
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

const substitute = (definition: string, values: Readonly<Record<string, string>>): string =>
  Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`\${${name}}`, value), definition);

describe('rights-request workflow definition', () => {
  let synth: SynthesizedDsrStack;
  let deployed: AslDocument;
  let expected: AslDocument;
  const aliasId = (name: WorkflowSubstitution): string => synth.logicalId(synth.stack.workflow.aliases[name]);

  beforeAll(() => {
    // Prepare
    synth = synthDsrStack();
    const [machine, ...others] = Object.values(synth.template.findResources('AWS::StepFunctions::StateMachine'));
    expect(others).toHaveLength(0);
    const props = machine?.Properties as { DefinitionString: unknown; DefinitionSubstitutions?: Record<string, unknown> };
    const substitutions = Object.fromEntries(
      Object.entries(props.DefinitionSubstitutions ?? {}).map(([name, value]) => [name, resolve(value)]),
    );
    // Act: what Step Functions receives once CloudFormation has resolved every token
    const deployedText = substitute(resolve(props.DefinitionString), substitutions);
    expect(deployedText).not.toContain('${');
    deployed = JSON.parse(deployedText) as AslDocument;
    // The file, with each substitution replaced by the ARN of the function WORKFLOW_FUNCTIONS names
    const byFolder = Object.fromEntries(
      (Object.entries(WORKFLOW_FUNCTIONS) as [WorkflowSubstitution, (typeof WORKFLOW_FUNCTIONS)[WorkflowSubstitution]][]).map(
        ([name]) => [name, fakeArn(aliasId(name))],
      ),
    );
    expected = JSON.parse(substitute(readFileSync(RIGHTS_REQUEST_ASL_URL, 'utf8'), byFolder)) as AslDocument;
  }, SYNTH_TIMEOUT_MS);

  it('deploys exactly the states of the ASL file, in the same order', () => {
    expect(Object.keys(deployed.States)).toEqual(Object.keys(expected.States));
    expect(deployed.StartAt).toBe(expected.StartAt);
  });

  it('keeps each state’s Type, Next, Retry and Catch as the file has them', () => {
    for (const [name, state] of Object.entries(expected.States)) {
      const actual = deployed.States[name];
      expect(actual, name).toBeDefined();
      expect({ Type: actual?.Type, Next: actual?.Next, Retry: actual?.Retry, Catch: actual?.Catch }, name).toEqual({
        Type: state.Type,
        Next: state.Next,
        Retry: state.Retry,
        Catch: state.Catch,
      });
    }
  });

  it('calls, in each task (nested ones too), the function WORKFLOW_FUNCTIONS names for the task’s substitution', () => {
    const raw = JSON.parse(readFileSync(RIGHTS_REQUEST_ASL_URL, 'utf8')) as AslDocument;
    const tasks = allStates(raw).filter(([, state]) => state.Type === 'Task');
    const deployedStates = new Map(allStates(deployed));
    expect(tasks.length).toBeGreaterThan(0);
    for (const [name, state] of tasks) {
      const substitution = /^\$\{(\w+)\}$/.exec(state.Parameters?.FunctionName ?? '')?.[1] as WorkflowSubstitution;
      const folder = WORKFLOW_FUNCTIONS[substitution];
      expect(folder, `${name} uses an unknown substitution`).toBeDefined();
      expect(deployedStates.get(name)?.Parameters?.FunctionName, name).toBe(fakeArn(aliasId(substitution)));
    }
  });

  it('has a deployed function behind every substitution of the file', () => {
    const names = [...readFileSync(RIGHTS_REQUEST_ASL_URL, 'utf8').matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]);
    for (const name of new Set(names)) {
      const folder = WORKFLOW_FUNCTIONS[name as WorkflowSubstitution];
      expect(folder, name).toBeDefined();
      expect(synth.stack.functions[folder], `${name} → ${folder}`).toBeDefined();
    }
  });

  it('equals the file in every other respect', () => {
    expect(deployed).toEqual(expected);
  });

  it('invokes the published version behind alias "live" of the function WORKFLOW_FUNCTIONS names, never $LATEST', () => {
    const aliases = synth.template.findResources('AWS::Lambda::Alias');
    const versions = synth.template.findResources('AWS::Lambda::Version');
    for (const [name, folder] of Object.entries(WORKFLOW_FUNCTIONS) as [WorkflowSubstitution, string][]) {
      const alias = aliases[aliasId(name)]?.Properties as { Name: string; FunctionName: unknown; FunctionVersion: unknown };
      expect(alias, name).toBeDefined();
      expect(alias.Name).toBe(LIVE_ALIAS);
      expect(alias.FunctionName).toEqual({ Ref: synth.functionId(folder as never) });
      const [versionId, attribute] = (alias.FunctionVersion as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
      expect(attribute).toBe('Version');
      expect((versions[versionId]?.Properties as { FunctionName: unknown }).FunctionName).toEqual({ Ref: synth.functionId(folder as never) });
    }
    expect(JSON.stringify(deployed)).not.toContain('$LATEST');
  });
});
