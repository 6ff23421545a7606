import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, scrypt: vi.fn(original.scrypt) };
});

const { checkLocalSignIn, hashPassword } = await import('../../../infra/local/sign-in/local-users.js');
const scrypt = vi.mocked(crypto.scrypt);

describe('checkLocalSignIn for an unknown user', () => {
  const file = {
    users: [{ username: 'kari', displayName: 'Kari', groups: ['staff' as const], passwordHash: hashPassword('hemmelig') }],
  };

  beforeEach(() => {
    scrypt.mockClear();
  });

  /** The password, key length and cost each scrypt call of a sign-in used. */
  const work = () => scrypt.mock.calls.map(([password, , keylen, options]) => ({ password, keylen, options }));

  it('derives a key with the same cost as for a known user, so timing does not reveal usernames', async () => {
    await checkLocalSignIn(file, 'kari', 'feil-passord');
    const known = work();
    scrypt.mockClear();

    await expect(checkLocalSignIn(file, 'ukjent', 'feil-passord')).resolves.toBeUndefined();

    expect(known).toHaveLength(1);
    expect(work()).toEqual(known);
  });
});
