import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const handlerModule = '../../../functions/schedule/watch-deadlines/handler.js';

describe('watch-deadlines handler', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('REQUESTS_TABLE_NAME', 'requests');
    vi.stubEnv('SENDER_ADDRESS', 'naerkontor@obos.no');
    vi.stubEnv('PUBLIC_BASE_URL', 'https://personvern.example.no');
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fails at load, naming the variable, when the staff address is missing', async () => {
    vi.stubEnv('STAFF_DIGEST_ADDRESS', '');

    await expect(import(handlerModule)).rejects.toThrow(/STAFF_DIGEST_ADDRESS/);
  });

  it('loads with a staff address and refuses an event that is not an object', async () => {
    vi.stubEnv('STAFF_DIGEST_ADDRESS', 'personvern@obos.no');

    const { handler } = (await import(handlerModule)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };

    await expect(handler('run', {})).rejects.toThrow('invalid watch-deadlines event');
  });
});
