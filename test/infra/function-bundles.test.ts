import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBundles,
  bundleLimit,
  handlerFolders,
  MAX_BUNDLE_BYTES,
  OVERSIZED_FUNCTIONS,
  type BuiltBundle,
} from '../../bench/function-bundles.js';
import { DOCUMENT_LIBRARIES, DOCUMENT_LIBRARY_FUNCTIONS } from '../../infra/constructs/document-libraries-layer.js';
import { PDF_MAKING_FUNCTIONS } from '../../infra/constructs/dsr-function.js';
import { SYNTH_TIMEOUT_MS } from './support/synth-dsr-stack.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The bundles CDK deploys, built with the same esbuild settings (`DSR_BUNDLING`) but not written.
 * Sizes are deterministic, so they are asserted here; start-up times are not, and are measured by
 * `npm run bench` instead.
 */
describe('function bundles', () => {
  let bundles: BuiltBundle[];

  beforeAll(async () => {
    bundles = await buildBundles(join(tmpdir(), 'dsr-bundle-sizes'), false);
  }, SYNTH_TIMEOUT_MS);

  it('builds one bundle per function folder', () => {
    expect(bundles.map((bundle) => bundle.folder)).toEqual(handlerFolders());
    expect(bundles.length).toBeGreaterThan(20);
  });

  it(`keeps every function at most ${MAX_BUNDLE_BYTES / 1024} KiB minified, but those with a cap at it`, () => {
    for (const bundle of bundles) expect(bundle.bytes, bundle.folder).toBeLessThanOrEqual(bundleLimit(bundle.folder));
    expect(Object.keys(OVERSIZED_FUNCTIONS)).toEqual([]);
    // Those that read raw mail are under the target now that the mail parser is in the layer, the staff
    // API now that zod is zod/mini, the console's functions since the split by area of work, and the
    // case's page and actions since a refused action redirects to the page (post/redirect/get).
    for (const folder of ['email-intake', 'staff-api', 'console-queue', 'console-mail', 'console-case', 'console-case-actions'])
      expect(bundles.find((bundle) => bundle.folder === folder)!.bytes, folder).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it('leaves the AWS SDK to the runtime: no @aws-sdk or @smithy code in any bundle', () => {
    for (const bundle of bundles) {
      expect(Object.keys(bundle.inputs).filter((input) => /node_modules\/@(aws-sdk|smithy)\//.test(input)), bundle.folder).toEqual([]);
    }
  });

  it('bundles zod as zod/mini only: no classic zod (its methods on every schema keep all of zod), no locale but English', () => {
    for (const bundle of bundles) {
      const zodInputs = Object.keys(bundle.inputs).filter((input) => input.includes('node_modules/zod/'));
      expect(zodInputs.filter((input) => input.includes('/zod/v4/mini/')).length, bundle.folder).toBeGreaterThan(0);
      expect(zodInputs.filter((input) => input.includes('/zod/v4/classic/')), bundle.folder).toEqual([]);
      expect(zodInputs.filter((input) => /\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/.test(input)), bundle.folder).toEqual([]);
    }
  });

  it("imports zod in functions/ only as `import * as z from 'zod/mini'` (or its type), and locales by name", () => {
    const sources = readdirSync(join(repositoryRoot, 'functions'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const wrong = sources.flatMap((file) =>
      [...readFileSync(join(repositoryRoot, 'functions', file), 'utf8').matchAll(/^import[^;]*from '(zod[^']*)';/gm)]
        .map(([statement, module]) => ({ file, statement, module }))
        .filter(({ statement, module }) => !(/^import (type )?\* as z from 'zod\/mini';$/.test(statement) || (module === 'zod/locales' && /^import \{ [a-zA-Z, ]+ \} from/.test(statement)))),
    );
    expect(sources.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('bundles no local-only code: no emulator, seeding or local sign-in (users file, token issuer, form) in any function', () => {
    const localOnly = /^infra\/local\/|(^|\/)local-(users|token-issuer|sign-in)[^/]*$|console-users\.json$/;
    for (const bundle of bundles) expect(Object.keys(bundle.inputs).filter((input) => localOnly.test(input)), bundle.folder).toEqual([]);
    // The console still bundles its own sign-in (Cognito's hosted pages): the inputs looked at are the real ones.
    expect(Object.keys(bundles.find((bundle) => bundle.folder === 'console-queue')!.inputs)).toContain('functions/web/console/sign-in/sign-in-routes.ts');
  });

  it('bundles no mail or PDF library: they come from the document libraries layer', () => {
    const libraryCode = /node_modules\/(mailparser|libmime|iconv-lite|he|html-to-text|pdf-lib|@pdf-lib\/fontkit|@zone-eu\/mailsplit)\//;
    for (const bundle of bundles) expect(Object.keys(bundle.inputs).filter((input) => libraryCode.test(input)), bundle.folder).toEqual([]);
  });

  it('requires a layer library only in a function given the layer, and there only behind import() of the parser', () => {
    const usesLayer = bundles.filter((bundle) => bundle.externals.some((name) => (DOCUMENT_LIBRARIES as readonly string[]).includes(name)));
    expect(usesLayer.map((bundle) => bundle.folder)).toEqual([...DOCUMENT_LIBRARY_FUNCTIONS].sort());
    for (const bundle of usesLayer) expect(bundle.importedAs['functions/domain/inbox/parse-inbound-message.ts'], bundle.folder).toEqual(['dynamic']);
    // pdf-lib is required on the first letter by the renderer, out of esbuild's sight: its users need the layer too.
    const makesPdf = bundles.filter((bundle) => 'functions/domain/post/render-letter-pdf.ts' in bundle.inputs).map((bundle) => bundle.folder);
    expect(makesPdf.length).toBeGreaterThan(0);
    for (const folder of makesPdf) expect(DOCUMENT_LIBRARY_FUNCTIONS, folder).toContain(folder);
    // And the font beside the bundle goes to exactly the functions whose code makes a PDF.
    expect(makesPdf.sort()).toEqual([...PDF_MAKING_FUNCTIONS].sort());
  });

});
