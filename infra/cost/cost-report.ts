import { readFileSync } from 'node:fs';
import { App, type CfnElement } from 'aws-cdk-lib';
import { RIGHTS_REQUEST_ASL_URL } from '../constructs/rights-request-workflow.js';
import { loadSettings } from '../settings.js';
import { DsrStack } from '../stacks/dsr-stack.js';
import { COST_ASSUMPTIONS, fixedCosts, monthCost, pathCosts, type StackFacts } from './cost-model.js';
import { PRICE_LIST } from './price-list.js';
import type { AslMachine } from './workflow-paths.js';

/**
 * `npm run cost [-- --requests 100,10000]`: the cost per request along each workflow path and per
 * month at the given volumes, from the stack as `cdk synth` builds it (synthesized here, in
 * process, with the same settings and without bundling), the ASL and {@link PRICE_LIST}.
 */

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

function synthesize(): { stack: DsrStack; template: Template } {
  const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const settings = loadSettings({ context: (key) => app.node.tryGetContext(key), env: process.env });
  const stack = new DsrStack(app, 'DsrStack', { env: { region: settings.region }, settings });
  const template = app.synth().getStackByName(stack.stackName).template as Template;
  return { stack, template };
}

function stackFacts(stack: DsrStack, template: Template): StackFacts {
  const idOf = (construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const memoryMb: Record<string, number> = {};
  const mailSenders = new Set<string>();
  const policies = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::IAM::Policy');
  for (const [folder, fn] of stack.deployed()) {
    memoryMb[folder] = Number(template.Resources[idOf(fn)]?.Properties?.MemorySize ?? 128);
    const roleId = fn.role === undefined ? undefined : idOf(fn.role);
    const sends = policies.some(
      (policy) => JSON.stringify(policy.Properties?.Roles ?? []).includes(`"${roleId}"`) && JSON.stringify(policy.Properties?.PolicyDocument).includes('ses:SendEmail'),
    );
    if (sends) mailSenders.add(folder);
  }
  return {
    memoryMb,
    mailSenders,
    resources: Object.values(template.Resources).map((resource) => ({ type: resource.Type, properties: resource.Properties ?? {} })),
  };
}

function volumes(argv: readonly string[]): number[] {
  const index = argv.indexOf('--requests');
  const raw = index >= 0 ? argv[index + 1] : '100,10000';
  const parsed = (raw ?? '').split(',').map(Number);
  if (parsed.length === 0 || parsed.some((value) => !Number.isInteger(value) || value < 0)) {
    process.stderr.write('usage: npm run cost [-- --requests 100,10000]  (requests a month, whole numbers)\n');
    process.exit(2);
  }
  return parsed;
}

const usd = (value: number, digits = 2): string => `$${value.toFixed(digits)}`;

function main(): void {
  const requests = volumes(process.argv.slice(2));
  const { stack, template } = synthesize();
  const facts = stackFacts(stack, template);
  const definition = JSON.parse(readFileSync(RIGHTS_REQUEST_ASL_URL, 'utf8')) as AslMachine;
  const paths = pathCosts(definition, facts);
  const fixed = fixedCosts(facts);
  const lines = [
    `Cost model: AWS list prices for ${PRICE_LIST.region} as of ${PRICE_LIST.asOf} (${PRICE_LIST.currency}, free tiers ignored),`,
    `the synthesized stack (${Object.keys(template.Resources).length} resources, ${stack.deployed().length} functions) and statemachines/rights-request.asl.json.`,
    '',
    'Per request, by path (state transitions from the ASL; invocations include the HTTP calls assumed in infra/cost/cost-model.ts)',
    `  ${'path'.padEnd(24)} ${'share'.padStart(5)} ${'transitions'.padStart(11)} ${'invocations'.padStart(11)} ${'mails'.padStart(5)} ${'per request'.padStart(12)}`,
    ...paths.map(
      (path) =>
        `  ${path.path.padEnd(24)} ${`${Math.round(COST_ASSUMPTIONS.pathMix[path.path] * 100)}%`.padStart(5)} ${String(path.transitions).padStart(11)} ${String(path.invocations).padStart(11)} ${String(path.mails).padStart(5)} ${usd(path.usd, 5).padStart(12)}  ${path.label}`,
    ),
    '',
    'Fixed per month (counted in the template)',
    ...fixed.map((line) => `  ${line.item.padEnd(30)} ${String(line.count).padStart(4)}  ${usd(line.usd).padStart(8)}`),
    '',
    'Per month',
    `  ${'requests'.padStart(8)} ${'variable'.padStart(10)} ${'storage'.padStart(10)} ${'fixed'.padStart(10)} ${'total'.padStart(10)}`,
    ...requests.map((volume) => {
      const month = monthCost(volume, paths, fixed);
      return `  ${String(volume).padStart(8)} ${usd(month.variableUsd).padStart(10)} ${usd(month.storageUsd).padStart(10)} ${usd(month.fixedUsd).padStart(10)} ${usd(month.totalUsd).padStart(10)}`;
    }),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main();
