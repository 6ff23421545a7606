import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { STAFF_GROUPS, STAFF_USERNAME_PATTERN, type StaffIdentity } from '../../../functions/domain/staff-auth/index.js';

/** scrypt cost of local passwords: Node's defaults (N=16384, r=8, p=1), 32-byte hashes. */
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** scrypt on the thread pool, so a sign-in does not block the local server's event loop. */
const deriveKey = (password: string, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
const BASE64 = '[A-Za-z0-9+/]+={0,2}';

/** `scrypt$<salt, base64>$<hash, base64>`. */
export const PASSWORD_HASH_PATTERN = new RegExp(`^scrypt\\$${BASE64}\\$${BASE64}$`);

/**
 * The local users file (`infra/local/console-users.json`): who may sign in to the console in local
 * mode, standing in for the Cognito user pool. Only password hashes are kept, so the committed file
 * holds no usable secret beyond the documented demo passwords.
 */
export const localUsersFileSchema = z.object({
  users: z.array(
      z.strictObject({
        username: z.string().check(z.regex(STAFF_USERNAME_PATTERN)),
        displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
        groups: z.array(z.enum(STAFF_GROUPS)),
        passwordHash: z.string().check(z.regex(PASSWORD_HASH_PATTERN)),
      }),
    ).check(z.refine((users) => new Set(users.map((user) => user.username)).size === users.length, {
      message: 'usernames must be unique',
    })),
});

export type LocalUsersFile = z.infer<typeof localUsersFileSchema>;
export type LocalUser = LocalUsersFile['users'][number];

/** Parses the local users file's text; throws zod's `$ZodError` (naming fields, not values) when it is wrong. */
export const parseLocalUsersFile = (text: string): LocalUsersFile => localUsersFileSchema.parse(JSON.parse(text));

/**
 * Hashes a password for the local users file. Without a salt a random 16-byte one is drawn.
 *
 * @example
 * // npx tsx -e "import('./infra/local/sign-in/local-users.ts').then(m => console.log(m.hashPassword('…')))"
 */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Compared against when the username is unknown, so an unknown user costs the same scrypt work. */
const UNKNOWN_USER_SALT = randomBytes(16);
const UNKNOWN_USER_HASH = randomBytes(KEY_LENGTH);

const splitHash = (passwordHash: string): { salt: Buffer; hash: Buffer } => {
  const [, salt = '', hash = ''] = passwordHash.split('$');
  return { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
};

/**
 * The local sign-in check: the staff identity when the username and password match a user of the
 * file, otherwise `undefined`. An unknown username runs the same scrypt derivation and comparison
 * as a known one, so the answer time does not tell which usernames exist.
 */
export async function checkLocalSignIn(
  usersFile: LocalUsersFile,
  username: string,
  password: string,
): Promise<StaffIdentity | undefined> {
  const user = usersFile.users.find((candidate) => candidate.username === username);
  const expected = user ? splitHash(user.passwordHash) : { salt: UNKNOWN_USER_SALT, hash: UNKNOWN_USER_HASH };
  const actual = await deriveKey(password, expected.salt);
  const matches = expected.hash.length === actual.length && timingSafeEqual(expected.hash, actual);
  return user && matches ? { username: user.username, groups: [...user.groups] } : undefined;
}
