import { beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS_TABLE_LAYOUT } from '../../functions/adapters/dynamodb/requests-table-layout.js';
import { WORKFLOW_FUNCTIONS } from '../../functions/workflow-steps/workflow-functions.js';
import { FUNCTION_DEFINITIONS, deployedFolders, type FunctionFolder } from '../../infra/stacks/dsr-functions.js';
import {
  EXPECTED_ENV,
  EXPECTED_GRANTS,
  EXPECTED_LIST_PREFIXES,
  INBOX_READ_ENV,
  INBOX_READ_GRANTS,
  MAIL_EVENTS_FAILURE_GRANTS,
  mergeGrants,
  STAFF_SIGN_IN_ENV,
  namedGrants,
  resourceNames,
  sortedGrants,
  withoutCustomerDataKey,
} from './support/expected-grants.js';
import { allowedActions, roleStatements, statementsFor } from './support/policies.js';
import {
  CATALOGUE_FOLDERS,
  CATALOGUE_STATE_MACHINE_ARN,
  synthFunctionCatalogue,
  type SynthesizedCatalogue,
} from './support/synth-function-catalogue.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';
import type { Template } from 'aws-cdk-lib/assertions';

const BASIC_EXECUTION_ROLE = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']],
};

function functionEnvironment(template: Template, functionId: string): Record<string, unknown> {
  const fn = template.findResources('AWS::Lambda::Function')[functionId];
  return (fn?.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
}

/** The service each key may be used through by a function. */
const KEY_SERVICE: Readonly<Record<string, string>> = {
  'requests-key': 'dynamodb',
  'customer-data-key': 'dynamodb',
  'bucket-key': 's3',
  'inbound-key': 's3',
};

const holders = (synth: SynthesizedCatalogue, action: string): FunctionFolder[] =>
  CATALOGUE_FOLDERS.filter((folder) => allowedActions(synth.template, synth.roleId(folder)).includes(action));

describe('function definitions', () => {
  it('has grants and environment expectations for every definition, and no others', () => {
    expect(Object.keys(EXPECTED_GRANTS).sort()).toEqual([...CATALOGUE_FOLDERS].sort());
    expect(Object.keys(EXPECTED_ENV).sort()).toEqual([...CATALOGUE_FOLDERS].sort());
  });
});

describe('function permissions, for every function definition', () => {
  let synth: SynthesizedCatalogue;
  let names: ReadonlyMap<string, string>;

  beforeAll(() => {
    synth = synthFunctionCatalogue();
    names = resourceNames({ stack: synth.stack, resources: synth.resources, stateMachineArn: CATALOGUE_STATE_MACHINE_ARN });
  }, SYNTH_TIMEOUT_MS);

  it.each(CATALOGUE_FOLDERS)('grants %s exactly the actions it uses, on exactly the resources it uses', (folder) => {
    expect(namedGrants(synth.template, synth.roleId(folder), names)).toEqual(
      sortedGrants(mergeGrants(EXPECTED_GRANTS[folder], INBOX_READ_GRANTS[folder] ?? {})),
    );
  });

  it.each(CATALOGUE_FOLDERS)('gives %s only the AWS-managed basic execution policy', (folder) => {
    const role = synth.template.findResources('AWS::IAM::Role')[synth.roleId(folder)];
    expect(role?.Properties.ManagedPolicyArns).toEqual([BASIC_EXECUTION_ROLE]);
    expect(role?.Properties.Policies).toBeUndefined();
  });

  it('lets no function scan a table or use PartiQL (the register reads an index)', () => {
    for (const folder of CATALOGUE_FOLDERS) {
      const actions = allowedActions(synth.template, synth.roleId(folder));
      expect(actions.filter((action) => /^dynamodb:(Scan|PartiQL)/.test(action)), folder).toEqual([]);
    }
  });

  it('lets only carry-out delete or batch-write customer data, and only the console\'s mail desk delete (triage list entries)', () => {
    expect(holders(synth, 'dynamodb:DeleteItem').sort()).toEqual(['carry-out', 'console-mail']);
    expect(holders(synth, 'dynamodb:BatchWriteItem')).toEqual(['carry-out']);
  });

  it('lets only purge-exports delete exports, and only close-request and the console\'s case actions (closing a case) delete gathered request data', () => {
    expect(holders(synth, 's3:DeleteObject').sort()).toEqual(['close-request', 'console-case-actions', 'purge-exports']);
    const resources = (folder: 'purge-exports' | 'close-request' | 'console-case-actions') =>
      statementsFor(synth.template, synth.roleId(folder), 's3:DeleteObject')
        .flatMap((statement) => statement.resources)
        .map((resource) => names.get(JSON.stringify(resource)));
    expect(resources('purge-exports')).toEqual(['bucket/exports/*']);
    expect(resources('close-request')).toEqual(['bucket/requests/*']);
    expect(resources('console-case-actions')).toEqual(['bucket/requests/*']);
  });

  it('lets only verify-page, staff-api and the console answer a waiting task, and only staff-api and the console fail one', () => {
    expect(holders(synth, 'states:SendTaskSuccess')).toEqual(['verify-page', 'staff-api', 'console-case-actions']);
    expect(holders(synth, 'states:SendTaskFailure')).toEqual(['staff-api', 'console-case-actions']);
  });

  it('lets only the intake, the console\'s queue and case actions and the deadline watch read many requests at once, and only the console queue read the register index', () => {
    expect(holders(synth, 'dynamodb:BatchGetItem').sort()).toEqual(['console-case-actions', 'console-queue', 'email-intake', 'watch-deadlines']);
    const indexReaders = (index: string) =>
      CATALOGUE_FOLDERS.filter((folder) => namedGrants(synth.template, synth.roleId(folder), names)[`requests/index/${index}`] !== undefined);
    expect(indexReaders(REQUESTS_TABLE_LAYOUT.allRequestsIndex.name)).toEqual(['console-queue']);
    expect(indexReaders(REQUESTS_TABLE_LAYOUT.queueIndex.name)).toEqual(['console-queue']);
    expect(indexReaders(REQUESTS_TABLE_LAYOUT.openRequestsIndex.name).sort()).toEqual(['console-queue', 'watch-deadlines']);
  });

  it('grants nothing on the state machine to a function the workflow calls', () => {
    const called = new Set<string>(Object.values(WORKFLOW_FUNCTIONS));
    for (const folder of CATALOGUE_FOLDERS) {
      if (!called.has(folder)) continue;
      const states = allowedActions(synth.template, synth.roleId(folder)).filter((action) => action.startsWith('states:'));
      expect(states, folder).toEqual([]);
      expect(FUNCTION_DEFINITIONS[folder]).not.toHaveProperty('bindWorkflow');
    }
  });

  it.each(CATALOGUE_FOLDERS)('uses the table and bucket keys of %s only through DynamoDB and S3', (folder) => {
    for (const statement of roleStatements(synth.template, synth.roleId(folder))) {
      if (!statement.actions.some((action) => action.startsWith('kms:'))) continue;
      const services = new Set(statement.resources.map((value) => KEY_SERVICE[names.get(JSON.stringify(value)) ?? '']));
      expect(services.size, folder).toBe(1);
      const [service] = [...services];
      expect(service, folder).toBeDefined();
      expect(statement.condition, folder).toEqual({ StringEquals: { 'kms:ViaService': `${service}.eu-north-1.amazonaws.com` } });
    }
  });

  it.each(CATALOGUE_FOLDERS)('lets %s list the bucket only under the prefixes it is granted', (folder) => {
    const statements = statementsFor(synth.template, synth.roleId(folder), 's3:ListBucket');
    const prefixes = statements.flatMap((statement) => {
      const condition = statement.condition as { StringLike?: { 's3:prefix'?: string | string[] } } | undefined;
      const prefix = condition?.StringLike?.['s3:prefix'];
      expect(prefix, `${folder} lists without a prefix condition`).toBeDefined();
      return Array.isArray(prefix) ? prefix : [prefix as string];
    });
    expect(prefixes.sort()).toEqual([...(EXPECTED_LIST_PREFIXES[folder] ?? [])].sort());
  });

  it('lets only create-request, email-intake and the console\'s mail desk (staff-registered cases) start the workflow', () => {
    expect(holders(synth, 'states:StartExecution').sort()).toEqual(['console-mail', 'create-request', 'email-intake']);
  });

  it('lets only email-intake and the console\'s case and mail functions read received mail, and only objects under the inbound prefix', () => {
    const inboundGrants = (folder: FunctionFolder) =>
      Object.fromEntries(
        Object.entries(namedGrants(synth.template, synth.roleId(folder), names)).filter(([resource]) => resource.startsWith('inbound-')),
      );
    const readers = CATALOGUE_FOLDERS.filter((folder) => Object.keys(inboundGrants(folder)).length > 0);
    expect([...readers].sort()).toEqual(['console-case', 'console-mail', 'email-intake']);
    for (const folder of readers) {
      expect(inboundGrants(folder), folder).toEqual({ 'inbound-bucket/inbound/*': ['s3:GetObject'], 'inbound-key': ['kms:Decrypt'] });
    }
  });

  it('lets email-intake send mail (the triage acknowledgement) only as our From address, naming the configuration set', () => {
    expect(functionEnvironment(synth.template, synth.functionId('email-intake'))).toMatchObject({
      SENDER_ADDRESS: 'naerkontor@obos.no',
      INBOUND_MAIL_PREFIX: 'inbound/',
      SES_CONFIGURATION_SET: expect.any(String),
    });
    expect(allowedActions(synth.template, synth.roleId('email-intake')).filter((action) => action.startsWith('ses:')).sort()).toEqual([
      'ses:SendEmail',
      'ses:SendRawEmail',
    ]);
  });

  it('restricts every mail sender to the SES domain identity and the configured From address', () => {
    const senders = holders(synth, 'ses:SendEmail');
    expect(senders.length).toBeGreaterThan(0);
    for (const folder of senders) {
      const statements = [
        ...statementsFor(synth.template, synth.roleId(folder), 'ses:SendEmail'),
        ...statementsFor(synth.template, synth.roleId(folder), 'ses:SendRawEmail'),
      ];
      for (const statement of statements) {
        expect(statement.resources, folder).toEqual([
          { 'Fn::Join': ['', ['arn:aws:ses:eu-north-1:', { Ref: 'AWS::AccountId' }, ':configuration-set/obos-naerkontor-dsr-dev']] },
          { 'Fn::Join': ['', ['arn:aws:ses:eu-north-1:', { Ref: 'AWS::AccountId' }, ':identity/obos.no']] },
        ]);
        expect(statement.condition, folder).toEqual({ StringEquals: { 'ses:FromAddress': 'naerkontor@obos.no' } });
      }
    }
  });

  it.each(CATALOGUE_FOLDERS)('uses a wildcard resource in %s only for X-Ray', (folder) => {
    for (const statement of roleStatements(synth.template, synth.roleId(folder))) {
      if (statement.resources.includes('*')) {
        expect(statement.actions.every((action) => action.startsWith('xray:'))).toBe(true);
      }
    }
  });

  it.each(CATALOGUE_FOLDERS)('sets in %s exactly the environment its bindings provide', (folder) => {
    const env = functionEnvironment(synth.template, synth.functionId(folder));
    expect(Object.keys(env).filter((name) => name !== 'NODE_OPTIONS').sort()).toEqual(
      ['LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', ...EXPECTED_ENV[folder], ...(INBOX_READ_ENV[folder] ?? [])].sort(),
    );
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.POWERTOOLS_SERVICE_NAME).toBe(folder);
  });

  it('leaves REQUEST_DATA_BUCKET_SSE unset, so uploads get the bucket key rather than aws/s3', () => {
    for (const folder of CATALOGUE_FOLDERS) {
      expect(functionEnvironment(synth.template, synth.functionId(folder)), folder).not.toHaveProperty('REQUEST_DATA_BUCKET_SSE');
    }
  });

  it('tells the function that writes export packages the download window', () => {
    expect(functionEnvironment(synth.template, synth.functionId('carry-out')).EXPORT_DOWNLOAD_DAYS).toBe('14');
  });

  it('tells the deadline watch the default staff mailbox for its digest', () => {
    expect(functionEnvironment(synth.template, synth.functionId('watch-deadlines')).STAFF_DIGEST_ADDRESS).toBe('personvern@obos.no');
  });

  it('gives notify-recipients an empty recipient map by default', () => {
    expect(functionEnvironment(synth.template, synth.functionId('notify-recipients')).RECIPIENT_ADDRESSES).toBe('{}');
  });
});

