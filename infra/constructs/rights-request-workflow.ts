import { readFileSync } from 'node:fs';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  WORKFLOW_FUNCTIONS,
  type WorkflowSubstitution,
} from '../../functions/workflow-steps/workflow-functions.js';

/**
 * The workflow definition, resolved from this module (not the CWD). The same file is executed
 * by the local runtime and asserted by the tests, so it is the single truth about the workflow.
 */
export const RIGHTS_REQUEST_ASL_URL = new URL('../../statemachines/rights-request.asl.json', import.meta.url);

/** Every `${Name}` placeholder in an ASL document, in order of first appearance. */
export function substitutionNames(definition: string): string[] {
  return [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ''))];
}

/**
 * The alias the workflow invokes on each of its functions. It points at the version published by
 * the latest deploy; the definition names the alias, never `$LATEST`.
 */
export const LIVE_ALIAS = 'live';

/** Properties of a {@link RightsRequestWorkflow}. */
export interface RightsRequestWorkflowProps {
  /**
   * The function behind each `${...}` substitution of the definition. Typed by
   * `WORKFLOW_FUNCTIONS`, so a function missing here is a compile error.
   */
  readonly functions: Readonly<Record<WorkflowSubstitution, lambda.Function>>;
  /** How long the execution log group keeps logs. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The rights-request state machine (STANDARD: runs for months while it waits for a decision),
 * built from `statemachines/rights-request.asl.json` with the ARN of each function's
 * {@link LIVE_ALIAS} alias substituted.
 *
 * An execution can wait up to 95 days for a decision, across any number of deploys. Every deploy
 * publishes an immutable version of each changed function and moves `live` to it in one step, so
 * a waiting execution resumes on a complete, tested version (never on a half-updated `$LATEST`),
 * and a bad release is rolled back by pointing the alias at the previous version. The code of the
 * new version must read the payloads older executions carry; `test/unit/workflow-payloads` pins
 * them.
 *
 * Because the definition is a string, CDK cannot infer which functions it calls; this construct
 * grants `lambda:InvokeFunction` on exactly the substituted aliases. Execution logs record every
 * event but never the execution data, which could hold personal data.
 */
export class RightsRequestWorkflow extends Construct {
  /** The deployed state machine. */
  readonly stateMachine: sfn.StateMachine;
  /** The alias each substitution resolves to (alias {@link LIVE_ALIAS} of the function). */
  readonly aliases: Readonly<Record<WorkflowSubstitution, lambda.Alias>>;

  constructor(scope: Construct, id: string, props: RightsRequestWorkflowProps) {
    super(scope, id);
    const definition = readFileSync(RIGHTS_REQUEST_ASL_URL, 'utf8');

    const expected = Object.keys(WORKFLOW_FUNCTIONS).sort();
    const used = substitutionNames(definition).sort();
    if (JSON.stringify(expected) !== JSON.stringify(used)) {
      throw new Error(
        `rights-request.asl.json substitutions [${used.join(', ')}] differ from WORKFLOW_FUNCTIONS [${expected.join(', ')}]`,
      );
    }

    const substitutions = Object.keys(WORKFLOW_FUNCTIONS) as WorkflowSubstitution[];
    // One alias per function, even if two substitutions ever name the same function.
    const byFunction = new Map<lambda.Function, lambda.Alias>();
    const aliasOf = (fn: lambda.Function): lambda.Alias => {
      const alias = byFunction.get(fn) ?? fn.addAlias(LIVE_ALIAS);
      byFunction.set(fn, alias);
      return alias;
    };
    this.aliases = Object.fromEntries(substitutions.map((name) => [name, aliasOf(props.functions[name])])) as Record<
      WorkflowSubstitution,
      lambda.Alias
    >;
    const logGroup = new logs.LogGroup(this, 'ExecutionLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(definition),
      definitionSubstitutions: Object.fromEntries(
        substitutions.map((name) => [name, this.aliases[name].functionArn]),
      ),
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });

    if (this.stateMachine.role !== undefined) {
      Validations.of(this.stateMachine.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray (PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery (CreateLogDelivery, ...) accept only Resource "*"',
      });
    }

    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...new Set(substitutions.map((name) => this.aliases[name].functionArn))],
      }),
    );
  }
}
