import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkLocalSignIn,
  hashPassword,
  localUsersFileSchema,
  parseLocalUsersFile,
  PASSWORD_HASH_PATTERN,
  type LocalUsersFile,
} from '../../../infra/local/sign-in/local-users.js';

const committedFile = (): LocalUsersFile =>
  parseLocalUsersFile(readFileSync(new URL('../../../infra/local/console-users.json', import.meta.url), 'utf8'));

const user = (overrides: Record<string, unknown> = {}) => ({
  username: 'kari.saksbehandler',
  displayName: 'Kari Saksbehandler',
  groups: ['staff'],
  passwordHash: hashPassword('hemmelig', Buffer.alloc(16, 1)),
  ...overrides,
});

describe('hashPassword', () => {
  it('writes scrypt$salt$hash with a 16-byte random salt and a 32-byte hash', () => {
    const hash = hashPassword('naerkontor-1');
    const [scheme, salt, digest] = hash.split('$');

    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    expect(scheme).toBe('scrypt');
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(digest ?? '', 'base64')).toHaveLength(32);
    expect(hashPassword('naerkontor-1')).not.toBe(hash);
  });

  it('is deterministic for a given salt', () => {
    const salt = Buffer.alloc(16, 7);
    expect(hashPassword('naerkontor-1', salt)).toBe(hashPassword('naerkontor-1', salt));
    expect(hashPassword('naerkontor-2', salt)).not.toBe(hashPassword('naerkontor-1', salt));
  });
});

describe('localUsersFileSchema', () => {
  it('accepts a valid file', () => {
    expect(localUsersFileSchema.safeParse({ users: [user()] }).success).toBe(true);
  });

  it.each([
    ['an unknown group', { groups: ['admin'] }],
    ['a username the audit trail cannot hold', { username: 'kari nordmann' }],
    ['a plain-text password', { passwordHash: 'hemmelig' }],
    ['an extra field such as a password', { password: 'hemmelig' }],
    ['an empty display name', { displayName: ' ' }],
  ])('refuses %s', (_name, overrides) => {
    expect(localUsersFileSchema.safeParse({ users: [user(overrides)] }).success).toBe(false);
  });

  it('refuses the same username twice', () => {
    expect(localUsersFileSchema.safeParse({ users: [user(), user({ displayName: 'Kari 2' })] }).success).toBe(false);
  });
});

describe('infra/local/console-users.json', () => {
  it('holds the demo users with their groups, hashes only', () => {
    const file = committedFile();

    expect(file.users.map(({ username, groups }) => ({ username, groups }))).toEqual([
      { username: 'kari.saksbehandler', groups: ['staff'] },
      { username: 'per.saksbehandler', groups: ['staff'] },
      { username: 'personvernombud', groups: ['staff', 'privacy-officer'] },
      { username: 'uten.tilgang', groups: [] },
    ]);
    expect(JSON.stringify(file)).not.toContain('naerkontor-');
  });

  it.each([
    ['kari.saksbehandler', 'naerkontor-1', ['staff']],
    ['per.saksbehandler', 'naerkontor-2', ['staff']],
    ['personvernombud', 'naerkontor-3', ['staff', 'privacy-officer']],
    ['uten.tilgang', 'naerkontor-4', []],
  ])('lets %s sign in with the documented demo password', async (username, password, groups) => {
    await expect(checkLocalSignIn(committedFile(), username, password)).resolves.toEqual({ username, groups });
  });
});

describe('checkLocalSignIn', () => {
  const file: LocalUsersFile = { users: [user()] as LocalUsersFile['users'] };

  it('returns the identity for the right password', async () => {
    await expect(checkLocalSignIn(file, 'kari.saksbehandler', 'hemmelig')).resolves.toEqual({
      username: 'kari.saksbehandler',
      groups: ['staff'],
    });
  });

  it('refuses a wrong password, an unknown user and another user’s password', async () => {
    await expect(checkLocalSignIn(file, 'kari.saksbehandler', 'Hemmelig')).resolves.toBeUndefined();
    await expect(checkLocalSignIn(file, 'kari.saksbehandler', '')).resolves.toBeUndefined();
    await expect(checkLocalSignIn(file, 'ukjent', 'hemmelig')).resolves.toBeUndefined();
    await expect(checkLocalSignIn(file, 'Kari.Saksbehandler', 'hemmelig')).resolves.toBeUndefined();
  });

  it('treats the composed and decomposed forms of a password alike', async () => {
    const withAe = { users: [user({ passwordHash: hashPassword('blåbær') })] } as LocalUsersFile;

    await expect(checkLocalSignIn(withAe, 'kari.saksbehandler', 'bla\u030abær')).resolves.toBeDefined();
  });
});
