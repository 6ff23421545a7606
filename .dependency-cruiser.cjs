/**
 * The import rules of functions/ (issue 16): no cycles, and arrows point down only. The domain
 * knows neither the AWS adapters, nor the web layer, nor the deployable functions; production code
 * never imports local-only code (emulators, local sign-in, seeding) from infra/local.
 *
 * Violations that existed when a rule was written are listed in
 * `.dependency-cruiser-known-violations.json`; `test/architecture/import-rules.test.ts` fails on any
 * other, and on a listed one that no longer exists (so the list only shrinks).
 * Regenerate the list only when removing entries: `npm run -s depcruise:baseline`.
 */
const HANDLERS =
  '^functions/(acknowledge|await-decision|await-verification|carry-out|close-request|close-unverified|create-request|download-page|email-intake|flag-needs-attention|gather-access-log|gather-billing|gather-subscriptions|mail-events|notify-recipients|plan-request|purge-exports|read-decision|restrict-processing|send-reply|send-verification-reminder|staff-api|staff-console|start-verification|stop-marketing|verify-page|watch-deadlines)/';
const WEB = '^functions/(web-form|staff-console/pages|verify-page|download-page|shared/http)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import cycle: the files cannot be understood or moved one at a time.', from: { path: '^functions/' }, to: { circular: true } },
    { name: 'domain-not-to-adapters', severity: 'error', comment: 'The domain takes its stores and mailers as dependencies; it never builds them.', from: { path: '^functions/domain/' }, to: { path: '^functions/adapters/' } },
    { name: 'domain-not-to-web', severity: 'error', comment: 'Pages, HTML and HTTP responses are the web layer; the domain returns data.', from: { path: '^functions/domain/' }, to: { path: WEB } },
    { name: 'domain-not-to-handlers', severity: 'error', comment: 'Deployable functions wire the domain; the domain never reaches back into them.', from: { path: '^functions/domain/' }, to: { path: HANDLERS } },
    { name: 'platform-imports-nothing-of-ours', severity: 'error', comment: 'functions/shared is the ground floor: config, logging, SDK clients.', from: { path: '^functions/shared/', pathNot: '^functions/shared/http/' }, to: { path: '^functions/(domain|adapters|web-form|staff-console|verify-page|download-page)/' } },
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
