import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { CustomerDataTables } from '../../../infra/constructs/customer-data-tables.js';
import { type DsrFunction, handlerEntry } from '../../../infra/constructs/dsr-function.js';
import { InboundMailBucket } from '../../../infra/constructs/inbound-mail-bucket.js';
import { RequestDataBucket } from '../../../infra/constructs/request-data-bucket.js';
import { RequestsTable } from '../../../infra/constructs/requests-table.js';
import {
  FUNCTION_DEFINITIONS,
  bindToWorkflow,
  createDsrFunction,
  type FunctionFolder,
  type FunctionResources,
} from '../../../infra/stacks/dsr-functions.js';
import { resourcePrefix } from '../../../infra/settings.js';
import { appWithoutBundling, testSettings, type TestSettings } from './synth-dsr-stack.js';

/** Every folder the stack knows how to deploy, whether or not a route or substitution uses it yet. */
export const CATALOGUE_FOLDERS = Object.keys(FUNCTION_DEFINITIONS) as FunctionFolder[];

/** The workflow's ARN in {@link synthFunctionCatalogue}: an imported state machine. */
export const CATALOGUE_STATE_MACHINE_ARN = 'arn:aws:states:eu-north-1:111111111111:stateMachine:rights-request';

const STUB_HANDLER = fileURLToPath(new URL('./stub-handler.ts', import.meta.url));

/** A stack with every function definition bound to the same kinds of resources as in the stack. */
export interface SynthesizedCatalogue {
  readonly stack: Stack;
  readonly template: Template;
  readonly resources: FunctionResources;
  readonly functions: Readonly<Record<FunctionFolder, DsrFunction>>;
  logicalId(construct: { readonly node: { readonly defaultChild?: unknown } }): string;
  functionId(folder: FunctionFolder): string;
  roleId(folder: FunctionFolder): string;
}

/**
 * Creates the function of EVERY folder in `FUNCTION_DEFINITIONS` exactly as the stack would (same
 * definitions, same bind calls) next to a requests table, the customer-data tables, the bucket and
 * the inbound-mail bucket,
 * so each function's grants can be asserted before `HTTP_ROUTES` or `WORKFLOW_FUNCTIONS` deploy it.
 * Folders whose handler is not written yet are built from a stand-in module (bundling is off).
 * Workflow bindings use an imported state machine; functions the workflow calls get none, as in
 * the stack.
 */
export function synthFunctionCatalogue(
  settings: TestSettings = {},
  workflowFolders: ReadonlySet<string> = new Set(),
): SynthesizedCatalogue {
  const app = appWithoutBundling();
  const parsed = testSettings(settings);
  const stack = new Stack(app, 'Catalogue', { env: { region: parsed.region } });
  const resources: FunctionResources = {
    requests: new RequestsTable(stack, 'Requests'),
    customerData: new CustomerDataTables(stack, 'CustomerData', {
      existingTableNames: {
        customers: parsed.customersTableName,
        billing: parsed.billingTableName,
        accessLog: parsed.accessLogTableName,
      },
      existingKeyArn: parsed.customerDataKeyArn,
    }),
    requestData: new RequestDataBucket(stack, 'RequestData', { exportDownloadDays: parsed.exportDownloadDays }),
    suppressionSecret: new Secret(stack, 'SuppressionKey'),
    mail: {
      senderAddress: parsed.senderAddress,
      sesIdentityDomain: parsed.sesIdentityDomain,
      publicBaseUrl: parsed.publicBaseUrl,
      configurationSetName: resourcePrefix(parsed.stage),
      mailFromDomain: parsed.mailFromDomain,
    },
    recipientAddresses: parsed.recipientAddresses,
    recipientDirectory: parsed.recipientDirectory,
    staffDigestAddress: parsed.staffDigestAddress,
    // Created whatever the inbox setting, so the inbox's functions are in the catalogue too.
    inboundMail: new InboundMailBucket(stack, 'InboundMail'),
  };
  const stateMachine = sfn.StateMachine.fromStateMachineArn(stack, 'Workflow', CATALOGUE_STATE_MACHINE_ARN);
  const functions = {} as Record<FunctionFolder, DsrFunction>;
  for (const folder of CATALOGUE_FOLDERS) {
    const fn = createDsrFunction(stack, folder, resources, {
      logRetention: parsed.logRetentionDays,
      logLevel: parsed.logLevel,
      entry: (name) => (existsSync(handlerEntry(name)) ? undefined : STUB_HANDLER),
    });
    bindToWorkflow(folder, fn, stateMachine, workflowFolders.has(folder));
    functions[folder] = fn;
  }
  const template = Template.fromStack(stack);
  const logicalId = (construct: { readonly node: { readonly defaultChild?: unknown } }): string =>
    stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const roleId = (folder: FunctionFolder): string => {
    const role = functions[folder].role;
    if (!role) throw new Error(`function ${folder} has no role`);
    return logicalId(role);
  };
  return { stack, template, resources, functions, logicalId, functionId: (folder) => logicalId(functions[folder]), roleId };
}
