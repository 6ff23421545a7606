import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export interface S3Local {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Runs s3rver, an S3-compatible server keeping objects as files under `directory`. */
export async function startS3Local(options: { directory: string; port?: number; buckets: readonly string[] }): Promise<S3Local> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: () => server.close(),
  };
}
