import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ENTRY_POINT_GROUP_NAMES, handlerModule } from '../infra/function-entry-points.js';
import { buildDocumentLibraries } from '../infra/constructs/document-libraries-layer.js';
import { buildDynamoDbSdk } from '../infra/constructs/dynamodb-sdk-layer.js';
import { DSR_BUNDLING, DSR_RUNTIME } from '../infra/constructs/dsr-function.js';

const run = promisify(execFile);
const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/** Largest minified handler bundle a function may have (issue 11: small, fast functions). */
export const MAX_BUNDLE_BYTES = 250 * 1024;

/**
 * Functions whose own code is allowed past {@link MAX_BUNDLE_BYTES}, with their cap and why. The mail
 * and PDF libraries are in no bundle (they come from the document libraries layer), zod is its
 * tree-shakable `zod/mini` API (28–40 KiB of a bundle, was 97 KiB with classic zod) and the staff
 * console is four functions by area of work (queue, one case's page, the actions on a case, mail
 * and post). The case was one function of 303 KiB until its actions stopped rendering the page: a
 * refused action now redirects to the page with the refusal in a short-lived cookie (post/redirect/get).
 * None is over the target now; a function that must be gets a cap here with the reason.
 */
export const OVERSIZED_FUNCTIONS: Readonly<Record<string, number>> = {};

/** The bundle size a function may have: {@link MAX_BUNDLE_BYTES}, or its cap in {@link OVERSIZED_FUNCTIONS}. */
export const bundleLimit = (folder: string): number => OVERSIZED_FUNCTIONS[folder] ?? MAX_BUNDLE_BYTES;

/** Longest cold initialisation (import of the bundle in a fresh Node process) we aim for. */
export const MAX_COLD_INIT_MILLIS = 150;

/** One function's bundle as CDK builds it. */
export interface FunctionBundle {
  readonly folder: string;
  /**
   * The bundle Lambda loads (`index.js`), minified: our code and the libraries we bundle. Not in it:
   * the AWS SDK (the DynamoDB client from our layer, the other clients from the runtime), Powertools
   * (AWS's layer) and the mail and PDF libraries (our document libraries layer, measured by
   * {@link documentLibrariesBytes}).
   */
  readonly path: string;
  readonly bytes: number;
  /** The source map beside it (shipped for readable stack traces, read only when an error is printed). */
  readonly sourceMapBytes: number;
}

/** Every function with a `handler.ts` (`functions/<group>/<name>/`): the functions that deploy, by name. */
export function handlerFolders(): string[] {
  const root = join(repositoryRoot, 'functions');
  return ENTRY_POINT_GROUP_NAMES.flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).filter((name) => existsSync(join(root, group, name, 'handler.ts'))) : [],
  ).sort();
}

/** esbuild's target for the runtime, as CDK derives it (`nodejs24.x` → `node24`). */
const esbuildTarget = (): string => DSR_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1');

/** How a bundle reaches one of its inputs: statically (evaluated at start-up) or through `import()`. */
export type ImportKind = 'static' | 'dynamic';

/** A bundle as esbuild reports it, before or without writing it. */
export interface BuiltBundle extends FunctionBundle {
  /** Inputs (repository-relative paths) in the bundle, each with its size in the output. */
  readonly inputs: Readonly<Record<string, number>>;
  /** For each input, how the modules that import it do so. */
  readonly importedAs: Readonly<Record<string, readonly ImportKind[]>>;
  /** Modules left out of the bundle that its code imports (the SDK, layers' modules, Node's own). */
  readonly externals: readonly string[];
}

/**
 * Builds every handler with the settings of {@link DSR_BUNDLING} (what `NodejsFunction` passes to
 * esbuild) in one esbuild run, into `outDir/<folder>/index.js` (when `write`), with the DynamoDB
 * client layer's packages in `outDir/node_modules`, which the bundles find first, as on Lambda.
 * `outDir` must lie inside the repository so that what the other layers and the runtime provide
 * (Powertools, the other SDK clients) resolves from its node_modules. Sizes are deterministic:
 * same sources, same bytes.
 */
