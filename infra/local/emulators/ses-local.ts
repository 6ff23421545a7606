import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesModule from 'aws-ses-v2-local';
import { getStoreReadonly, saveEmail, type Email } from 'aws-ses-v2-local/dist/store.js';

// The package is CommonJS with a default export; under ESM interop it arrives as `.default`.
type StartSes = (config: { host: string; port: number }) => Promise<Server>;
const sesServer: StartSes =
  (sesModule as unknown as { default?: StartSes }).default ?? (sesModule as unknown as StartSes);

export interface SesLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Runs aws-ses-v2-local (the SES v2 API plus a web viewer of every sent mail) on loopback. Its
 * store lives in memory, so the outbox is saved to `outboxFile` and loaded again on start:
 * the mail viewer shows the same mails across restarts.
 */
export async function startSesLocal(options: { port?: number; outboxFile?: string }): Promise<SesLocal> {
  const { outboxFile } = options;
  if (outboxFile && existsSync(outboxFile) && getStoreReadonly().emails.length === 0) {
    for (const email of JSON.parse(readFileSync(outboxFile, 'utf8')) as Email[]) saveEmail(email);
  }
  const server: Server = await sesServer({ host: '127.0.0.1', port: options.port ?? 0 });
  const persist = (): void => {
    if (outboxFile) writeFileSync(outboxFile, JSON.stringify(getStoreReadonly().emails));
  };
  let saved = getStoreReadonly().emails.length;
  const timer = setInterval(() => {
    const count = getStoreReadonly().emails.length;
    if (count !== saved) {
      saved = count;
      persist();
    }
  }, 500);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      clearInterval(timer);
      persist();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
