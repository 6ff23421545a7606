import { beforeAll, describe, expect, it } from 'vitest';
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

  it('schedules nothing else', () => {
    expect(Object.keys(synth.stack.schedules)).toEqual(['purge-exports']);
    synth.template.resourceCountIs('AWS::Events::Rule', 1);
  });
});