export async function buildBundles(outDir: string, write = true, folders: readonly string[] = handlerFolders()): Promise<BuiltBundle[]> {
  if (write) {
    mkdirSync(outDir, { recursive: true });
    // On Lambda no package.json surrounds the bundle; here the repository's says "module".
    writeFileSync(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
    buildDynamoDbSdk(join(outDir, 'node_modules'), esbuildTarget());
  }
  const result = await build({
    entryPoints: Object.fromEntries(folders.map((folder) => [`${folder}/index`, join(repositoryRoot, handlerModule(folder))])),
    outdir: outDir,
    write,
    bundle: true,
    platform: 'node',
    target: esbuildTarget(),
    format: DSR_BUNDLING.format,
    mainFields: [...DSR_BUNDLING.mainFields],
    minify: DSR_BUNDLING.minify,
    sourcemap: DSR_BUNDLING.sourceMap,
    sourcesContent: DSR_BUNDLING.sourcesContent,
    external: [...DSR_BUNDLING.externalModules],
    metafile: true,
    logLevel: 'error',
    absWorkingDir: repositoryRoot,
  });
  const outputs = result.metafile.outputs;
  const relativeOut = relative(repositoryRoot, outDir);
  return folders.map((folder) => {
    const code = `${relativeOut}/${folder}/index.js`;
    const output = outputs[code];
    if (output === undefined) throw new Error(`esbuild wrote no ${code}`);
    const inputs = Object.fromEntries(Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput]));
    const importedAs: Record<string, ImportKind[]> = {};
    for (const input of Object.keys(inputs)) {
      for (const imported of result.metafile.inputs[input]?.imports ?? []) {
        if (!(imported.path in inputs)) continue;
        (importedAs[imported.path] ??= []).push(imported.kind === 'dynamic-import' ? 'dynamic' : 'static');
      }
    }
    return {
      folder,
      path: join(repositoryRoot, code),
      bytes: output.bytes,
      sourceMapBytes: outputs[`${code}.map`]?.bytes ?? 0,
      inputs,
      importedAs,
      externals: [...new Set(output.imports.filter((imported) => imported.external).map((imported) => imported.path))].sort(),
    };
  });
}

/**
 * Settings every handler's config accepts, with made-up values: enough for module initialisation,
 * which parses config and creates SDK clients but makes no call.
 */
export const BENCH_FUNCTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_REGION: 'eu-north-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  LOG_LEVEL: 'error',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  REQUESTS_TABLE_NAME: 'bench-requests',
  CUSTOMERS_TABLE_NAME: 'bench-customers',
  BILLING_TABLE_NAME: 'bench-billing',
  ACCESS_LOG_TABLE_NAME: 'bench-access-log',
  REQUEST_DATA_BUCKET: 'bench-request-data',
  INBOUND_MAIL_BUCKET: 'bench-inbound-mail',
  INBOUND_MAIL_PREFIX: 'inbound/',
  EXPORT_DOWNLOAD_DAYS: '14',
  RECIPIENT_ADDRESSES: '{}',
  STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:111111111111:stateMachine:bench',
  SENDER_ADDRESS: 'naerkontor@obos.no',
  STAFF_DIGEST_ADDRESS: 'personvern@obos.no',
  PUBLIC_BASE_URL: 'https://personvern.example.no',
  STAFF_TOKEN_ISSUER: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_bench',
  STAFF_TOKEN_AUDIENCE: 'bench-client',
  STAFF_TOKEN_JWKS: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_bench/.well-known/jwks.json',
  CONSOLE_SIGN_IN: 'cognito',
  COGNITO_DOMAIN: 'bench.auth.eu-north-1.amazoncognito.com',
  // Secrets arrive as deploy-time dynamic references; made-up values of the generated length.
  SUPPRESSION_HMAC_SECRET: 'bench-suppression-key-'.padEnd(64, '0'),
  ORIGIN_VERIFY_SECRET: 'bench-origin-verify-'.padEnd(64, '0'),
};

/**
 * The load, timed inside the child so Node's own start-up is not counted: wall-clock time, and
 * the CPU time the process spent (user + system), which a busy machine inflates far less. Loaded
 * with `require`, as Lambda's Node.js runtime loads a `.js` handler that no `"type": "module"`
 * package.json surrounds (aws-lambda-nodejs-runtime-interface-client, `UserFunction`: `_tryRequire`
 * requires it, and imports only ES modules). An `import()` would first have Node lex the whole
 * CommonJS bundle for its export names, which Lambda never does (27 ms of the 246 KiB
 * `console-case-actions`).
 */
const LOAD_TIMER = `
const { createRequire } = require('node:module');
const started = performance.now();
const cpu = process.cpuUsage();
createRequire(process.argv[1])(process.argv[1]);
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }));
`;

