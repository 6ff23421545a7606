import { App } from 'aws-cdk-lib';
import { addNagChecks } from './nag.js';
import { type DeploySettings, DeploySettingsError, loadSettings, stackNames } from './settings.js';
import { DsrEdgeStack } from './stacks/dsr-edge-stack.js';
import { DsrStack } from './stacks/dsr-stack.js';

/**
 * CDK entry point (`cdk.json` runs it with tsx). Settings are validated before any construct is
 * created, so a bad setting (or a prod stage missing one it needs) stops `cdk synth` with one
 * readable message instead of a stack trace.
 *
 * The region always comes from the settings (default eu-north-1, inside the EU/EEA), never from
 * the caller's AWS profile. The account is the stage's pinned `account` when set (a deploy with
 * other credentials then fails), else the CLI's, else left to deploy time (`AWS::AccountId`), so
 * a dev synth needs neither credentials nor network.
 *
 * The AwsSolutions checks of cdk-nag run on every synth; an unacknowledged finding stops it.
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
const names = stackNames(settings.stage);
const account = settings.account ?? process.env.CDK_DEFAULT_ACCOUNT;
const tags = { application: 'obos-naerkontor-dsr', stage: settings.stage, 'data-classification': 'personal-data' };

new DsrStack(app, names.main, {
  stackName: names.main,
  description: `OBOS Nærkontor AS: GDPR data-subject rights requests (${settings.stage})`,
  env: { account, region: settings.region },
  settings,
  tags,
});

// The edge exists with a domain: CloudFront and its WAF web ACL and certificate live in us-east-1.
if (settings.publicDomain !== undefined && settings.consoleDomain !== undefined && settings.originDomain !== undefined) {
  new DsrEdgeStack(app, names.edge, {
    stackName: names.edge,
    description: `OBOS Nærkontor AS: rights requests public edge, CloudFront + WAF (${settings.stage})`,
    env: { account, region: 'us-east-1' },
    stage: settings.stage,
    domains: {
      publicDomain: settings.publicDomain,
      consoleDomain: settings.consoleDomain,
      originDomain: settings.originDomain,
      hostedZoneId: settings.hostedZoneId as string,
      hostedZoneName: settings.hostedZoneName as string,
    },
    tags: { application: tags.application, stage: settings.stage },
  });
}

addNagChecks(app);
app.synth();
