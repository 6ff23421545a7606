import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDynamoDbSdk, DYNAMODB_SDK_EXPORTS, type DynamoDbSdkPackage } from '../../infra/constructs/dynamodb-sdk-layer.js';
import { handlerFolders } from '../../bench/function-bundles.js';
import type { FunctionFolder } from '../../infra/stacks/dsr-functions.js';
import { functionSourceFiles } from '../support/function-sources.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack } from './support/synth-dsr-stack.js';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The values (not types) a source imports from each DynamoDB package of the SDK. */
function dynamoDbValueImports(source: string): Record<string, string[]> {
  const imports: Record<string, string[]> = {};
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/(?:client|lib|util)-dynamodb)'/g)) {
    if (match[1]) continue;
    const names = match[2]!
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type '))
      .map((name) => name.split(/\s+as\s+/)[0]!);
    (imports[match[3]!] ??= []).push(...names);
  }
  return imports;
}

describe('the DynamoDB client layer', () => {
  let layerDir: string;

  beforeAll(() => {
    layerDir = mkdtempSync(join(tmpdir(), 'dsr-dynamodb-sdk-'));
    buildDynamoDbSdk(join(layerDir, 'nodejs', 'node_modules'));
  }, SYNTH_TIMEOUT_MS);

  afterAll(() => rmSync(layerDir, { recursive: true, force: true }));

  it('lists every value functions/ imports from the DynamoDB packages', () => {
    const imported: Record<string, Set<string>> = {};
    for (const file of functionSourceFiles()) {
      for (const [name, values] of Object.entries(dynamoDbValueImports(readFileSync(file, 'utf8')))) {
        for (const value of values) (imported[name] ??= new Set()).add(value);
      }
    }
    expect(Object.keys(imported).sort()).toEqual(Object.keys(DYNAMODB_SDK_EXPORTS).sort());
    for (const [name, values] of Object.entries(imported)) {
      expect([...values].filter((value) => !(DYNAMODB_SDK_EXPORTS[name as DynamoDbSdkPackage] as readonly string[]).includes(value)), name).toEqual([]);
    }
  });

  it('reads a value import, and not a type import, as one', () => {
    const source = `import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';\nimport { GetCommand, type QueryCommandInput, PutCommand as Put } from '@aws-sdk/lib-dynamodb';`;
    expect(dynamoDbValueImports(source)).toEqual({ '@aws-sdk/lib-dynamodb': ['GetCommand', 'PutCommand'] });
  });

  it('hands out exactly the listed names from each package, all from one file', () => {
    const load = createRequire(join(layerDir, 'nodejs', 'node_modules', 'x.js'));
    const shared = new Set<string>();
    for (const [name, exports] of Object.entries(DYNAMODB_SDK_EXPORTS)) {
      const module = load(name) as Record<string, unknown>;
      expect(Object.keys(module).sort(), name).toEqual([...exports].sort());
      for (const exported of exports) expect(typeof module[exported], `${name}.${exported}`).toBe('function');
      shared.add(load.resolve(name).replace(/[^/]+\/[^/]+\/index\.js$/, ''));
    }
    const loaded = Object.keys(load.cache).filter((file) => file.startsWith(layerDir));
    expect(loaded.filter((file) => !file.endsWith('index.js'))).toEqual([join(layerDir, 'nodejs', 'node_modules', '@aws-sdk', 'client-dynamodb', 'dynamodb-sdk.js')]);
    expect(shared.size).toBe(1);
  });

  it('reaches the credential providers it leaves out through NODE_PATH, where Lambda has the runtime SDK', async () => {
    // No keys in the environment: the default chain goes on to the shared credentials file, whose
    // provider is not in the layer's file and must be found beside it (here the repository's copy).
    const home = mkdtempSync(join(tmpdir(), 'dsr-credentials-'));
    writeFileSync(join(home, 'credentials'), '[default]\naws_access_key_id = AKIDLAYERPROBE\naws_secret_access_key = probe\n');
    const script = `
      const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
      new DynamoDBClient({ region: 'eu-north-1' }).config.credentials().then((credentials) => process.stdout.write(credentials.accessKeyId));
    `;
    try {
      const { stdout } = await run(process.execPath, ['-e', script], {
        cwd: layerDir,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_PATH: [join(layerDir, 'nodejs', 'node_modules'), join(repositoryRoot, 'node_modules')].join(':'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      });
      expect(stdout).toBe('AKIDLAYERPROBE');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('is one layer in the stack, given to every function', () => {
    const { template, functionId } = synthDsrStack({ inboxEnabled: 'true', region: 'eu-west-1' });
    const layers = Object.entries(template.findResources('AWS::Lambda::LayerVersion') as Record<string, { Properties: { Description: string } }>)
      .filter(([, layer]) => layer.Properties.Description.startsWith('The DynamoDB client'))
      .map(([id]) => id);
    expect(layers).toHaveLength(1);
    // Each layer of ours deploys its own content (CDK once staged both from one build).
    const assets = Object.values(template.findResources('AWS::Lambda::LayerVersion') as Record<string, { Properties: { Content: { S3Key: unknown } } }>).map(
      (layer) => JSON.stringify(layer.Properties.Content.S3Key),
    );
    expect(assets.length).toBeGreaterThan(1);
    expect(new Set(assets).size).toBe(assets.length);
    const functions = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Layers?: unknown[] } }>;
    for (const folder of handlerFolders()) {
      const id = functionId(folder as FunctionFolder);
      expect(JSON.stringify(functions[id]?.Properties.Layers ?? []), folder).toContain(layers[0]!);
    }
  }, SYNTH_TIMEOUT_MS);
});