describe('function permissions with existing customer-data tables', () => {
  const TABLES = { customersTableName: 'legacy-customers', billingTableName: 'legacy-billing', accessLogTableName: 'legacy-door-events' };
  let synth: SynthesizedCatalogue;
  let names: ReadonlyMap<string, string>;

  beforeAll(() => {
    synth = synthFunctionCatalogue(TABLES);
    names = resourceNames({ stack: synth.stack, resources: synth.resources, stateMachineArn: CATALOGUE_STATE_MACHINE_ARN });
  }, SYNTH_TIMEOUT_MS);

  it('creates neither tables nor their key beyond the requests table', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    expect(synth.resources.customerData.key).toBeUndefined();
  });

  it.each(CATALOGUE_FOLDERS)('grants %s the same actions on the named tables', (folder) => {
    expect(namedGrants(synth.template, synth.roleId(folder), names)).toEqual(
      sortedGrants(withoutCustomerDataKey(mergeGrants(EXPECTED_GRANTS[folder], INBOX_READ_GRANTS[folder] ?? {}))),
    );
  });

  it('grants on the given names and their GSIs', () => {
    const resources = JSON.stringify(
      roleStatements(synth.template, synth.roleId('start-verification')).flatMap((statement) => statement.resources),
    );
    expect(resources).toContain(':table/legacy-customers"');
    expect(resources).toContain(':table/legacy-customers/index/customers-by-email"');
    expect(resources).toContain(':table/legacy-customers/index/customers-by-phone"');
    const carryOut = JSON.stringify(roleStatements(synth.template, synth.roleId('carry-out')).flatMap((statement) => statement.resources));
    expect(carryOut).toContain(':table/legacy-billing"');
    expect(carryOut).toContain(':table/legacy-door-events"');
  });

  it('tells the functions the given names', () => {
    expect(functionEnvironment(synth.template, synth.functionId('carry-out'))).toMatchObject({
      CUSTOMERS_TABLE_NAME: 'legacy-customers',
      BILLING_TABLE_NAME: 'legacy-billing',
      ACCESS_LOG_TABLE_NAME: 'legacy-door-events',
    });
  });

  it('uses the existing tables’ key through DynamoDB when one is given', () => {
    const keyArn = 'arn:aws:kms:eu-north-1:111111111111:key/0b9ad4a2-1111-2222-3333-444455556666';
    const withKey = synthFunctionCatalogue({ ...TABLES, customerDataKeyArn: keyArn });
    const statements = statementsFor(withKey.template, withKey.roleId('gather-billing'), 'kms:Decrypt').filter((statement) =>
      statement.resources.includes(keyArn),
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]?.condition).toEqual({ StringEquals: { 'kms:ViaService': 'dynamodb.eu-north-1.amazonaws.com' } });
    const onKey = roleStatements(withKey.template, withKey.roleId('gather-billing'))
      .filter((statement) => statement.resources.includes(keyArn))
      .flatMap((statement) => statement.actions);
    expect(onKey.sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
  }, SYNTH_TIMEOUT_MS);
});

