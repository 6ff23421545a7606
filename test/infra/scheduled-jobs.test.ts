import { beforeAll, describe, expect, it } from 'vitest';
import { roleStatements } from './support/policies.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

describe('scheduled jobs', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack();
  }, SYNTH_TIMEOUT_MS);

  it('runs purge-exports once a day through an EventBridge rule', () => {
    const rule = synth.template.findResources('AWS::Events::Rule')[synth.logicalId(synth.stack.schedules['purge-exports']!)];
    expect(rule?.Properties).toMatchObject({
      State: 'ENABLED',
      Targets: [expect.objectContaining({ Arn: { 'Fn::GetAtt': [synth.functionId('purge-exports'), 'Arn'] } })],
    });
    const expression = rule?.Properties.ScheduleExpression as string;
    const [minute, hour, dayOfMonth, month, dayOfWeek] = /^cron\((.+)\)$/.exec(expression)?.[1]?.split(' ') ?? [];
    expect([minute, hour].every((field) => /^\d+$/.test(field ?? ''))).toBe(true);
    expect({ dayOfMonth, month, dayOfWeek }).toEqual({ dayOfMonth: '*', month: '*', dayOfWeek: '?' });
  });

  it('retries a failed run and lets EventBridge invoke the function', () => {
    const rule = synth.template.findResources('AWS::Events::Rule')[synth.logicalId(synth.stack.schedules['purge-exports']!)];
    expect(rule?.Properties.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
    synth.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [synth.functionId('purge-exports'), 'Arn'] },
    });
  });

  it('runs the deadline watch every morning at 07:00 Oslo time through EventBridge Scheduler, invoking watch-deadlines', () => {
    const scheduleId = synth.logicalId(synth.stack.deadlineWatch.schedule);
    const schedule = synth.template.findResources('AWS::Scheduler::Schedule')[scheduleId];
    expect(schedule?.Properties).toMatchObject({
      State: 'ENABLED',
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Oslo',
      Target: expect.objectContaining({ Arn: { 'Fn::GetAtt': [synth.functionId('watch-deadlines'), 'Arn'] } }),
    });
    // Scheduled once: not by an EventBridge rule as well.
    expect(Object.keys(synth.stack.schedules)).not.toContain('watch-deadlines');
  });

  it('lets the deadline watch schedule invoke watch-deadlines and no other function', () => {
    const schedule = synth.template.findResources('AWS::Scheduler::Schedule')[synth.logicalId(synth.stack.deadlineWatch.schedule)];
    const roleId = (schedule?.Properties.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = roleStatements(synth.template, roleId);
    expect(statements.flatMap((statement) => statement.actions)).toEqual(['lambda:InvokeFunction']);
    const resources = JSON.stringify(statements.flatMap((statement) => statement.resources));
    const invoked = synth.stack.deployed().filter(([folder]) => resources.includes(`"${synth.functionId(folder)}"`));
    expect(invoked.map(([folder]) => folder)).toEqual(['watch-deadlines']);
  });

  it('schedules nothing else', () => {
    expect(Object.keys(synth.stack.schedules)).toEqual(['purge-exports']);
    synth.template.resourceCountIs('AWS::Events::Rule', 1);
    synth.template.resourceCountIs('AWS::Scheduler::Schedule', 1);
  });
});
