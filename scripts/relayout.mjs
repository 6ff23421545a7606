#!/usr/bin/env node
/**
 * Moves functions/ into the layout of issue 16 point 3, on any checkout whose tree still has the
 * pre-layout shape, and mends every reference to a moved file:
 *
 *   functions/http/<fn>/            entry points invoked over HTTP (API Gateway routes)
 *   functions/workflow-steps/<fn>/  entry points the Step Functions workflow calls
 *   functions/schedule/<fn>/        entry points run on a schedule
 *   functions/mail/<fn>/            entry points SES invokes (received mail, bounce/complaint events)
 *   functions/web/                  the web layer: page shell, CSS, error pages, HTTP responses, middleware
 *   functions/platform/             config, env names, logging, metrics, tracing, SDK clients, errors, html
 *   functions/wiring/               builds adapters and dependencies for handlers from config
 *   functions/domain/, adapters/    unchanged folders (only their import specifiers are rewritten)
 *
 * What it does, in order:
 *   1. checks the tree: every source of the move map exists and no destination does (or, if the
 *      layout is already applied, says so and stops with success); no unmapped file is left in a
 *      folder that is emptied, and no entry-point folder exists that the map does not know;
 *   2. rewrites every relative path string in code files (import/export from, import(), vi.mock(),
 *      vi.importActual(), require(), new URL(…, import.meta.url) and any other './' or '../' string
 *      that resolves into a moved file or folder): resolved against the file's OLD place, mapped
 *      old → new, made relative again from the file's NEW place;
 *   3. rewrites repository-relative mentions (`functions/shared/logger.ts` in comments, configs,
 *      the known-violations list, the README) of moved paths;
 *   4. `git mv`s the files and folders and writes the rewritten contents;
 *   5. applies the few edits that are code, not paths (the handler location of a function by name,
 *      the dependency-cruiser rules, the README's layout section), each one checked to apply exactly;
 *   6. prints what it did, and any mention of an old path it could not mend.
 *
 * Run from the repository root: `node scripts/relayout.mjs` (`--dry-run` prints without changing).
 * Afterwards: `npx tsc --noEmit && npm run -s depcruise && npx vitest run test/unit test/architecture test/infra`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DRY_RUN = process.argv.includes('--dry-run');
const TEMPLATES = join(ROOT, 'scripts', 'relayout-files');

// ---------------------------------------------------------------------------------------------
// The move map
// ---------------------------------------------------------------------------------------------

/**
 * Deployable functions by how they are invoked. The group of each follows from infra: HTTP_ROUTES
 * (http), WORKFLOW_FUNCTIONS (workflow-steps), `schedule`/`ownSchedule` (schedule), `inbox` and
 * `mailEvents` (mail) in infra/stacks/dsr-functions.ts; test/infra/function-entry-points.test.ts
 * holds them to it.
 */
export const FUNCTION_GROUPS = {
  http: ['web-form', 'create-request', 'verify-page', 'download-page', 'staff-api', 'staff-console'],
  'workflow-steps': [
    'acknowledge',
    'stop-marketing',
    'restrict-processing',
    'start-verification',
    'await-verification',
    'send-verification-reminder',
    'close-unverified',
    'gather-subscriptions',
    'gather-billing',
    'gather-access-log',
    'plan-request',
    'await-decision',
    'read-decision',
    'carry-out',
    'notify-recipients',
    'send-reply',
    'close-request',
    'flag-needs-attention',
  ],
  schedule: ['watch-deadlines', 'purge-exports'],
  mail: ['email-intake', 'mail-events'],
};

