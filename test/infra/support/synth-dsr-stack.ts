import { readFileSync } from 'node:fs';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_RECIPIENT_DIRECTORY } from '../../../functions/domain/recipients/recipient-directory.js';
import { loadSettings, type SettingName } from '../../../infra/settings.js';
import type { FunctionFolder } from '../../../infra/stacks/dsr-functions.js';
import { DsrEdgeStack } from '../../../infra/stacks/dsr-edge-stack.js';
import { DsrStack } from '../../../infra/stacks/dsr-stack.js';

/** The feature flags the real app runs with, so tests see the template `cdk synth` produces. */
export const cdkContext = (JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
}).context;

/**
 * Time a `beforeAll` that synthesizes may take. A synth runs CDK's CloudFormation validation
 * (WebAssembly, slow to start) and test files synthesize in parallel, so vitest's 10 s default
 * is too tight on a small machine.
 */
export const SYNTH_TIMEOUT_MS = 120_000;

/** Settings as a test gives them: context values by setting name. */
export type TestSettings = Partial<Record<SettingName, string>>;

/** An app that synthesizes like `cdk synth` but never runs esbuild. */
export const appWithoutBundling = (): App => new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });

/** Settings parsed from context values only (defaults otherwise; the process environment is ignored). */
export const testSettings = (settings: TestSettings = {}) =>
  loadSettings({ context: (key) => settings[key as SettingName], env: {} });

/** A synthesized {@link DsrStack} and lookups from its constructs to template logical ids. */
export interface SynthesizedDsrStack {
  readonly stack: DsrStack;
  readonly template: Template;
  /** Logical id of any construct's default resource. */
  logicalId(construct: { readonly node: { readonly defaultChild?: unknown } }): string;
  /** Logical id of the `AWS::Lambda::Function` built from a folder. */
  functionId(folder: FunctionFolder): string;
  /** Logical id of the execution role of the function built from a folder. */
  roleId(folder: FunctionFolder): string;
}

/**
 * Synthesizes the stack as `app.ts` does, from settings given as context values. Bundling is
 * skipped through the `aws:cdk:bundling-stacks` context, so the tests neither run esbuild nor
 * depend on what the handler files contain at the moment.
 */
export function synthDsrStack(settings: TestSettings = {}): SynthesizedDsrStack {
  const app = appWithoutBundling();
  const parsed = testSettings(settings);
  const stack = new DsrStack(app, 'DsrStack', { env: { region: parsed.region }, settings: parsed });
  const template = Template.fromStack(stack);
  const logicalId = (construct: { readonly node: { readonly defaultChild?: unknown } }): string =>
    stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const functionId = (folder: FunctionFolder): string => logicalId(stack.functionFor(folder));
  const roleId = (folder: FunctionFolder): string => {
    const role = stack.functionFor(folder).role;
    if (!role) throw new Error(`function ${folder} has no role`);
    return logicalId(role);
  };
  return { stack, template, logicalId, functionId, roleId };
}

/** Every setting a prod stage requires, with a domain: what a production deploy is given. */
export const PROD_SETTINGS: TestSettings = {
  stage: 'prod',
  account: '111111111111',
  domainName: 'personvern.obos.no',
  hostedZoneId: 'Z0123456789ABCDEF',
  hostedZoneName: 'obos.no',
  senderAddress: 'naerkontor@obos.no',
  sesIdentityDomain: 'obos.no',
  alarmEmail: 'drift@obos.no',
  recipientDirectory: JSON.stringify(DEFAULT_RECIPIENT_DIRECTORY),
};

/** The edge stack (us-east-1) of a stage with a domain, synthesized as `app.ts` does. */
export function synthEdgeStack(settings: TestSettings = PROD_SETTINGS): { readonly stack: DsrEdgeStack; readonly template: Template } {
  const app = appWithoutBundling();
  const parsed = testSettings(settings);
  const { publicDomain, consoleDomain, originDomain, hostedZoneId, hostedZoneName } = parsed;
  if (!publicDomain || !consoleDomain || !originDomain || !hostedZoneId || !hostedZoneName) {
    throw new Error('synthEdgeStack needs settings with a domain');
  }
  const stack = new DsrEdgeStack(app, 'Edge', {
    env: { account: parsed.account, region: 'us-east-1' },
    stage: parsed.stage,
    domains: { publicDomain, consoleDomain, originDomain, hostedZoneId, hostedZoneName },
  });
  return { stack, template: Template.fromStack(stack) };
}
