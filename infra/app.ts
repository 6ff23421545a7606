import { App } from 'aws-cdk-lib';
import { type DeploySettings, DeploySettingsError, loadSettings } from './settings.js';
import { DsrStack } from './stacks/dsr-stack.js';

/**
 * CDK entry point (`cdk.json` runs it with tsx). Settings are validated before any construct is
 * created, so a bad setting stops `cdk synth` with one readable message instead of a stack trace.
 *
 * The region always comes from the settings (default eu-north-1, inside the EU/EEA), never from
 * the caller's AWS profile. The account is taken from the CLI when it knows one and otherwise
 * left to deploy time (`AWS::AccountId`), so synth needs neither credentials nor network.
 */
const app = new App();

function settingsOrExit(): DeploySettings {
  try {
    return loadSettings({ context: (key) => app.node.tryGetContext(key), env: process.env });
  } catch (error) {
    if (!(error instanceof DeploySettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const settings = settingsOrExit();

new DsrStack(app, 'DsrStack', {
  stackName: 'ObosNaerkontorDsr',
  description: 'OBOS Nærkontor AS: GDPR data-subject rights requests (intake, workflow, replies)',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: settings.region },
  settings,
  tags: { application: 'obos-naerkontor-dsr', 'data-classification': 'personal-data' },
});

app.synth();