/** Files moved one by one (repository-relative, with extension). Applied before the folder moves. */
const FILE_MOVES = {
  // The safe-HTML template tag: a primitive with no imports, used by the web layer and by the
  // domain's own documents (the export report), so it sits on the ground floor.
  'functions/web-form/pages/html.ts': 'functions/platform/html.ts',
  // The public pages' shell, stylesheet and shared pages: the web layer.
  'functions/web-form/pages/layout.ts': 'functions/web/page-shell.ts',
  'functions/web-form/pages/base-css.ts': 'functions/web/base-css.ts',
  'functions/web-form/pages/error-page.ts': 'functions/web/error-page.ts',
  'functions/web-form/pages/not-found-page.ts': 'functions/web/not-found-page.ts',
  'functions/web-form/pages/page-language.ts': 'functions/web/page-language.ts',
  // HTTP responses and middleware: the web layer.
  'functions/shared/http/responses.ts': 'functions/web/responses.ts',
  'functions/shared/http/page-response.ts': 'functions/web/page-response.ts',
  'functions/shared/http/error-page-middleware.ts': 'functions/web/error-page-middleware.ts',
  'functions/shared/http/json-error-middleware.ts': 'functions/web/json-error-middleware.ts',
  'functions/shared/http/request-body.ts': 'functions/web/request-body.ts',
  'functions/shared/http/origin-verify.ts': 'functions/web/origin-verify.ts',
  'functions/shared/http/staff-gate.ts': 'functions/web/staff-gate.ts',
  'functions/shared/http/merge-refusal.ts': 'functions/web/merge-refusal.ts',
  // Domain errors as staff read them (status, Norwegian message), for the console and the staff API.
  'functions/shared/http/staff-problems.ts': 'functions/web/staff-problems.ts',
  // The route table says which HTTP entry point serves which path: it sits with them.
  'functions/shared/http/routes.ts': 'functions/http/routes.ts',
  // The workflow's function table and event schemas sit with the workflow steps.
  'functions/shared/workflow-functions.ts': 'functions/workflow-steps/workflow-functions.ts',
  'functions/shared/workflow-events.ts': 'functions/workflow-steps/workflow-events.ts',
  // The platform: imports nothing of ours.
  'functions/shared/config.ts': 'functions/platform/config.ts',
  'functions/shared/env-names.ts': 'functions/platform/env-names.ts',
  'functions/shared/logger.ts': 'functions/platform/logger.ts',
  'functions/shared/observability.ts': 'functions/platform/observability.ts',
  'functions/shared/tracer.ts': 'functions/platform/tracer.ts',
  'functions/shared/provided-module.ts': 'functions/platform/provided-module.ts',
  'functions/shared/transient-error.ts': 'functions/platform/transient-error.ts',
  'functions/shared/withheld-error.ts': 'functions/platform/withheld-error.ts',
  'functions/shared/task-handler.ts': 'functions/platform/task-handler.ts',
  'functions/shared/phone-number.ts': 'functions/platform/phone-number.ts',
  'functions/shared/aws-clients.ts': 'functions/platform/aws-clients.ts',
  // Wiring: builds adapters and the domain's dependencies from config, for the handlers.
  'functions/shared/store-deps.ts': 'functions/wiring/store-deps.ts',
  'functions/shared/task-deps.ts': 'functions/wiring/task-deps.ts',
  'functions/shared/workflow-config.ts': 'functions/wiring/workflow-config.ts',
  'functions/shared/recipient-directory-config.ts': 'functions/wiring/recipient-directory-config.ts',
  'functions/shared/system-address-config.ts': 'functions/wiring/system-address-config.ts',
  'functions/shared/staff-token-verifier.ts': 'functions/wiring/staff-token-verifier.ts',
};

/** Entries of FILE_MOVES that only some checkouts have (added by work merged around the layout). */
const OPTIONAL_FILES = new Set(['functions/shared/provided-module.ts', 'functions/shared/http/staff-problems.ts']);
for (const file of OPTIONAL_FILES) {
  if (!existsSync(join(ROOT, file)) && !existsSync(join(ROOT, FILE_MOVES[file]))) delete FILE_MOVES[file];
}

/** Folders moved whole (repository-relative, no trailing slash). */
const FOLDER_MOVES = {
  'functions/shared/aws-clients': 'functions/platform/aws-clients',
  ...Object.fromEntries(
    Object.entries(FUNCTION_GROUPS).flatMap(([group, names]) => names.map((name) => [`functions/${name}`, `functions/${group}/${name}`])),
  ),
};

/** Folders that must be empty once the moves are done (a file left there was added after the map). */
const EMPTIED_FOLDERS = ['functions/shared'];

/** Folders directly under functions/ that are not entry points. */
const LAYER_FOLDERS = new Set(['domain', 'adapters', 'shared', 'web', 'platform', 'wiring', ...Object.keys(FUNCTION_GROUPS)]);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const log = (...parts) => console.log(...parts);
const fail = (message) => {
  console.error(`relayout: ${message}`);
  process.exit(1);
};
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const abs = (rel) => join(ROOT, rel);
const read = (rel) => readFileSync(abs(rel), 'utf8');

