import { join } from 'node:path';
import { tmpdir } from 'node:os';
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

  it(`keeps every function at most ${MAX_BUNDLE_BYTES / 1024} KiB minified, but the staff API and two console functions at their caps`, () => {
    for (const bundle of bundles) expect(bundle.bytes, bundle.folder).toBeLessThanOrEqual(bundleLimit(bundle.folder));
    expect(Object.keys(OVERSIZED_FUNCTIONS)).toEqual(['staff-api', 'console-case', 'console-mail']);
    // The console's queue, where staff start and sign in, is within the target outright.
    expect(bundles.find((bundle) => bundle.folder === 'console-queue')!.bytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    // Those that read raw mail are under the target now that the mail parser is in the layer.
    expect(bundles.find((bundle) => bundle.folder === 'email-intake')!.bytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it('leaves the AWS SDK to the runtime: no @aws-sdk or @smithy code in any bundle', () => {
    for (const bundle of bundles) {
      expect(Object.keys(bundle.inputs).filter((input) => /node_modules\/@(aws-sdk|smithy)\//.test(input)), bundle.folder).toEqual([]);
    }
  });

  it('bundles zod without its unused parts (no locales: the namespace import lets esbuild drop them)', () => {
    for (const bundle of bundles) {
      expect(Object.keys(bundle.inputs).filter((input) => input.includes('node_modules/zod/v4/locales/') && !input.endsWith('/en.js')), bundle.folder).toEqual([]);
    }
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
