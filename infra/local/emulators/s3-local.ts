import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import S3rver from 's3rver';

export interface S3Local {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * s3rver checks signatures against its own key registry; local mode signs every SDK call with
 * one dummy key pair, registered here so S3 accepts what DynamoDB Local and the rest accept.
 */
function registerLocalKey(accessKeyId: string, secretAccessKey: string): void {
  const require = createRequire(import.meta.url);
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
  };
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
}

/** Runs s3rver, an S3-compatible server keeping objects as files under `directory`. */
export async function startS3Local(options: {
  directory: string;
  port?: number;
  buckets: readonly string[];
  credentials?: { accessKeyId: string; secretAccessKey: string };
}): Promise<S3Local> {
  registerLocalKey(options.credentials?.accessKeyId ?? 'local', options.credentials?.secretAccessKey ?? 'local');
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
