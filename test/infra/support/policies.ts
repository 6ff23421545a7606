import type { Template } from 'aws-cdk-lib/assertions';

/** One IAM statement of a role, with `Action` and `Resource` always as arrays. */
export interface RoleStatement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly unknown[];
  readonly condition?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Every statement of every `AWS::IAM::Policy` attached to a role. Statements are normalised
 * because `@aws-cdk/aws-iam:minimizePolicies` merges them in ways a test should not depend on.
 */
export function roleStatements(template: Template, roleLogicalId: string): RoleStatement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((policy) =>
      asArray(policy.Properties.Roles as unknown[]).some(
        (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId }),
      ),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Record<string, unknown>[])
    .map((statement) => ({
      effect: statement.Effect as string,
      actions: asArray(statement.Action as string | string[]),
      resources: asArray(statement.Resource),
      condition: statement.Condition,
    }));
}

/** The sorted, de-duplicated actions a role is allowed. */
export function allowedActions(template: Template, roleLogicalId: string): string[] {
  const actions = roleStatements(template, roleLogicalId)
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => statement.actions);
  return [...new Set(actions)].sort();
}

/** The statements that allow one action. */
export function statementsFor(template: Template, roleLogicalId: string, action: string): RoleStatement[] {
  return roleStatements(template, roleLogicalId).filter(
    (statement) => statement.effect === 'Allow' && statement.actions.includes(action),
  );
}
