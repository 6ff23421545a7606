import { readFileSync } from 'node:fs';
import { loadOrCreateConsoleSigningKey } from '../../infra/local/console-signing-key.js';
import { LOCAL_CONSOLE_AUDIENCE, LOCAL_CONSOLE_ISSUER, LOCAL_SIGN_IN_ENV } from '../../infra/local/console-sign-in.js';
import type { StaffGroup } from '../../functions/domain/staff-auth/index.js';
import { createLocalTokenIssuer } from '../../infra/local/sign-in/local-token-issuer.js';

/**
 * A console token for a local stack, signed with the stack's own local signing key exactly as its
 * sign-in page signs one, for tests that act as a named staff member without going through the
 * page (the browser tests sign in through it).
 */
export function localStaffToken(
  environment: Readonly<Record<string, string>>,
  username: string,
  groups: readonly StaffGroup[] = ['staff'],
): string {
  const keyFile = environment[LOCAL_SIGN_IN_ENV.signingKeyFile];
  if (!keyFile) throw new Error('the stack has no local console signing key');
  readFileSync(keyFile); // fails loudly if the stack's key is gone
  const { privateKey } = loadOrCreateConsoleSigningKey(keyFile);
  return createLocalTokenIssuer({ privateKey, issuer: LOCAL_CONSOLE_ISSUER, clientId: LOCAL_CONSOLE_AUDIENCE }).issue({ username, groups });
}
