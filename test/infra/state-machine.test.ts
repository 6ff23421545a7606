import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import { roleStatements } from './support/policies.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

describe('rights-request state machine', () => {
  let synth: SynthesizedDsrStack;
  let roleId: string;

  beforeAll(() => {
    synth = synthDsrStack();
    roleId = synth.stack.getLogicalId(synth.stack.workflow.stateMachine.role.node.defaultChild as CfnElement);
  }, SYNTH_TIMEOUT_MS);

  it('is a STANDARD state machine with tracing', () => {
    synth.template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    synth.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
    });
  });

  it('logs every event but never the execution data', () => {
    synth.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } }],
      },
    });
  });

  it('may invoke exactly the workflow functions', () => {
    const invokeStatements = roleStatements(synth.template, roleId).filter((statement) =>
      statement.actions.some((action) => action.startsWith('lambda:')),
    );
    expect(invokeStatements.flatMap((statement) => statement.actions)).toEqual(['lambda:InvokeFunction']);
    // The aliases (alias `live` → the published version), exactly as the definition names them.
    const expected = Object.values(synth.stack.workflow.aliases).map((alias) => ({ Ref: synth.logicalId(alias) }));
    const granted = invokeStatements.flatMap((statement) => statement.resources);
    expect(granted).toHaveLength(expected.length);
    expect(granted).toEqual(expect.arrayContaining(expected));
  });

  it('may not invoke any function outside WORKFLOW_FUNCTIONS (HTTP functions, jobs)', () => {
    const resources = JSON.stringify(roleStatements(synth.template, roleId).flatMap((statement) => statement.resources));
    const called = new Set<string>(Object.values(WORKFLOW_FUNCTIONS));
    const others = synth.stack.deployed().filter(([folder]) => !called.has(folder));
    expect(others.length).toBeGreaterThan(0);
    for (const [folder] of others) expect(resources, folder).not.toContain(`"${synth.functionId(folder)}"`);
    // Nor any workflow function's unqualified ARN ($LATEST).
    for (const folder of called) expect(resources, folder).not.toContain(`"${synth.functionId(folder as never)}"`);
  });

  it('is allowed nothing beyond invoking, log delivery and X-Ray', () => {
    const actions = roleStatements(synth.template, roleId).flatMap((statement) => statement.actions);
    expect(actions.filter((action) => !/^(lambda:InvokeFunction|logs:|xray:)/.test(action))).toEqual([]);
  });
});
