import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { installedVersion, locallyBuiltLayer } from './locally-built-layer.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Libraries for reading raw mail (mailparser, with libmime and he, which our header and HTML
 * helpers use as well) and for making letters by post as PDF (pdf-lib with fontkit). Together
 * about 2.6 MB minified, mostly charset and entity tables and font code, needed only on the paths
 * that read a raw mail or make a PDF. They come from a layer of ours (like Powertools from AWS's)
 * instead of each bundle, so the functions' own code stays small, and they load on first use.
 */
export const DOCUMENT_LIBRARIES = ['mailparser', 'libmime', 'he', 'pdf-lib', '@pdf-lib/fontkit'] as const;

/** The functions given the layer: those that read raw mail or make a letter's PDF. */
export const DOCUMENT_LIBRARY_FUNCTIONS: readonly string[] = ['email-intake', 'console-case', 'console-mail'];

/**
 * Writes the layer's content into `outDir` (`nodejs/node_modules/<library>/index.js`, where Lambda's
 * NODE_PATH finds it): each library as one minified CommonJS file built by esbuild from the version
 * package-lock.json installed, with the other libraries of the layer left to the layer (mailparser
 * uses the layer's libmime and he, not copies of its own). Returns the bytes written per library.
 */
export function buildDocumentLibraries(outDir: string, target = 'node24'): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of DOCUMENT_LIBRARIES) {
    const folder = join(outDir, 'nodejs', 'node_modules', name);
    mkdirSync(folder, { recursive: true });
    const result = buildSync({
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: repositoryRoot, loader: 'js' },
      outfile: join(folder, 'index.js'),
      bundle: true,
      platform: 'node',
      target,
      format: 'cjs',
      minify: true,
      external: DOCUMENT_LIBRARIES.filter((other) => other !== name),
      logLevel: 'error',
      metafile: true,
    });
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name, version: installedVersion(name), main: 'index.js' })}\n`);
    sizes[name] = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  }
  return sizes;
}

/** The layer with {@link DOCUMENT_LIBRARIES}, one per stack. */
export function documentLibrariesLayer(scope: Construct): lambda.ILayerVersion {
  return locallyBuiltLayer(scope, 'DocumentLibrariesLayer', {
    description: `Mail parsing and PDF libraries: ${DOCUMENT_LIBRARIES.map((name) => `${name}@${installedVersion(name)}`).join(', ')}`,
    build: (outputDir) => buildDocumentLibraries(outputDir),
    definedIn: import.meta.url,
  });
}
