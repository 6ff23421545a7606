import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionFolder } from '../../infra/constructs/dsr-function.js';
import { allowedActions, roleStatements, statementsFor } from './support/policies.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

const XRAY = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:Query', 'kms:Decrypt', 'kms:DescribeKey'];
const TABLE_CREATE = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:ConditionCheckItem',
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
];
const TABLE_READ_WRITE = [...TABLE_READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem',
  'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
const SES_SEND = ['ses:SendEmail', 'ses:SendRawEmail'];
const START_WORKFLOW = ['states:StartExecution'];

/** What each function's code path needs, and so exactly what its role may do. */
const EXPECTED_ACTIONS: Readonly<Record<FunctionFolder, readonly string[]>> = {
  'web-form': [...XRAY, ...TABLE_READ],
  'create-request': [...XRAY, ...TABLE_CREATE, ...START_WORKFLOW],
  acknowledge: [...XRAY, ...TABLE_READ_WRITE, ...SES_SEND],
  'await-decision': [...XRAY, ...TABLE_READ_WRITE],
  'read-decision': [...XRAY, ...TABLE_READ],
  'send-reply': [...XRAY, ...TABLE_READ_WRITE, ...SES_SEND],
  'close-request': [...XRAY, ...TABLE_READ_WRITE],
  'flag-needs-attention': [...XRAY, ...TABLE_READ_WRITE],
};

/** The environment each function's config schema reads, and nothing else. */
const EXPECTED_ENV: Readonly<Record<FunctionFolder, readonly string[]>> = {
  'web-form': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME'],
  'create-request': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME', 'STATE_MACHINE_ARN'],
  acknowledge: ['LOG_LEVEL', 'REQUESTS_TABLE_NAME', 'SENDER_ADDRESS'],
  'await-decision': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME'],
  'read-decision': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME'],
  'send-reply': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME', 'SENDER_ADDRESS'],
  'close-request': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME'],
  'flag-needs-attention': ['LOG_LEVEL', 'REQUESTS_TABLE_NAME'],
};

const FOLDERS = Object.keys(EXPECTED_ACTIONS) as FunctionFolder[];
const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort();

function functionEnvironment(synth: SynthesizedDsrStack, folder: FunctionFolder): Record<string, unknown> {
  const fn = synth.template.findResources('AWS::Lambda::Function')[synth.functionId(folder)];
  return (fn?.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
}

describe('function permissions', () => {
  let synth: SynthesizedDsrStack;
  let tableArn: unknown;
  let keyArn: unknown;

  beforeAll(() => {
    synth = synthDsrStack();
    const id = (element: unknown): string => synth.stack.getLogicalId(element as CfnElement);
    tableArn = { 'Fn::GetAtt': [id(synth.stack.requests.table.node.defaultChild), 'Arn'] };
    keyArn = { 'Fn::GetAtt': [id(synth.stack.requests.key.node.defaultChild), 'Arn'] };
  }, SYNTH_TIMEOUT_MS);

  it.each(FOLDERS)('grants %s exactly the actions it uses', (folder) => {
    expect(allowedActions(synth.template, synth.roleId(folder))).toEqual(sorted(EXPECTED_ACTIONS[folder]));
  });

  it.each(FOLDERS)('gives %s only the AWS-managed basic execution policy', (folder) => {
    const role = synth.template.findResources('AWS::IAM::Role')[synth.roleId(folder)];
    expect(role?.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] },
    ]);
    expect(role?.Properties.Policies).toBeUndefined();
  });

  it('lets no function scan, delete or batch-write the table', () => {
    for (const folder of FOLDERS) {
      const actions = allowedActions(synth.template, synth.roleId(folder));
      expect(actions.filter((action) => /^dynamodb:(Scan|DeleteItem|BatchWriteItem|PartiQL)/.test(action)), folder).toEqual([]);
    }
  });

  it('lets read-decision and web-form only read', () => {
    for (const folder of ['read-decision', 'web-form'] as const) {
      const actions = allowedActions(synth.template, synth.roleId(folder));
      expect(actions, folder).not.toContain('dynamodb:PutItem');
      expect(actions, folder).not.toContain('dynamodb:UpdateItem');
      expect(actions, folder).not.toContain('kms:Encrypt');
    }
  });

  it('lets only create-request start the workflow, and only this state machine', () => {
    const starters = FOLDERS.filter((folder) => allowedActions(synth.template, synth.roleId(folder)).includes('states:StartExecution'));
    expect(starters).toEqual(['create-request']);
    const machineId = synth.stack.getLogicalId(synth.stack.workflow.stateMachine.node.defaultChild as CfnElement);
    for (const statement of statementsFor(synth.template, synth.roleId('create-request'), 'states:StartExecution')) {
      expect(statement.resources).toEqual([{ Ref: machineId }]);
    }
  });

  it('lets only acknowledge and send-reply send mail', () => {
    const senders = FOLDERS.filter((folder) => allowedActions(synth.template, synth.roleId(folder)).includes('ses:SendEmail'));
    expect(senders).toEqual(['acknowledge', 'send-reply']);
  });

  it.each(['acknowledge', 'send-reply'] as const)(
    'restricts %s to the SES domain identity and the configured From address',
    (folder) => {
      const statements = [...statementsFor(synth.template, synth.roleId(folder), 'ses:SendEmail'),
        ...statementsFor(synth.template, synth.roleId(folder), 'ses:SendRawEmail')];
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.resources).toEqual([
          { 'Fn::Join': ['', ['arn:aws:ses:eu-north-1:', { Ref: 'AWS::AccountId' }, ':identity/obos.no']] },
        ]);
        expect(statement.condition).toEqual({ StringEquals: { 'ses:FromAddress': 'naerkontor@obos.no' } });
      }
    },
  );

  it.each(FOLDERS)('scopes the table actions of %s to the table and the key use to DynamoDB', (folder) => {
    for (const statement of roleStatements(synth.template, synth.roleId(folder))) {
      if (statement.actions.some((action) => action.startsWith('dynamodb:'))) {
        expect(statement.resources).toEqual([tableArn]);
      }
      if (statement.actions.some((action) => action.startsWith('kms:'))) {
        expect(statement.resources).toEqual([keyArn]);
        expect(statement.condition).toEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-north-1.amazonaws.com' } });
      }
    }
  });

  it.each(FOLDERS)('uses a wildcard resource in %s only for X-Ray', (folder) => {
    for (const statement of roleStatements(synth.template, synth.roleId(folder))) {
      if (statement.resources.includes('*')) {
        expect(statement.actions.every((action) => action.startsWith('xray:'))).toBe(true);
      }
    }
  });

  it.each(FOLDERS)('sets in %s exactly the environment its bindings provide', (folder) => {
    const env = functionEnvironment(synth, folder);
    expect(Object.keys(env).filter((name) => name !== 'NODE_OPTIONS').sort()).toEqual(sorted(EXPECTED_ENV[folder]));
    expect(env.LOG_LEVEL).toBe('info');
  });
});

