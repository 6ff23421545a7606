import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundles, packagesLoadedAtInit, type BuiltBundle } from '../../bench/function-bundles.js';
import { DYNAMODB_SDK_EXPORTS } from '../../infra/constructs/dynamodb-sdk-layer.js';
import { SYNTH_TIMEOUT_MS } from './support/synth-dsr-stack.js';

/**
 * Inside the repository, so what the runtime and AWS's layer provide resolves from its node_modules;
 * our DynamoDB client layer is built beside the bundles, where they find it first, as on Lambda.
 */
const OUT_DIR = fileURLToPath(new URL('../../.bench/start-up-test-bundles', import.meta.url));

/**
 * Modules a function must not load at cold start: the SDK clients used only on some paths (each
 * adapter loads its own on its first call), the X-Ray SDK where tracing is off, and the mail and
 * PDF libraries (loaded by the paths that read raw mail or make a letter's PDF).
 */
const LOADED_ONLY_WHEN_USED = [
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-sfn',
  '@aws-lambda-powertools/tracer',
  'aws-xray-sdk-core',
  'mailparser',
  'libmime',
  'iconv-lite',
  'html-to-text',
  'pdf-lib',
  '@pdf-lib/fontkit',
];

/**
 * What each deployed bundle loads when Lambda initialises it, checked in fresh Node processes: the
 * cold-start figures of `npm run bench` depend on it, and here it is asserted without a clock.
 */
describe('function start-up', () => {
  let bundles: BuiltBundle[];

  beforeAll(async () => {
    bundles = await buildBundles(OUT_DIR);
  }, SYNTH_TIMEOUT_MS);

  it('loads no SDK client, tracer, mail parser or PDF library that the invocation has not asked for', async () => {
    for (const bundle of bundles) {
      const loaded = await packagesLoadedAtInit(bundle);
      expect(loaded.filter((name) => LOADED_ONLY_WHEN_USED.includes(name)), bundle.folder).toEqual([]);
      // The DynamoDB client is loaded at start-up: every function reads or writes the requests table.
      // It comes whole from our layer's one file (in the bundles' node_modules, as on Lambda), so no
      // other SDK package is read at start-up.
      expect(loaded, bundle.folder).toContain('@aws-sdk/client-dynamodb');
      expect(loaded.filter((name) => /^@(aws-sdk|smithy)\//.test(name) && !(name in DYNAMODB_SDK_EXPORTS)), bundle.folder).toEqual([]);
    }
  }, 120_000);

  it('loads the Powertools Tracer and the X-Ray SDK at start-up where tracing is active (in Lambda)', async () => {
    const bundle = bundles.find((candidate) => candidate.folder === 'flag-needs-attention')!;
    const loaded = await packagesLoadedAtInit(bundle, { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'false' });

    expect(loaded).toEqual(expect.arrayContaining(['@aws-lambda-powertools/tracer', 'aws-xray-sdk-core']));
    expect(join(OUT_DIR, bundle.folder, 'index.js')).toBe(bundle.path);
  });
});
