import { createRequire } from 'node:module';

// In the CommonJS bundle `__filename` is the bundle, and the runtime's and layers' modules resolve
// through NODE_PATH; under tsx and vitest (ES modules) it is undefined and the working directory serves.
const requireProvided = createRequire(typeof __filename === 'string' ? __filename : `${process.cwd()}/`);

/**
 * A module left out of the bundle (the AWS SDK the runtime provides, Powertools from its layer),
 * loaded the first time it is needed instead of at start-up. Through `require`, not `import()`:
 * esbuild keeps an `import()` of an external module in the CommonJS bundle, and Node would then
 * read the SDK as an ES module, lexing every file for its exports (about twice the time).
 *
 * @example const { S3Client } = providedModule<typeof import('@aws-sdk/client-s3')>('@aws-sdk/client-s3');
 */
export function providedModule<M>(name: string): M {
  return requireProvided(name) as M;
}
