import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** The version of a package as package-lock.json installed it (what a layer of ours is built from). */
export const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url)), 'utf8')) as { version: string }).version;

/** What a layer of ours is: built by esbuild on the machine that synthesizes (no Docker). */
export interface LocallyBuiltLayerProps {
  readonly description: string;
  /** Writes the layer's content (`nodejs/node_modules/…`) into `outputDir`. */
  readonly build: (outputDir: string) => void;
  /** The module that defines what `build` writes (its `import.meta.url`), part of the layer's hash. */
  readonly definedIn: string;
}

/**
 * One layer of ours per stack (`id` names it), built locally at synth. Its asset hash covers what
 * decides the bytes: the layer's name, the module that defines it, this file and
 * package-lock.json (every installed version, the SDK's own dependencies among them). It must be a
 * hash of our own: CDK caches a bundled asset by its source folder and bundling options, and a
 * local bundler is a function, invisible to that key, so two layers hashed by their output alone
 * were staged from whichever was built first.
 */
export function locallyBuiltLayer(scope: Construct, id: string, props: LocallyBuiltLayerProps): lambda.ILayerVersion {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(id) as lambda.ILayerVersion | undefined;
  if (existing) return existing;
  const hash = createHash('sha256').update(id);
  for (const file of [props.definedIn, import.meta.url, new URL('../../package-lock.json', import.meta.url).href]) hash.update(readFileSync(fileURLToPath(file)));
  return new lambda.LayerVersion(stack, id, {
    description: props.description,
    compatibleArchitectures: [lambda.Architecture.ARM_64],
    code: lambda.Code.fromAsset(fileURLToPath(new URL('.', import.meta.url)), {
      assetHashType: AssetHashType.CUSTOM,
      assetHash: hash.digest('hex'),
      bundling: {
        // Never used: the local build always succeeds where synth runs (esbuild is installed).
        image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs24.x'),
        local: {
          tryBundle(outputDir: string): boolean {
            props.build(outputDir);
            return true;
          },
        },
      },
    }),
  });
}