const CODE = /\.(ts|mts|cts|js|mjs|cjs|tsx)$/;
const TEXT = /\.(ts|mts|cts|js|mjs|cjs|tsx|json|md|ya?ml|txt|sh)$|(^|\/)(run|Dockerfile)$/;
const EXT = /\.(ts|mts|cts|js|mjs|cjs|tsx|d\.ts)$/;
/**
 * Files with a single line of logic, folded into the neighbour that already shares their concern
 * (new paths). Their exports keep their names; importers are pointed at the neighbour.
 */
const FOLDS = {
  // One hidden input: a form control.
  'functions/http/staff-console/pages/csrf-field.ts': 'functions/http/staff-console/pages/form-controls.ts',
  // One span: the badge is the urgency label's markup.
  'functions/http/staff-console/pages/urgency-badge.ts': 'functions/http/staff-console/pages/console-labels.ts',
};

/**
 * A file of re-exports only (`platform/aws-clients.ts`, used by tests alone): its importers import
 * the one client module they use, by name, and the file goes.
 */
const BARREL = { file: 'functions/platform/aws-clients.ts', modules: { dynamoDbClient: 'aws-clients/dynamodb', sesClient: 'aws-clients/sesv2', sfnClient: 'aws-clients/sfn', s3Client: 'aws-clients/s3' } };

/** Files whose text is generated or records history: left alone. */
const SKIP = (rel) => rel === 'package-lock.json' || rel.startsWith('node_modules/') || rel.startsWith('scripts/relayout');

/** Every file of the checkout (tracked and new, not ignored). */
function repositoryFiles() {
  return git('ls-files', '--cached', '--others', '--exclude-standard', '-z')
    .split('\0')
    .filter((rel) => rel && existsSync(abs(rel)) && statSync(abs(rel)).isFile());
}

const fileEntries = Object.entries(FILE_MOVES).map(([from, to]) => ({ from: from.replace(EXT, ''), to: to.replace(EXT, ''), fromFile: from, toFile: to }));
const folderEntries = Object.entries(FOLDER_MOVES)
  .map(([from, to]) => ({ from, to }))
  .sort((a, b) => b.from.length - a.from.length);

/**
 * Where a repository-relative path goes: a moved file (matched with or without its extension, so
 * `x.js` in a specifier finds `x.ts`), a path inside a moved folder, or a moved folder itself.
 * Undefined when the path is not moved.
 */
function mapPath(rel) {
  const clean = rel.replace(/\/$/, '');
  const trailing = rel.endsWith('/') ? '/' : '';
  const ext = EXT.exec(clean)?.[0] ?? '';
  const stem = ext ? clean.slice(0, -ext.length) : clean;
  for (const entry of fileEntries) {
    if (stem === entry.from) return entry.to + ext + trailing;
  }
  for (const entry of folderEntries) {
    if (clean === entry.from) return entry.to + trailing;
    if (clean.startsWith(entry.from + '/')) return entry.to + clean.slice(entry.from.length) + trailing;
  }
  return undefined;
}

const newPathOf = (rel) => mapPath(rel) ?? rel;

/** Whether a path a string names exists (as itself, a folder, or the `.ts` source of a `.js` specifier). */
function pathExists(rel) {
  const clean = rel.replace(/\/$/, '') || '.';
  return existsSync(abs(clean)) || existsSync(abs(clean.replace(/\.(m|c)?js$/, '.$1ts')));
}

/** The relative specifier from `fromFile`'s folder to `target` (both repository-relative), with ./ when needed. */
function relativeSpecifier(fromFile, target) {
  let spec = posix.relative(posix.dirname(fromFile), target);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  if (target.endsWith('/') && !spec.endsWith('/')) spec += '/';
  return spec;
}

// ---------------------------------------------------------------------------------------------
// 1. The shape check
// ---------------------------------------------------------------------------------------------

