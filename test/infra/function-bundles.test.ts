import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBundles,
  bundleLimit,
  handlerFolders,
  MAIL_READING_FUNCTIONS,
  MAX_BUNDLE_BYTES,
  type BuiltBundle,
} from '../../bench/function-bundles.js';
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

  it(`keeps every function at most ${MAX_BUNDLE_BYTES / 1024} KiB minified (the two that read raw mail at their cap)`, () => {
    for (const bundle of bundles) expect(bundle.bytes, bundle.folder).toBeLessThanOrEqual(bundleLimit(bundle.folder));
    const others = bundles.filter((bundle) => !(bundle.folder in MAIL_READING_FUNCTIONS));
    expect(others.length).toBe(bundles.length - Object.keys(MAIL_READING_FUNCTIONS).length);
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

  it('has the PDF library only in the staff console, and there only behind import()', () => {
    const renderer = 'functions/domain/post/render-letter-pdf.ts';
    for (const bundle of bundles) {
      const hasPdfLib = Object.keys(bundle.inputs).some((input) => input.includes('node_modules/pdf-lib/'));
      expect(hasPdfLib, bundle.folder).toBe(bundle.folder === 'staff-console');
      if (hasPdfLib) {
        // The entry modules of both libraries are reached only through import() (the renderer's).
        const entries = Object.entries(bundle.importedAs).filter(([path, kinds]) => kinds.includes('dynamic') && /node_modules\/(pdf-lib|@pdf-lib\/fontkit)\//.test(path));
        expect(entries.map(([path]) => path.split('/')[1]).sort(), bundle.folder).toEqual(['@pdf-lib', 'pdf-lib']);
        for (const [, kinds] of entries) expect(kinds, bundle.folder).toEqual(['dynamic']);
        expect(bundle.inputs[renderer], bundle.folder).toBeDefined();
      }
    }
  });

  it('has mailparser only in the functions that read raw mail, and there only behind import()', () => {
    const parser = 'functions/domain/inbox/parse-inbound-message.ts';
    for (const bundle of bundles) {
      const hasMailparser = Object.keys(bundle.inputs).some((input) => input.includes('node_modules/mailparser/'));
      expect(hasMailparser, bundle.folder).toBe(bundle.folder in MAIL_READING_FUNCTIONS);
      if (hasMailparser) expect(bundle.importedAs[parser], bundle.folder).toEqual(['dynamic']);
    }
  });
});
