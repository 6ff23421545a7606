import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { installedVersion, locallyBuiltLayer } from './locally-built-layer.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What the functions take from the DynamoDB packages of the AWS SDK, by package: the layer's
 * packages export exactly these. `test/infra/dynamodb-sdk-layer.test.ts` fails when `functions/`
 * imports a value from these packages that is not listed here.
 */
export const DYNAMODB_SDK_EXPORTS = {
  '@aws-sdk/client-dynamodb': ['DynamoDBClient', 'ConditionalCheckFailedException', 'TransactionCanceledException'],
  '@aws-sdk/lib-dynamodb': [
    'DynamoDBDocumentClient',
    'BatchGetCommand',
    'BatchWriteCommand',
    'DeleteCommand',
    'GetCommand',
    'PutCommand',
    'QueryCommand',
    'TransactWriteCommand',
    'UpdateCommand',
    'paginateQuery',
  ],
  '@aws-sdk/util-dynamodb': ['unmarshall'],
} as const satisfies Record<string, readonly string[]>;

export type DynamoDbSdkPackage = keyof typeof DYNAMODB_SDK_EXPORTS;

/**
 * The credential providers the default chain imports only when the environment holds no
 * credentials. On Lambda it always does (the role's keys), so they stay out of the layer's file
 * (12 ms less to evaluate at every cold start) and, should they ever be needed, `require` finds the
 * runtime's own through NODE_PATH.
 */
const LAZY_CREDENTIAL_PROVIDERS = [
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/nested-clients',
  '@smithy/credential-provider-imds',
];

/** The one file that holds the client; each package's `index.js` hands out its own names from it. */
const SHARED_FILE = 'dynamodb-sdk.js';

/** Where {@link buildDynamoDbSdk} writes that file in `nodeModules`. */
export const dynamoDbSdkFile = (nodeModules: string): string => join(nodeModules, '@aws-sdk', 'client-dynamodb', SHARED_FILE);

/**
 * Writes the DynamoDB client as one minified CommonJS file into `nodeModules/@aws-sdk/client-dynamodb/`,
 * with `@aws-sdk/client-dynamodb`, `@aws-sdk/lib-dynamodb` and `@aws-sdk/util-dynamodb` as packages
 * that hand out {@link DYNAMODB_SDK_EXPORTS} from it. Built by esbuild from the versions
 * package-lock.json installed, from their ES module sources so that only what these names use is
 * kept. Returns the bytes of the shared file.
 */
export function buildDynamoDbSdk(nodeModules: string, target = 'node24'): number {
  const entry = Object.entries(DYNAMODB_SDK_EXPORTS)
    .map(([name, exports]) => `export { ${exports.join(', ')} } from ${JSON.stringify(name)};`)
    .join('\n');
  const result = buildSync({
    stdin: { contents: entry, resolveDir: repositoryRoot, loader: 'js' },
    outfile: dynamoDbSdkFile(nodeModules),
    bundle: true,
    platform: 'node',
    target,
    format: 'cjs',
    mainFields: ['module', 'main'],
    minify: true,
    external: LAZY_CREDENTIAL_PROVIDERS,
    // `import()` of a left-out provider becomes `require`, which reads NODE_PATH (Lambda's runtime
    // SDK); an ES import would not look there.
    supported: { 'dynamic-import': false },
    logLevel: 'error',
    metafile: true,
  });
  for (const [name, exports] of Object.entries(DYNAMODB_SDK_EXPORTS)) {
    const folder = join(nodeModules, name);
    mkdirSync(folder, { recursive: true });
    const handedOut = exports.map((exported) => `  ${exported}: sdk.${exported},`).join('\n');
    writeFileSync(join(folder, 'index.js'), `'use strict';\nconst sdk = require('../client-dynamodb/${SHARED_FILE}');\nmodule.exports = {\n${handedOut}\n};\n`);
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name, version: installedVersion(name), main: 'index.js' })}\n`);
  }
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

/**
 * The layer with the DynamoDB client every function uses at start-up: one minified file of about
 * 210 KiB that Node evaluates in half the time it takes to load the runtime's SDK, spread over 32
 * files and 900 KB of unminified code (≈ 30 ms of every cold start). Lambda's NODE_PATH puts
 * layers before the runtime's SDK, so the functions run the version package-lock.json pins, the
 * one the tests ran. The other clients (S3, SES, Step Functions) stay the runtime's: they load on
 * first use, not at start-up. One per stack.
 */
export function dynamoDbSdkLayer(scope: Construct): lambda.ILayerVersion {
  const versions = Object.keys(DYNAMODB_SDK_EXPORTS).map((name) => `${name}@${installedVersion(name)}`);
  return locallyBuiltLayer(scope, 'DynamoDbSdkLayer', {
    description: `The DynamoDB client as one file: ${versions.join(', ')}`,
    build: (outputDir) => buildDynamoDbSdk(join(outputDir, 'nodejs', 'node_modules')),
    definedIn: import.meta.url,
  });
}