describe('function permissions with custom mail settings', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack({
      senderAddress: 'personvern@naerkontor.obos.no',
      sesIdentityDomain: 'naerkontor.obos.no',
      publicBaseUrl: 'https://personvern.obos.no/',
      logLevel: 'debug',
    });
  }, SYNTH_TIMEOUT_MS);

  it('follows the sender and identity settings in the SES statement', () => {
    for (const statement of statementsFor(synth.template, synth.roleId('send-reply'), 'ses:SendEmail')) {
      expect(statement.resources).toEqual([
        { 'Fn::Join': ['', ['arn:aws:ses:eu-north-1:', { Ref: 'AWS::AccountId' }, ':identity/naerkontor.obos.no']] },
      ]);
      expect(statement.condition).toEqual({ StringEquals: { 'ses:FromAddress': 'personvern@naerkontor.obos.no' } });
    }
  });

  it('gives PUBLIC_BASE_URL only to the functions that send mail', () => {
    const withUrl = FOLDERS.filter((folder) => 'PUBLIC_BASE_URL' in functionEnvironment(synth, folder));
    expect(withUrl).toEqual(['acknowledge', 'send-reply']);
    expect(functionEnvironment(synth, 'acknowledge')).toMatchObject({
      PUBLIC_BASE_URL: 'https://personvern.obos.no',
      SENDER_ADDRESS: 'personvern@naerkontor.obos.no',
      LOG_LEVEL: 'debug',
    });
  });
});