describe('function permissions with custom mail and recipient settings', () => {
  let synth: SynthesizedCatalogue;

  beforeAll(() => {
    synth = synthFunctionCatalogue({
      senderAddress: 'personvern@naerkontor.obos.no',
      sesIdentityDomain: 'naerkontor.obos.no',
      publicBaseUrl: 'https://personvern.obos.no/',
      logLevel: 'debug',
      exportDownloadDays: '30',
      recipientAddresses: '{"unloc":"privacy@unloc.app"}',
      staffDigestAddress: 'Personvernombud@naerkontor.obos.no',
    });
  }, SYNTH_TIMEOUT_MS);

  it('follows the sender and identity settings in the SES statement', () => {
    for (const statement of statementsFor(synth.template, synth.roleId('send-reply'), 'ses:SendEmail')) {
      expect(statement.resources).toEqual([
        { 'Fn::Join': ['', ['arn:aws:ses:eu-north-1:', { Ref: 'AWS::AccountId' }, ':configuration-set/obos-naerkontor-dsr-dev']] },
        { 'Fn::Join': ['', ['arn:aws:ses:eu-north-1:', { Ref: 'AWS::AccountId' }, ':identity/naerkontor.obos.no']] },
      ]);
      expect(statement.condition).toEqual({ StringEquals: { 'ses:FromAddress': 'personvern@naerkontor.obos.no' } });
    }
  });

  it('gives PUBLIC_BASE_URL only to the functions that send mail', () => {
    const withUrl = CATALOGUE_FOLDERS.filter((folder) => 'PUBLIC_BASE_URL' in functionEnvironment(synth.template, synth.functionId(folder)));
    expect(withUrl).toEqual(holders(synth, 'ses:SendEmail'));
    expect(functionEnvironment(synth.template, synth.functionId('acknowledge'))).toMatchObject({
      PUBLIC_BASE_URL: 'https://personvern.obos.no',
      SENDER_ADDRESS: 'personvern@naerkontor.obos.no',
      LOG_LEVEL: 'debug',
    });
  });

  it('passes the recipients and the download window on', () => {
    expect(JSON.parse(functionEnvironment(synth.template, synth.functionId('notify-recipients')).RECIPIENT_ADDRESSES as string)).toEqual({
      unloc: 'privacy@unloc.app',
    });
    expect(functionEnvironment(synth.template, synth.functionId('carry-out')).EXPORT_DOWNLOAD_DAYS).toBe('30');
  });

  it('sends the deadline digest to the configured staff mailbox', () => {
    expect(functionEnvironment(synth.template, synth.functionId('watch-deadlines')).STAFF_DIGEST_ADDRESS).toBe(
      'personvernombud@naerkontor.obos.no',
    );
  });
});

