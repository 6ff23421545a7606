import { DEFAULT_DATA_DIR, readRunningStack } from '../local/local-settings.js';
import { CommandError } from './cli-errors.js';

/**
 * Points the AWS SDK at the local stack `npm start` runs (its endpoints file), unless `--aws` was
 * given, in which case the ordinary AWS credentials chain and the DSR_* variables are used.
 */
export function useStackEnvironment(aws: boolean): void {
  if (aws) {
    for (const [name, from] of [
      ['REQUESTS_TABLE_NAME', 'DSR_TABLE_NAME'],
      ['STATE_MACHINE_ARN', 'DSR_STATE_MACHINE_ARN'],
      ['CUSTOMERS_TABLE_NAME', 'DSR_CUSTOMERS_TABLE_NAME'],
      ['BILLING_TABLE_NAME', 'DSR_BILLING_TABLE_NAME'],
      ['ACCESS_LOG_TABLE_NAME', 'DSR_ACCESS_LOG_TABLE_NAME'],
    ] as const) {
      const value = process.env[from] ?? process.env[name];
      if (!value) throw new CommandError(`--aws needs ${from} (see the stack outputs of "npm run deploy")`);
      process.env[name] = value;
    }
    return;
  }
  const dataDir = process.env.DSR_DATA_DIR ?? DEFAULT_DATA_DIR;
  const running = readRunningStack(dataDir);
  if (!running) throw new CommandError('local mode is not running: start it with "npm start" (or pass --aws)');
  Object.assign(process.env, running.environment);
}