function checkShape(files) {
  const sources = [...Object.keys(FILE_MOVES), ...Object.keys(FOLDER_MOVES)];
  const folded = new Set([...Object.keys(FOLDS), BARREL.file]);
  const destinations = [...Object.values(FILE_MOVES), ...Object.values(FOLDER_MOVES)].filter((path) => !folded.has(path));
  const presentSources = sources.filter((path) => existsSync(abs(path)));
  const presentDestinations = destinations.filter((path) => existsSync(abs(path)));
  if (presentSources.length === 0 && presentDestinations.length === destinations.length) {
    log('relayout: the layout is already applied (every destination exists, no source does); nothing to do.');
    process.exit(0);
  }
  const problems = [];
  const list = (paths) => (paths.length > 12 ? [...paths.slice(0, 12), `… and ${paths.length - 12} more`] : paths).join('\n  ');
  const missing = sources.filter((path) => !existsSync(abs(path)));
  if (missing.length) problems.push(`sources missing (tree is not at the pre-layout shape):\n  ${list(missing)}`);
  if (presentDestinations.length) problems.push(`destinations already present:\n  ${list(presentDestinations)}`);
  const unmapped = files.filter((rel) => EMPTIED_FOLDERS.some((folder) => rel.startsWith(folder + '/')) && mapPath(rel) === undefined);
  if (unmapped.length) problems.push(`files the map does not place (add them to FILE_MOVES):\n  ${unmapped.join('\n  ')}`);
  const unknownFunctions = readdirSync(abs('functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !LAYER_FOLDERS.has(entry.name) && !Object.hasOwn(FOLDER_MOVES, `functions/${entry.name}`))
    .map((entry) => `functions/${entry.name}`);
  if (unknownFunctions.length) problems.push(`entry-point folders the map does not know (add them to FUNCTION_GROUPS):\n  ${unknownFunctions.join('\n  ')}`);
  const status = git('status', '--porcelain', '--untracked-files=no').trim();
  if (status && !DRY_RUN) problems.push(`uncommitted changes (commit or stash first):\n  ${list(status.split('\n'))}`);
  if (problems.length) fail(`refusing to run:\n${problems.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// 2. and 3. Rewrites
// ---------------------------------------------------------------------------------------------

const stats = { specifiers: 0, mentions: 0, filesChanged: new Set() };

/**
 * Rewrites the relative path strings of one code file. Every quoted string starting with `./` or
 * `../` is resolved against the file's old folder; when it lands in a moved path (or the file
 * itself moves), it is made relative again from the file's new place. Covers import/export from,
 * import(), vi.mock(), vi.importActual(), require() and new URL(…, import.meta.url) alike.
 */
function rewriteSpecifiers(oldRel, text) {
  const newRel = newPathOf(oldRel);
  return text.replace(/(['"`])(\.\.?\/[^'"`\n$]*)\1/g, (match, quote, spec) => {
    const resolved = posix.join(posix.dirname(oldRel), spec);
    if (resolved.startsWith('..')) return match;
    const mapped = mapPath(resolved);
    if (mapped === undefined && (newRel === oldRel || !pathExists(resolved))) return match;
    const target = mapped ?? resolved;
    let next = relativeSpecifier(newRel, target);
    if (spec.endsWith('/') && !next.endsWith('/')) next += '/';
    if (next === spec) return match;
    stats.specifiers += 1;
    return `${quote}${next}${quote}`;
  });
}

/** The old paths, longest first, as one pattern: a mention starts at a boundary (not after `/` or a word). */
const mentionPattern = (() => {
  const olds = [
    ...Object.keys(FILE_MOVES).flatMap((file) => [file, file.replace(EXT, '.js'), file.replace(EXT, '')]),
    ...Object.keys(FOLDER_MOVES),
  ]
    .filter((value, index, all) => all.indexOf(value) === index)
    .sort((a, b) => b.length - a.length)
    .map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w./-])(${olds.join('|')})(?![\\w-]|\\.(?:ts|js)\\b)`, 'g');
})();

/** Rewrites repository-relative mentions of moved paths (`functions/shared/logger.ts`) in any text. */
function rewriteMentions(text) {
  // Docs that name the handler of any function: it is one level deeper now.
  text = text.replaceAll('functions/<folder>/', 'functions/<group>/<folder>/');
  return text.replace(mentionPattern, (path) => {
    const mapped = mapPath(path);
    if (mapped === undefined) return path;
    stats.mentions += 1;
    return mapped;
  });
}

// ---------------------------------------------------------------------------------------------
// 5. Edits that are code, not paths
// ---------------------------------------------------------------------------------------------

/** Replaces `from` by `to` in a file (new path), exactly `count` times; fails loudly otherwise. */
function edit(rel, from, to, count = 1) {
  const text = pending.get(rel) ?? read(rel);
  const parts = text.split(from);
  if (parts.length - 1 !== count) fail(`edit of ${rel}: expected ${count} occurrence(s) of:\n${from}\nfound ${parts.length - 1}`);
  pending.set(rel, parts.join(to));
  stats.filesChanged.add(rel);
}

/** Replaces the text matched by `pattern` (which must match exactly once) in a file. */
function editPattern(rel, pattern, to) {
  const text = pending.get(rel) ?? read(rel);
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!matches || matches.length !== 1) fail(`edit of ${rel}: expected one match of ${pattern}, found ${matches?.length ?? 0}`);
  pending.set(rel, text.replace(pattern, to));
  stats.filesChanged.add(rel);
}

/** New file contents, keyed by their new repository-relative path. */
const pending = new Map();

function codeEdits() {
  // New files: the entry-point table (the handler of a function is found by its name through
  // it) and its test, and the probe tree that proves each import rule reports a violation.
  for (const rel of filesUnder(join(TEMPLATES, 'tree'))) {
    const text = readFileSync(join(TEMPLATES, 'tree', rel), 'utf8');
    if (existsSync(abs(rel))) fail(`new file ${rel} exists already`);
    pending.set(rel, text.replace('/*FUNCTION_GROUPS*/', functionGroupsSource()));
    stats.filesChanged.add(rel);
  }

  edit(
    'infra/constructs/dsr-function.ts',
    'return fileURLToPath(new URL(`../../functions/${folder}/handler.ts`, import.meta.url));',
    'return fileURLToPath(new URL(`../../${handlerModule(folder)}`, import.meta.url));',
  );
  edit(
    'infra/constructs/dsr-function.ts',
    "import { DEFAULT_TIMEOUT_SECONDS } from '../function-timeouts.js';",
    "import { handlerModule } from '../function-entry-points.js';\nimport { DEFAULT_TIMEOUT_SECONDS } from '../function-timeouts.js';",
  );
  edit(
    'infra/local/lambda/local-functions.ts',
    'const url = new URL(`../../../functions/${folder}/handler.ts`, import.meta.url);',
    'const url = new URL(`../../../${handlerModule(folder)}`, import.meta.url);',
  );
  edit(
    'infra/local/lambda/local-functions.ts',
    'throw new Error(`functions/${folder}/handler.ts exports no handler`);',
    'throw new Error(`${handlerModule(folder)} exports no handler`);',
  );
  edit(
    'infra/local/lambda/local-functions.ts',
    "import { functionTimeoutSeconds } from '../../function-timeouts.js';",
    "import { handlerModule } from '../../function-entry-points.js';\nimport { functionTimeoutSeconds } from '../../function-timeouts.js';",
  );
  edit(
    'test/infra/function-runtime.test.ts',
    'expect(entry).toBe(fileURLToPath(new URL(`../../functions/${folder}/handler.ts`, import.meta.url)));',
    'expect(entry).toBe(fileURLToPath(new URL(`../../${handlerModule(folder)}`, import.meta.url)));',
  );
  editPattern('test/infra/function-runtime.test.ts', /(\nimport [^\n]*from 'vitest';\n)/, "$1import { handlerModule } from '../../infra/function-entry-points.js';\n");

  // Tests that walk folders named relative to functions/.
  edit(
    'test/unit/letters/customer-texts-in-every-language.test.ts',
    "  'web-form/pages',\n  'verify-page/pages',\n  'download-page/pages',\n",
    "  'http/web-form/pages',\n  'http/verify-page/pages',\n  'http/download-page/pages',\n  'web',\n",
  );

  // bench: the handlers are one level deeper, under their group.
  editPattern(
    'bench/function-bundles.ts',
    /\/\*\* Every folder under `functions\/` with a `handler\.ts`: the functions that deploy\. \*\/\nexport function handlerFolders\(\): string\[\] \{\n[\s\S]*?\n\}\n/,
    '/** Every function with a `handler.ts` (`functions/<group>/<name>/`): the functions that deploy, by name. */\n' +
      'export function handlerFolders(): string[] {\n' +
      "  const root = join(repositoryRoot, 'functions');\n" +
      '  return ENTRY_POINT_GROUP_NAMES.flatMap((group) =>\n' +
      '    existsSync(join(root, group)) ? readdirSync(join(root, group)).filter((name) => existsSync(join(root, group, name, \'handler.ts\'))) : [],\n' +
      '  ).sort();\n' +
      '}\n',
  );
  edit(
    'bench/function-bundles.ts',
    "join(repositoryRoot, 'functions', folder, 'handler.ts')",
    'join(repositoryRoot, handlerModule(folder))',
  );
  editPattern('bench/function-bundles.ts', /(\nimport [^\n]*from 'esbuild';\n)/, "$1import { ENTRY_POINT_GROUP_NAMES, handlerModule } from '../infra/function-entry-points.js';\n");

  // dependency-cruiser: the rules name the new folders.
  const cruiser = '.dependency-cruiser.cjs';
  editPattern(
    cruiser,
    /const HANDLERS =\n  '[^']*';\nconst WEB = '[^']*';\n/,
    "/** Entry points: one folder per deployable function, grouped by how it is invoked. */\n" +
      "const HANDLERS = '^functions/(http|workflow-steps|schedule|mail)/[^/]+/';\n" +
      "/** The web layer: the shared page shell, CSS, error pages and HTTP helpers, and each function's pages. */\n" +
      "const WEB = '^functions/(web/|http/[^/]+/pages/)';\n",
  );
  editPattern(
    cruiser,
    /\{ name: 'platform-imports-nothing-of-ours'[^\n]*\n/,
    "{ name: 'platform-imports-nothing-of-ours', severity: 'error', comment: 'functions/platform is the ground floor: config, logging, metrics, tracing, SDK clients.', from: { path: '^functions/platform/' }, to: { path: '^(functions|infra)/', pathNot: '^functions/platform/' } },\n" +
      "    { name: 'domain-not-to-wiring', severity: 'error', comment: 'Wiring builds adapters for the handlers; the domain is handed what it needs.', from: { path: '^functions/domain/' }, to: { path: '^functions/wiring/' } },\n" +
      "    { name: 'web-not-to-handlers', severity: 'error', comment: 'The web layer serves every HTTP function; it never reaches into one of them.', from: { path: '^functions/web/' }, to: { path: HANDLERS } },\n" +
      "    { name: 'adapters-not-up', severity: 'error', comment: 'Adapters implement the domain\\'s interfaces; they know neither handlers, wiring nor the web layer.', from: { path: '^functions/adapters/' }, to: { path: ['^functions/wiring/', HANDLERS, WEB] } },\n",
  );

  editPattern(
    'README.md',
    /`functions\/shared` imports nothing of ours;/,
    '`functions/platform` imports nothing of ours; the domain builds no wiring; the web layer reaches into no entry point; adapters point down only;',
  );
  editPattern(cruiser, / \* knows neither the AWS adapters, nor the web layer, nor the deployable functions;/, ' * knows neither the AWS adapters, nor the wiring, nor the web layer, nor the deployable functions;');

  // README: the layout section shows the new map.
  editPattern('README.md', /## Layout\n\n```\n[\s\S]*?\n```\n/, `## Layout\n\n\`\`\`\n${read('scripts/relayout-files/README-layout.txt').trimEnd()}\n\`\`\`\n`);
}

