import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlerEntry, type FunctionFolder } from '../../infra/constructs/dsr-function.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

/** The highest `NODEJS_<n>_X` this aws-cdk-lib defines, found by reading `lambda.Runtime`. */
function newestNodeRuntime(): string {
  const versions = Object.getOwnPropertyNames(lambda.Runtime)
    .map((name) => /^NODEJS_(\d+)_X$/.exec(name)?.[1])
    .filter((major): major is string => major !== undefined)
    .map(Number);
  return `nodejs${Math.max(...versions)}.x`;
}

const FOLDERS: readonly FunctionFolder[] = [
  'web-form',
  'create-request',
  'acknowledge',
  'await-decision',
  'read-decision',
  'send-reply',
  'close-request',
  'flag-needs-attention',
];

describe('functions', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack();
  }, SYNTH_TIMEOUT_MS);

  it('deploys one function per handler folder and no others', () => {
    synth.template.resourceCountIs('AWS::Lambda::Function', FOLDERS.length);
    expect(Object.keys(synth.stack.functions).sort()).toEqual([...FOLDERS].sort());
  });

  it.each(FOLDERS)('runs %s on arm64 with the newest Node.js runtime', (folder) => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
    expect(fn?.Properties).toMatchObject({
      Runtime: newestNodeRuntime(),
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      MemorySize: 512,
    });
  });

  it.each(FOLDERS)('logs %s to its own log group with the configured retention', (folder) => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
    const logGroupRef = fn?.Properties.LoggingConfig?.LogGroup as { Ref: string };
    const logGroup = synth.template.findResources('AWS::Logs::LogGroup')[logGroupRef.Ref];
    expect(logGroup?.Properties).toMatchObject({ RetentionInDays: 90 });
  });

  it('answers HTTP within API Gateway’s limit', () => {
    for (const folder of ['web-form', 'create-request'] as const) {
      const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
      expect(fn?.Properties.Timeout, folder).toBeLessThan(30);
    }
  });

  it.each(FOLDERS)('builds %s from its handler.ts, located from the module rather than the CWD', (folder) => {
    const entry = handlerEntry(folder);
    expect(isAbsolute(entry)).toBe(true);
    expect(entry).toBe(fileURLToPath(new URL(`../../functions/${folder}/handler.ts`, import.meta.url)));
    expect(existsSync(entry)).toBe(true);
  });
});
