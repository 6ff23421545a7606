import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { loadSettings, type SettingName } from '../../../infra/settings.js';
import { DsrStack } from '../../../infra/stacks/dsr-stack.js';
import type { FunctionFolder } from '../../../infra/constructs/dsr-function.js';

/** The feature flags the real app runs with, so tests see the template `cdk synth` produces. */
const cdkContext = (JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
}).context;

/**
 * Time a `beforeAll` that synthesizes may take. A synth runs CDK's CloudFormation validation
 * (WebAssembly, slow to start) and test files synthesize in parallel, so vitest's 10 s default
 * is too tight on a small machine.
 */
export const SYNTH_TIMEOUT_MS = 120_000;

/** A synthesized {@link DsrStack} and lookups from its constructs to template logical ids. */
export interface SynthesizedDsrStack {
  readonly stack: DsrStack;
  readonly template: Template;
  /** Logical id of the `AWS::Lambda::Function` built from a folder. */
  functionId(folder: FunctionFolder): string;
  /** Logical id of the execution role of the function built from a folder. */
  roleId(folder: FunctionFolder): string;
}

/**
 * Synthesizes the stack as `app.ts` does, from settings given as context values (defaults
 * otherwise; the process environment is ignored). Bundling is skipped through the
 * `aws:cdk:bundling-stacks` context, so the tests neither run esbuild nor depend on what the
 * handler files contain at the moment.
 */
export function synthDsrStack(settings: Partial<Record<SettingName, string>> = {}): SynthesizedDsrStack {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const parsed = loadSettings({ context: (key) => settings[key as SettingName], env: {} });
  const stack = new DsrStack(app, 'DsrStack', { env: { region: parsed.region }, settings: parsed });
  const template = Template.fromStack(stack);
  const functionId = (folder: FunctionFolder): string =>
    stack.getLogicalId(stack.functions[folder].node.defaultChild as CfnFunction);
  const roleId = (folder: FunctionFolder): string => {
    const role = stack.functions[folder].role;
    if (!role) throw new Error(`function ${folder} has no role`);
    return stack.getLogicalId(role.node.defaultChild as CfnFunction);
  };
  return { stack, template, functionId, roleId };
}
