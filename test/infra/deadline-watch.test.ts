import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeadlineWatch } from '../../infra/constructs/deadline-watch.js';

interface Synthesized {
  readonly template: Template;
  readonly functionId: string;
  readonly topicId: string;
  /** A second function in the stack, which the schedule's role must not reach. */
  readonly otherId: string;
}

function synth(): Synthesized {
  const stack = new Stack(new App(), 'DeadlineWatchTest', { env: { account: '111111111111', region: 'eu-north-1' } });
  const job = new lambda.Function(stack, 'WatchDeadlines', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('export const handler = async () => ({});'),
  });
  const other = new lambda.Function(stack, 'Other', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('export const handler = async () => ({});'),
  });
  const topic = new sns.Topic(stack, 'Alarms');
  new DeadlineWatch(stack, 'DeadlineWatch', { job }).addAlarmAction(new SnsAction(topic));
  return {
    template: Template.fromStack(stack),
    functionId: stack.getLogicalId(job.node.defaultChild as lambda.CfnFunction),
    topicId: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic),
    otherId: stack.getLogicalId(other.node.defaultChild as lambda.CfnFunction),
  };
}

describe('DeadlineWatch', () => {
  let result: Synthesized;

  beforeAll(() => {
    result = synth();
  });

  it('runs the job at 07:00 Oslo time every day through EventBridge Scheduler', () => {
    result.template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    result.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Oslo',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [result.functionId, 'Arn'] },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 5 }),
      }),
    });
  });

  it('gives the scheduler a role that may invoke this function and nothing else', () => {
    const schedule = Object.values(result.template.findResources('AWS::Scheduler::Schedule'))[0]!;
    const roleId = (schedule.Properties.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = result.template.findResources('AWS::IAM::Role')[roleId]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      }),
    ]);

    const policies = Object.values(result.template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleId),
    );
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Record<string, unknown>[]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: 'lambda:InvokeFunction' });
    const resources = JSON.stringify(statements[0]!.Resource);
    expect(resources).toContain(result.functionId);
    expect(resources).not.toContain(result.otherId);
  });

  it('alarms while the latest run counted an overdue request', () => {
    result.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'ObosNaerkontor/Dsr',
      MetricName: 'OverdueRequests',
      Statistic: 'Maximum',
      Period: 86_400,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'ignore',
      // Powertools Metrics records the watch's counts under its service, and nothing that names a request.
      Dimensions: [{ Name: 'service', Value: 'watch-deadlines' }],
      AlarmActions: [{ Ref: result.topicId }],
    });
  });

  it('alarms when the job has not reported for 26 hours, counting missing data as breaching', () => {
    result.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'ObosNaerkontor/Dsr',
      MetricName: 'OverdueRequests',
      Statistic: 'SampleCount',
      Period: 3_600,
      EvaluationPeriods: 26,
      DatapointsToAlarm: 26,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [{ Ref: result.topicId }],
    });
  });

  it('refuses an hour that is not on the clock', () => {
    const stack = new Stack(new App(), 'BadHour');
    const job = lambda.Function.fromFunctionArn(stack, 'Job', 'arn:aws:lambda:eu-north-1:111111111111:function:watch');

    expect(() => new DeadlineWatch(stack, 'Watch', { job, hour: 24 })).toThrow(RangeError);
  });
});
