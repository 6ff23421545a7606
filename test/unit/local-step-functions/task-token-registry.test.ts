import { describe, expect, it } from 'vitest';
import { TaskTimedOutError } from '../../../infra/local/step-functions/api-errors.js';
import { TaskTokenRegistry } from '../../../infra/local/step-functions/task-tokens.js';

describe('the local task token registry', () => {
  it('lists only the waiting tokens of the execution asked about, among many', () => {
    const registry = new TaskTokenRegistry();
    const issued = Array.from({ length: 50 }, (_, index) => ({
      arn: `arn:execution:${index % 10}`,
      ...registry.issue(`arn:execution:${index % 10}`, index % 2 === 0 ? 'AwaitVerification' : 'AwaitDecision'),
    }));
    for (const { result } of issued) result.catch(() => undefined);
    const ofThree = issued.filter(({ arn }) => arn === 'arn:execution:3');
    registry.succeed(ofThree[0]!.token, {});

    expect(registry.pendingTokens('arn:execution:3').map(({ token }) => token).sort()).toEqual(ofThree.slice(1).map(({ token }) => token).sort());
    expect(registry.pendingTokens('arn:execution:3').every(({ stateName }) => stateName === 'AwaitDecision')).toBe(true);
    expect(registry.pendingTokens('arn:execution:unknown')).toEqual([]);
  });

  it('closes only the ended execution’s tokens, rejecting what waited, and refuses them afterwards as timed out', async () => {
    const registry = new TaskTokenRegistry();
    const ending = registry.issue('arn:execution:ending', 'AwaitDecision');
    const other = registry.issue('arn:execution:other', 'AwaitDecision');
    const answered = registry.issue('arn:execution:ending', 'AwaitVerification');
    registry.succeed(answered.token, { ok: true });
    await expect(answered.result).resolves.toEqual({ ok: true });

    registry.closeExecution('arn:execution:ending', new Error('execution ended'));

    await expect(ending.result).rejects.toThrow('execution ended');
    expect(registry.pendingTokens('arn:execution:ending')).toEqual([]);
    expect(() => registry.succeed(ending.token, {})).toThrow(TaskTimedOutError);
    expect(registry.pendingTokens('arn:execution:other')).toEqual([{ token: other.token, stateName: 'AwaitDecision' }]);
    registry.succeed(other.token, 'done');
    await expect(other.result).resolves.toBe('done');
  });
});