/** One cold initialisation, in milliseconds. */
export interface ColdInit {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Times loading (reading, evaluating and initialising) the bundle in a fresh Node process as Lambda
 * does, with source maps enabled as on Lambda (`NODE_OPTIONS=--enable-source-maps`).
 */
export async function coldInit(bundle: FunctionBundle): Promise<ColdInit> {
  const { stdout } = await run(
    process.execPath,
    ['--enable-source-maps', '-e', LOAD_TIMER, bundle.path],
    { env: { PATH: process.env.PATH ?? '', ...BENCH_FUNCTION_ENVIRONMENT }, cwd: repositoryRoot },
  );
  const timing = JSON.parse(stdout) as Partial<ColdInit>;
  if (!Number.isFinite(timing.wall) || !Number.isFinite(timing.cpu)) throw new Error(`${bundle.folder}: no timing from the child (${stdout})`);
  return { wall: timing.wall!, cpu: timing.cpu! };
}

/** Lists, after loading the bundle as Lambda does, every package whose files Node loaded (from `require.cache`). */
const LOADED_PACKAGES = `
const { createRequire } = require('node:module');
const load = createRequire(process.argv[1]);
load(process.argv[1]);
const loaded = new Set();
for (const file of Object.keys(load.cache)) {
  const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
  if (match) loaded.add(match[1]);
}
process.stdout.write(JSON.stringify([...loaded].sort()));
`;

/**
 * The packages a bundle loads at cold start (importing it in a fresh Node process, with
 * {@link BENCH_FUNCTION_ENVIRONMENT} and `extraEnv`): what start-up pays for, whatever the clock says.
 */
export async function packagesLoadedAtInit(bundle: FunctionBundle, extraEnv: Readonly<Record<string, string>> = {}): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['-e', LOADED_PACKAGES, bundle.path], {
    env: { PATH: process.env.PATH ?? '', ...BENCH_FUNCTION_ENVIRONMENT, ...extraEnv },
    cwd: repositoryRoot,
  });
  return JSON.parse(stdout) as string[];
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One function's figures for `npm run bench`. */
export interface FunctionFigures extends FunctionBundle {
  /** Median cold initialisation (wall clock) over {@link FunctionFigures.runs} fresh processes. */
  readonly coldInitMillis: number;
  /** Median CPU time of the same initialisations. */
  readonly coldInitCpuMillis: number;
  readonly runs: number;
}

/**
 * Builds every function and measures its cold initialisation (median of `runs` fresh processes).
 * Round by round, every function once a round, one process at a time: a moment when the machine is
 * busy then costs one run of several functions, which their medians drop, instead of all runs of
 * one function. Parallel children would measure the machine's load, not the module.
 */
export async function functionFigures(outDir: string, runs = 5): Promise<FunctionFigures[]> {
  const bundles = await buildBundles(outDir);
  const times = new Map<FunctionBundle, ColdInit[]>(bundles.map((bundle) => [bundle, []]));
  for (let round = 0; round < runs; round += 1) {
    for (const bundle of bundles) times.get(bundle)!.push(await coldInit(bundle));
  }
  return bundles.map((bundle) => ({
    ...bundle,
    coldInitMillis: median(times.get(bundle)!.map((time) => time.wall)),
    coldInitCpuMillis: median(times.get(bundle)!.map((time) => time.cpu)),
    runs,
  }));
}

/** The size of each library in the document libraries layer, built as CDK builds it into `outDir`. */
export function documentLibrariesBytes(outDir: string): Record<string, number> {
  return buildDocumentLibraries(outDir, esbuildTarget());
}

/** The bundle output folder used by `npm run bench` (git-ignored). */
export const BENCH_BUNDLE_DIR = join(repositoryRoot, '.bench', 'bundles');

/** The table `npm run bench` prints. */
export function functionFiguresTable(figures: readonly FunctionFigures[]): string[] {
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  const ms = (millis: number): string => `${millis.toFixed(0).padStart(5)} ms`;
  const mark = (missed: boolean): string => (missed ? ' ! ' : '   ');
  return [
    `Functions: bundle as CDK builds it (esbuild, minified, ${DSR_BUNDLING.externalModules.join(', ')} left to the runtime, the Powertools layer and our DynamoDB client and document libraries layers) and cold init`,
    `(median of ${figures[0]?.runs ?? 0} fresh Node ${process.version} processes loading the bundle as Lambda does, with what it loads at start-up; wall clock and CPU time;`,
    `targets ${kib(MAX_BUNDLE_BYTES)} and ${MAX_COLD_INIT_MILLIS} ms; "!" marks a miss)`,
    `  ${'function'.padEnd(28)} ${'bundle'.padStart(9)}    ${'wall'.padStart(8)}  ${'cpu'.padStart(8)}`,
    ...figures.map(
      (figure) =>
        `  ${figure.folder.padEnd(28)} ${kib(figure.bytes).padStart(9)}${mark(figure.bytes > MAX_BUNDLE_BYTES)}  ${ms(figure.coldInitMillis)}${mark(
          figure.coldInitMillis > MAX_COLD_INIT_MILLIS,
        )}${ms(figure.coldInitCpuMillis)}${mark(figure.coldInitCpuMillis > MAX_COLD_INIT_MILLIS)}`,
    ),
  ];
}
