/**
 * The import rules of functions/ (issue 16): no cycles, and arrows point down only. The domain
 * knows neither the AWS adapters, nor the wiring, nor the web layer, nor the deployable functions; production code
 * never imports local-only code (emulators, local sign-in, seeding) from infra/local.
 *
 * Violations that existed when a rule was written are listed in
 * `.dependency-cruiser-known-violations.json`; `test/architecture/import-rules.test.ts` fails on any
 * other, and on a listed one that no longer exists (so the list only shrinks).
 * Regenerate the list only when removing entries: `npm run -s depcruise:baseline`.
 */
/** Entry points: one folder per deployable function, grouped by how it is invoked. */
const HANDLERS = '^functions/(http|workflow-steps|schedule|mail)/[^/]+/';
/** The web layer: the shared page shell, CSS, error pages and HTTP helpers, and each function's pages. */
const WEB = '^functions/(web/|http/[^/]+/pages/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import cycle: the files cannot be understood or moved one at a time.', from: { path: '^functions/' }, to: { circular: true } },
    { name: 'domain-not-to-adapters', severity: 'error', comment: 'The domain takes its stores and mailers as dependencies; it never builds them.', from: { path: '^functions/domain/' }, to: { path: '^functions/adapters/' } },
    { name: 'domain-not-to-web', severity: 'error', comment: 'Pages, HTML and HTTP responses are the web layer; the domain returns data.', from: { path: '^functions/domain/' }, to: { path: WEB } },
    { name: 'domain-not-to-handlers', severity: 'error', comment: 'Deployable functions wire the domain; the domain never reaches back into them.', from: { path: '^functions/domain/' }, to: { path: HANDLERS } },
    { name: 'letters-above-plan-and-recipients', severity: 'error', comment: 'Letters render the plan and the recipients\' outcomes; the plan and the recipients never import a letter. What they share with letters (legal citations, dates as people read them) is in domain/letter-format, below all three.', from: { path: '^functions/domain/(plan|recipients)/' }, to: { path: '^functions/domain/letters/' } },
    { name: 'platform-imports-nothing-of-ours', severity: 'error', comment: 'functions/platform is the ground floor: config, logging, metrics, tracing, SDK clients.', from: { path: '^functions/platform/' }, to: { path: '^(functions|infra)/', pathNot: '^functions/platform/' } },
    { name: 'domain-not-to-wiring', severity: 'error', comment: 'Wiring builds adapters for the handlers; the domain is handed what it needs.', from: { path: '^functions/domain/' }, to: { path: '^functions/wiring/' } },
    { name: 'web-not-to-handlers', severity: 'error', comment: 'The web layer serves every HTTP function; it never reaches into one of them.', from: { path: '^functions/web/' }, to: { path: HANDLERS } },
    { name: 'adapters-not-up', severity: 'error', comment: 'Adapters implement the domain\'s interfaces; they know neither handlers, wiring nor the web layer.', from: { path: '^functions/adapters/' }, to: { path: ['^functions/wiring/', HANDLERS, WEB] } },
    { name: 'no-local-code-in-production', severity: 'error', comment: 'Emulators, local sign-in and seeding stay out of the Lambda bundles.', from: { path: '^functions/' }, to: { path: '^infra/local/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(functions|infra/local)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