describe('function permissions in the deployed stack', () => {
  let synth: SynthesizedDsrStack;
  let names: ReadonlyMap<string, string>;
  const folders = deployedFolders();

  beforeAll(() => {
    synth = synthDsrStack();
    const { stack } = synth;
    names = resourceNames({
      stack,
      resources: {
        requests: stack.requests,
        customerData: stack.customerData,
        requestData: stack.requestData,
        mail: { senderAddress: 'naerkontor@obos.no', sesIdentityDomain: 'obos.no', configurationSetName: 'obos-naerkontor-dsr-dev' },
        recipientAddresses: {},
        staffDigestAddress: 'personvern@obos.no',
        suppressionSecret: stack.suppressionSecret,
      },
      stateMachineArn: stack.workflow.stateMachine.stateMachineArn,
      failedMailEventsArn: stack.mailSending.failedEvents.queueArn,
    });
  }, SYNTH_TIMEOUT_MS);

  it.each(folders)('grants the deployed %s exactly what its definition grants', (folder) => {
    // The stack adds one grant beyond the definitions: mail-events may put a failed event in its queue.
    const expected = folder === 'mail-events' ? mergeGrants(EXPECTED_GRANTS[folder], MAIL_EVENTS_FAILURE_GRANTS) : EXPECTED_GRANTS[folder];
    expect(namedGrants(synth.template, synth.roleId(folder), names)).toEqual(sortedGrants(expected));
  });

  it.each(folders)('sets in the deployed %s exactly the environment its bindings provide', (folder) => {
    const env = functionEnvironment(synth.template, synth.functionId(folder));
    expect(Object.keys(env).filter((name) => name !== 'NODE_OPTIONS').sort()).toEqual(
      ['LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', ...EXPECTED_ENV[folder], ...(STAFF_SIGN_IN_ENV[folder] ?? [])].sort(),
    );
  });

  it('lets only create-request and the console\'s mail desk (staff-registered cases) start the workflow, and only this state machine', () => {
    const starters = folders.filter((folder) => allowedActions(synth.template, synth.roleId(folder)).includes('states:StartExecution'));
    expect([...starters].sort()).toEqual(['console-mail', 'create-request']);
  });

  it('grants nothing on the state machine to any function it calls', () => {
    const machineId = synth.logicalId(synth.stack.workflow.stateMachine);
    for (const folder of new Set(Object.values(WORKFLOW_FUNCTIONS))) {
      const resources = JSON.stringify(roleStatements(synth.template, synth.roleId(folder)).flatMap((statement) => statement.resources));
      expect(resources, folder).not.toContain(machineId);
    }
  });
});
