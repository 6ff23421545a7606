import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlerModule } from '../../infra/function-entry-points.js';
import { HTTP_ROUTES } from '../../functions/http/routes.js';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import { handlerEntry } from '../../infra/constructs/dsr-function.js';
import { DEFAULT_TIMEOUT_SECONDS, FUNCTION_TIMEOUT_SECONDS, functionTimeoutSeconds } from '../../infra/function-timeouts.js';
import {
  FUNCTION_DEFINITIONS,
  type FunctionDefinition,
  UnknownFunctionFolderError,
  deployedFolders,
} from '../../infra/stacks/dsr-functions.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

/** The highest `NODEJS_<n>_X` this aws-cdk-lib defines, found by reading `lambda.Runtime`. */
function newestNodeRuntime(): string {
  const versions = Object.getOwnPropertyNames(lambda.Runtime)
    .map((name) => /^NODEJS_(\d+)_X$/.exec(name)?.[1])
    .filter((major): major is string => major !== undefined)
    .map(Number);
  return `nodejs${Math.max(...versions)}.x`;
}

const FOLDERS = deployedFolders();
const definition = (folder: (typeof FOLDERS)[number]): FunctionDefinition => FUNCTION_DEFINITIONS[folder];

describe('which functions are deployed', () => {
  it('deploys every folder a route, a workflow substitution, a schedule (an EventBridge rule or its own) or the SES events use, and no other', () => {
    const scheduled = FOLDERS.filter((folder) => definition(folder).schedule !== undefined || definition(folder).ownSchedule === true);
    expect(scheduled).toContain('watch-deadlines');
    const mailEvents = FOLDERS.filter((folder) => definition(folder).mailEvents === true);
    expect(mailEvents).toEqual(['mail-events']);
    expect(new Set(FOLDERS)).toEqual(
      new Set([...HTTP_ROUTES.map((route) => route.function), ...Object.values(WORKFLOW_FUNCTIONS), ...scheduled, ...mailEvents]),
    );
  });

  it('fails with the folder’s name when a substitution maps to a folder without a definition', () => {
    expect(() => deployedFolders(HTTP_ROUTES, { ...WORKFLOW_FUNCTIONS, ExportToPrinterFunctionArn: 'export-to-printer' })).toThrowError(
      UnknownFunctionFolderError,
    );
    expect(() => deployedFolders([{ function: 'fax-page' }], {})).toThrowError(/"fax-page".*FUNCTION_DEFINITIONS/);
  });

  it('deploys a folder once however many routes and substitutions name it', () => {
    expect(deployedFolders([{ function: 'web-form' }, { function: 'web-form' }], { A: 'web-form' })).toEqual(
      expect.arrayContaining(['web-form']),
    );
    expect(deployedFolders([{ function: 'web-form' }], { A: 'web-form' }).filter((folder) => folder === 'web-form')).toHaveLength(1);
  });
});

describe('functions', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack();
  }, SYNTH_TIMEOUT_MS);

  it('deploys one Lambda function per deployed folder', () => {
    synth.template.resourceCountIs('AWS::Lambda::Function', FOLDERS.length);
    expect(Object.keys(synth.stack.functions).sort()).toEqual([...FOLDERS].sort());
  });

  it.each(FOLDERS)('runs %s on arm64 with the newest Node.js runtime and its memory size', (folder) => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
    expect(fn?.Properties).toMatchObject({
      Runtime: newestNodeRuntime(),
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      MemorySize: definition(folder).memorySize ?? 512,
    });
  });

  it.each(FOLDERS)('logs %s to its own log group with the configured retention', (folder) => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
    const logGroupRef = fn?.Properties.LoggingConfig?.LogGroup as { Ref: string };
    const logGroup = synth.template.findResources('AWS::Logs::LogGroup')[logGroupRef.Ref];
    expect(logGroup?.Properties).toMatchObject({ RetentionInDays: 90 });
  });

  it('answers HTTP within API Gateway’s limit', () => {
    for (const folder of new Set(HTTP_ROUTES.map((route) => route.function))) {
      const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
      expect(fn?.Properties.Timeout, folder).toBeLessThan(30);
    }
  });

  it('gives the bulk steps up to five minutes and more memory', () => {
    for (const folder of ['gather-subscriptions', 'gather-billing', 'gather-access-log', 'carry-out'] as const) {
      expect(functionTimeoutSeconds(folder), folder).toBe(300);
      expect(definition(folder).memorySize, folder).toBeGreaterThan(512);
    }
  });

  it.each(FOLDERS)('deploys %s with the timeout of the shared table the local runtime reads', (folder) => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
    expect(fn?.Properties.Timeout).toBe(functionTimeoutSeconds(folder));
  });

  it('deploys the functions the table leaves out with the default timeout', () => {
    const unnamed = FOLDERS.filter((folder) => !Object.hasOwn(FUNCTION_TIMEOUT_SECONDS, folder));
    expect(unnamed).toContain('send-reply');
    for (const folder of unnamed) {
      const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
      expect(fn?.Properties.Timeout, folder).toBe(DEFAULT_TIMEOUT_SECONDS);
    }
  });

  it('names only folders the stack knows in the timeout table, each within Lambda’s 15-minute limit', () => {
    for (const [folder, seconds] of Object.entries(FUNCTION_TIMEOUT_SECONDS)) {
      expect(Object.hasOwn(FUNCTION_DEFINITIONS, folder), folder).toBe(true);
      expect(seconds, folder).toBeGreaterThan(0);
      expect(seconds, folder).toBeLessThanOrEqual(900);
    }
  });

  it.each(FOLDERS)('builds %s from its handler.ts, located from the module rather than the CWD', (folder) => {
    const entry = handlerEntry(folder);
    expect(isAbsolute(entry)).toBe(true);
    expect(entry).toBe(fileURLToPath(new URL(`../../${handlerModule(folder)}`, import.meta.url)));
    expect(existsSync(entry)).toBe(true);
  });
});
