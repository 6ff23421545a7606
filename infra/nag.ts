import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * Runs cdk-nag's AwsSolutions pack over the app when it synthesizes. A finding stops the synth
 * unless it is acknowledged with `Validations.of(construct).acknowledge({ id, reason })` on the
 * narrowest construct it concerns (a role, a route, a bucket: never a whole stack), with the
 * reason it is acceptable next to the code that causes it.
 */
export function addNagChecks(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  return checks;
}
