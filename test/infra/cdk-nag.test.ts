import { type App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/nag.js';
import { DsrEdgeStack } from '../../infra/stacks/dsr-edge-stack.js';
import { DsrStack } from '../../infra/stacks/dsr-stack.js';
import { PROD_SETTINGS, SYNTH_TIMEOUT_MS, appWithoutBundling, testSettings } from './support/synth-dsr-stack.js';

/** Every acknowledgment in the tree: where it sits, the rule id and the reason. */
function acknowledgments(root: IConstruct): { readonly node: IConstruct; readonly id: string; readonly reason: string }[] {
  return root.node.findAll().flatMap((node) =>
    node.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ node, id, reason }))),
  );
}

/** The app as `app.ts` builds it for both stages: dev (no domain, inbox off) and prod (domain, edge, inbox on). */
function wholeApp(): App {
  const app = appWithoutBundling();
  const dev = testSettings({});
  new DsrStack(app, 'Dev', { env: { region: dev.region }, settings: dev });
  const prod = testSettings({ ...PROD_SETTINGS, inboxEnabled: 'true', region: 'eu-west-1' });
  new DsrStack(app, 'Prod', { env: { account: prod.account, region: prod.region }, settings: prod });
  new DsrEdgeStack(app, 'ProdEdge', {
    env: { account: prod.account, region: 'us-east-1' },
    stage: prod.stage,
    domains: {
      publicDomain: prod.publicDomain as string,
      consoleDomain: prod.consoleDomain as string,
      originDomain: prod.originDomain as string,
      hostedZoneId: prod.hostedZoneId as string,
      hostedZoneName: prod.hostedZoneName as string,
    },
  });
  return app;
}

describe('cdk-nag AwsSolutions checks', () => {
  let app: App;
  let findings: string[];

  beforeAll(() => {
    app = wholeApp();
    const checks = addNagChecks(app);
    // Synthesizing runs the checks as a validation plugin: it throws on an unacknowledged finding.
    app.synth();
    findings = checks.validateScope(app).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} ${resource.constructPath ?? resource.resourceLogicalId ?? ''}`),
    );
  }, SYNTH_TIMEOUT_MS);

  it('finds nothing unacknowledged in the dev stack, the prod stack (with inbox) and the edge stack', () => {
    expect(findings).toEqual([]);
  });

  it('acknowledges each finding on the construct it concerns, never on a stack or the app, with a reason', () => {
    const acks = acknowledgments(app);
    expect(acks.length).toBeGreaterThan(20);
    for (const ack of acks) {
      expect(Stack.isStack(ack.node), `${ack.id} on ${ack.node.node.path}`).toBe(false);
      expect(ack.node.node.path, ack.id).not.toBe('');
      expect(ack.reason.length, `${ack.id} on ${ack.node.node.path}`).toBeGreaterThan(40);
      // A rule family is never acknowledged wholesale: wildcard findings name what they allow.
      if (ack.id.startsWith('AwsSolutions-IAM5')) expect(ack.id).toMatch(/\[(Action|Resource)::.+\]$/);
    }
  });

  it('fails the synth on a new unacknowledged finding', () => {
    const bad = appWithoutBundling();
    const stack = new Stack(bad, 'Careless', { env: { region: 'eu-north-1' } });
    new s3.Bucket(stack, 'OpenBucket');
    new sqs.Queue(stack, 'PlainQueue');
    const checks = addNagChecks(bad);
    expect(() => bad.synth()).toThrowError(/The S3 Bucket has server access logs disabled/);
    const rules = checks.validateScope(bad).violations.map((violation) => violation.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10', 'AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  }, SYNTH_TIMEOUT_MS);
});
