import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLocalTokenIssuer } from './sign-in/local-token-issuer.js';
import { isSecureOrigin } from '../../functions/domain/staff-auth/index.js';
import { ENV } from '../../functions/platform/env-names.js';
import { createLogger } from '../../functions/platform/logger.js';
import type { LocalRouteHandler } from './gateway/http-gateway.js';
import { LOCAL_SIGN_IN_ROUTES, serveLocalSignIn, type LocalSignInDeps } from './sign-in/local-sign-in.js';
import { parseLocalUsersFile } from './sign-in/local-users.js';
import { loadOrCreateConsoleSigningKey } from './console-signing-key.js';

/** The `iss` and `aud` of local console tokens; the staff functions expect exactly these locally. */
export const LOCAL_CONSOLE_ISSUER = 'http://localhost/dsr-local-sign-in';
export const LOCAL_CONSOLE_AUDIENCE = 'dsr-console-local';
/**
 * Local mode only, so not among the functions' env names: the users file and the private key the
 * local sign-in signs tokens with.
 */
export const LOCAL_SIGN_IN_ENV = { usersFile: 'CONSOLE_LOCAL_USERS_FILE', signingKeyFile: 'CONSOLE_LOCAL_SIGNING_KEY_FILE' } as const;
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
    [LOCAL_SIGN_IN_ENV.usersFile]: LOCAL_CONSOLE_USERS_FILE,
    [LOCAL_SIGN_IN_ENV.signingKeyFile]: keyFile,
  };
}

/**
 * The sign-in routes the local gateway answers itself, from the environment
 * {@link prepareLocalConsoleSignIn} returned. Their dependencies are read at the first request,
 * once the gateway's own URL (the console's origin) is known.
 */
export function localSignInRoutes(environment: Readonly<Record<string, string | undefined>>): Record<string, LocalRouteHandler> {
  let deps: LocalSignInDeps | undefined;
  const load = (): LocalSignInDeps => {
    const publicBaseUrl = environment[ENV.publicBaseUrl] ?? process.env[ENV.publicBaseUrl] ?? 'http://localhost';
    return {
      users: parseLocalUsersFile(readFileSync(environment[LOCAL_SIGN_IN_ENV.usersFile] ?? LOCAL_CONSOLE_USERS_FILE, 'utf8')),
      issuer: createLocalTokenIssuer({
        privateKey: loadOrCreateConsoleSigningKey(environment[LOCAL_SIGN_IN_ENV.signingKeyFile]).privateKey,
        issuer: LOCAL_CONSOLE_ISSUER,
        clientId: LOCAL_CONSOLE_AUDIENCE,
      }),
      publicBaseUrl,
      secureCookies: isSecureOrigin(publicBaseUrl),
      logger: createLogger('local-sign-in'),
    };
  };
  const handler: LocalRouteHandler = (event) => serveLocalSignIn((deps ??= load()), event);
  return Object.fromEntries(LOCAL_SIGN_IN_ROUTES.map((routeKey) => [routeKey, handler]));
}
