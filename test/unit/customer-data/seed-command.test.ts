import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../infra/cli/cli-errors.js';
import { seedCommand } from '../../../infra/cli/commands/seed-command.js';

const deps = {
  // Never reached: the arguments are refused before anything is written.
  dynamoDb: {} as DynamoDBClient,
  tableNames: { customers: 'dsr-customers', billing: 'dsr-billing', accessLog: 'dsr-access-log' },
};

describe('seedCommand', () => {
  it.each([0, -5, 100_001, 2.5, Number.NaN])('refuses --customers %s with a UsageError naming the range', async (customers) => {
    await expect(seedCommand({ customers }, deps)).rejects.toThrow(UsageError);
    await expect(seedCommand({ customers }, deps)).rejects.toThrow(/from 1 to 100,000/);
  });

  it('refuses a negative or fractional seed', async () => {
    await expect(seedCommand({ customers: 1, seed: -1 }, deps)).rejects.toThrow(/--seed/);
    await expect(seedCommand({ customers: 1, seed: 1.5 }, deps)).rejects.toThrow(UsageError);
  });
});