/** Removes a folder left empty by the moves (with its empty subfolders); fails if a file is left in it. */
function removeEmptyFolders(rel) {
  if (!existsSync(abs(rel))) return;
  const left = filesUnder(abs(rel));
  if (left.length) fail(`${rel} still holds ${left.join(', ')}`);
  rmSync(abs(rel), { recursive: true });
  log(`removed the emptied folder ${rel}`);
}

/** Files under a folder, relative to it (posix separators). */
function filesUnder(folder, prefix = '') {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(folder, rel) : [rel];
  });
}

/** dependency-cruiser's violations over functions/, as `rule: from → to`. */
function cruiseViolations() {
  let stdout;
  try {
    stdout = execFileSync('npx', ['depcruise', 'functions', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    stdout = error.stdout;
  }
  return JSON.parse(stdout).summary.violations.map(violationKey);
}

const violationKey = (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`;

/**
 * The known-violations list after the move: its paths were rewritten with the rest; the violations
 * the new layout mends drop out (regenerated), and a violation the move would ADD stops the run.
 */
function shrinkKnownViolations() {
  const knownFile = '.dependency-cruiser-known-violations.json';
  const known = new Set(JSON.parse(read(knownFile)).map(violationKey));
  const found = cruiseViolations();
  const added = found.filter((violation) => !known.has(violation));
  if (added.length) fail(`the new layout has violations the known list does not (mend them; the list never grows):\n  ${added.join('\n  ')}`);
  const mended = [...known].filter((violation) => !found.includes(violation));
  const baseline = execFileSync('npx', ['depcruise', 'functions', '--config', '.dependency-cruiser.cjs', '--output-type', 'baseline'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(abs(knownFile), baseline);
  log(`known violations: ${known.size} before, ${found.length} after; mended:\n  ${mended.join('\n  ') || '(none)'}`);
}

/** One import statement, parsed enough to merge named imports by module. */
function parseImport(statement) {
  const named = /^import (type )?\{([^}]*)\} from ['"]([^'"]+)['"];?$/s.exec(statement.trim());
  if (!named) return { verbatim: statement.trim() };
  const names = named[2].split(',').map((name) => name.trim().replace(/\s+/g, ' ')).filter(Boolean);
  return { typeOnly: Boolean(named[1]), names, module: named[3] };
}

/** Splits a module into its leading import statements and the rest. */
function splitImports(text) {
  const imports = [];
  let rest = text;
  for (;;) {
    const match = /^(?:\s*\n)*(import\s[^;]*?from\s*['"][^'"]+['"];|import\s*['"][^'"]+['"];)[^\S\n]*\n/s.exec(rest);
    if (!match) break;
    imports.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  return { imports, rest: rest.replace(/^\n+/, '') };
}

const resolvesTo = (fromFile, spec, targetFile) =>
  spec.startsWith('.') && posix.join(posix.dirname(fromFile), spec).replace(/\.(m|c)?[jt]s$/, '') === targetFile.replace(/\.(m|c)?[jt]s$/, '');

/** Folds `source` into `target` (both new paths): merged imports, the source's code appended, importers repointed. */
function fold(source, target) {
  const current = (rel) => pending.get(rel) ?? read(rel);
  const from = splitImports(current(source));
  const into = splitImports(current(target));
  const statements = [
    ...into.imports.filter((statement) => !resolvesTo(target, parseImport(statement).module ?? '', source)),
    ...from.imports
      .filter((statement) => !resolvesTo(source, parseImport(statement).module ?? '', target))
      .map((statement) => {
        const parsed = parseImport(statement);
        if (!parsed.module?.startsWith('.')) return statement;
        const moved = relativeSpecifier(target, posix.join(posix.dirname(source), parsed.module));
        return statement.replace(parsed.module, moved);
      }),
  ];
  const merged = new Map();
  const verbatim = [];
  for (const statement of statements) {
    const parsed = parseImport(statement);
    if (parsed.verbatim) {
      if (!verbatim.includes(parsed.verbatim)) verbatim.push(parsed.verbatim);
      continue;
    }
    const key = `${parsed.typeOnly ? 'type ' : ''}${parsed.module}`;
    const entry = merged.get(key) ?? { ...parsed, names: [] };
    for (const name of parsed.names) if (!entry.names.includes(name) && !entry.names.includes(name.replace(/^type /, ''))) entry.names.push(name);
    entry.names = entry.names.filter((name) => !(name.startsWith('type ') && entry.names.includes(name.slice(5))));
    merged.set(key, entry);
  }
  const rendered = [
    ...verbatim,
    ...[...merged.values()].map((entry) => `import ${entry.typeOnly ? 'type ' : ''}{ ${entry.names.join(', ')} } from '${entry.module}';`),
  ];
  // Packages first, then our modules, each in the order met.
  const isRelative = (statement) => /from ['"]\./.test(statement);
  const importText = [...rendered.filter((statement) => !isRelative(statement)), ...rendered.filter(isRelative)].join('\n');
  pending.set(target, `${importText}\n\n${into.rest.trimEnd()}\n\n${from.rest.trimEnd()}\n`);
  stats.filesChanged.add(target);
  repoint(source, () => target);
  pending.delete(source);
  removed.push(source);
  log(`fold ${source} into ${target}`);
}

/** Points every relative specifier that names `source` at the module `pick(names)` chooses, in every code file. */
function repoint(source, pick) {
  for (const rel of repositoryFiles().map(newPathOf)) {
    if (!CODE.test(rel) || SKIP(rel) || rel === source || !existsSync(abs(rel)) && !pending.has(rel)) continue;
    const text = pending.get(rel) ?? read(rel);
    const next = text.replace(/import (type )?\{([^}]*)\} from (['"])([^'"]+)\3;/g, (statement, typeOnly, names, quote, spec) => {
      if (!resolvesTo(rel, spec, source)) return statement;
      const targets = pick(names.split(',').map((name) => name.trim()).filter(Boolean));
      if (typeof targets === 'string') return statement.replace(spec, relativeSpecifier(rel, targets.replace(/\.ts$/, '.js')));
      return Object.entries(targets)
        .map(([module, chosen]) => `import ${typeOnly ?? ''}{ ${chosen.join(', ')} } from ${quote}${relativeSpecifier(rel, module + '.js')}${quote};`)
        .join('\n');
    });
    if (next !== text) {
      pending.set(rel, next);
      stats.filesChanged.add(rel);
    }
    if (pending.get(rel)?.match(new RegExp(`['"][./]*[^'"]*${posix.basename(source).replace(/\.ts$/, '')}\.js['"]`)) && rel !== source) {
      const still = pending.get(rel).match(/['"]([^'"]+)['"]/g)?.filter((literal) => resolvesTo(rel, literal.slice(1, -1), source));
      if (still?.length) fail(`${rel} still names ${source} in a form the fold cannot repoint: ${still.join(', ')}`);
    }
  }
}

/** Files removed by folds (new paths). */
const removed = [];

function foldSingleLineFiles() {
  for (const [source, target] of Object.entries(FOLDS)) fold(source, target);
  repoint(BARREL.file, (names) => {
    const byModule = {};
    for (const name of names) {
      const module = BARREL.modules[name.replace(/^type /, '')];
      if (!module) fail(`${BARREL.file}: no client module for ${name}`);
      (byModule[`functions/platform/${module}`] ??= []).push(name);
    }
    return byModule;
  });
  removed.push(BARREL.file);
  log(`fold ${BARREL.file} into its importers (each imports its client module)`);
}

function functionGroupsSource() {
  return Object.entries(FUNCTION_GROUPS)
    .map(([group, names]) => `  ${/^[a-z]+$/.test(group) ? group : `'${group}'`}: [${names.map((name) => `'${name}'`).join(', ')}],`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

function main() {
  process.chdir(ROOT);
  const files = repositoryFiles();
  checkShape(files);

  // 2 and 3: compute new contents from old paths.
  for (const rel of files) {
    if (SKIP(rel) || !TEXT.test(rel)) continue;
    const original = read(rel);
    let text = CODE.test(rel) ? rewriteSpecifiers(rel, original) : original;
    text = rewriteMentions(text);
    const target = newPathOf(rel);
    if (text !== original) {
      pending.set(target, text);
      stats.filesChanged.add(target);
    }
  }

  // 4: move.
  const moves = [
    ...Object.entries(FILE_MOVES),
    ...Object.entries(FOLDER_MOVES).sort(([a], [b]) => b.length - a.length),
  ];
  for (const [from, to] of moves) {
    log(`move ${from} → ${to}`);
    if (DRY_RUN) continue;
    mkdirSync(dirname(abs(to)), { recursive: true });
    git('mv', from, to);
  }

  // 5: code edits (on the new paths).
  if (!DRY_RUN) {
    for (const [rel, text] of pending) writeFileSync(abs(rel), text);
    pending.clear();
    codeEdits();
    foldSingleLineFiles();
    for (const [rel, text] of pending) {
      mkdirSync(dirname(abs(rel)), { recursive: true });
      writeFileSync(abs(rel), text);
    }
    for (const rel of removed) git('rm', '-q', '-f', rel);
    for (const folder of EMPTIED_FOLDERS) removeEmptyFolders(folder);
    shrinkKnownViolations();
    git('add', '-A', 'functions', 'infra', 'test', 'bench', 'README.md', '.dependency-cruiser.cjs', '.dependency-cruiser-known-violations.json');
  }

  log(`rewrote ${stats.specifiers} relative path strings and ${stats.mentions} repository-relative mentions in ${stats.filesChanged.size} files`);
  for (const rel of [...stats.filesChanged].sort()) log(`  changed ${rel}`);

  // 6: anything that still names an old path.
  if (!DRY_RUN) {
    const leftovers = [];
    const removedStems = new Set(removed.map((file) => file.replace(EXT, '')));
    const olds = [
      ...Object.keys(FILE_MOVES).map((file) => file.replace(EXT, '')),
      ...Object.keys(FOLDER_MOVES),
      ...removed.map((file) => file.replace(EXT, '')),
      ...EMPTIED_FOLDERS,
    ];
    for (const rel of repositoryFiles()) {
      if (SKIP(rel) || !TEXT.test(rel)) continue;
      const text = read(rel);
      for (const old of olds) {
        // A removed file's stem may also be a folder's name (platform/aws-clients/): only the file counts.
        const after = removedStems.has(old) ? '(?![\\w/-])' : '(?![\\w-])';
        const at = text.search(new RegExp(`(?<![\\w-])${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${after}`));
        if (at >= 0) leftovers.push(`${rel}: ${old} (${JSON.stringify(text.slice(Math.max(0, at - 30), at + old.length + 20))})`);
      }
    }
    if (leftovers.length) {
      log(`\nmentions of old paths left (check each):\n  ${leftovers.join('\n  ')}`);
    } else log('no mention of an old path is left');
    log('\nnext: npx tsc --noEmit && npm run -s depcruise && npx vitest run test/unit test/architecture test/infra');
  }
}

main();
