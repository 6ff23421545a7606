import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLocalTokenIssuer } from '../../functions/domain/staff-auth/index.js';
import { ENV } from '../../functions/platform/env-names.js';
import { loadOrCreateConsoleSigningKey } from './console-signing-key.js';

/** The `iss` and `aud` of local console tokens; the staff functions expect exactly these locally. */
export const LOCAL_CONSOLE_ISSUER = 'http://localhost/dsr-local-sign-in';
export const LOCAL_CONSOLE_AUDIENCE = 'dsr-console-local';
/** The staff users of local mode (passwords in the README); never used in AWS. */
export const LOCAL_CONSOLE_USERS_FILE = fileURLToPath(new URL('./console-users.json', import.meta.url));

/**
 * Sets up local mode's stand-in for Cognito: a signing key kept in `directory` (so sessions
 * survive a restart), and its public key set written next to it for the verifier to read. Returns
 * the environment the staff functions need; the verifier code is the one AWS runs.
 */
export function prepareLocalConsoleSignIn(directory: string): Record<string, string> {
  const keyFile = join(directory, 'console-signing-key.pem');
  const jwksFile = join(directory, 'console-jwks.json');
  const { privateKey } = loadOrCreateConsoleSigningKey(keyFile);
  const jwks = createLocalTokenIssuer({ privateKey, issuer: LOCAL_CONSOLE_ISSUER, clientId: LOCAL_CONSOLE_AUDIENCE }).jwks();
  writeFileSync(jwksFile, JSON.stringify(jwks, null, 2));
  return {
    [ENV.consoleSignIn]: 'local',
    [ENV.staffTokenIssuer]: LOCAL_CONSOLE_ISSUER,
    [ENV.staffTokenAudience]: LOCAL_CONSOLE_AUDIENCE,
    [ENV.staffTokenJwks]: pathToFileURL(jwksFile).href,
    [ENV.localConsoleUsersFile]: LOCAL_CONSOLE_USERS_FILE,
    [ENV.localConsoleSigningKeyFile]: keyFile,
  };
}
