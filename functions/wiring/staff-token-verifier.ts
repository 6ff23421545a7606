import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { createStaffTokenVerifier, type JsonWebKeySet, type StaffTokenVerifier } from '../domain/staff-auth/index.js';
import { parseConfig } from '../platform/config.js';
import { ENV } from '../platform/env-names.js';

/** The staff-token settings every function serving staff routes reads at cold start. */
export const StaffTokenConfigSchema = z.object({
  [ENV.staffTokenIssuer]: z.url(),
  [ENV.staffTokenAudience]: z.string().check(z.minLength(1)),
  [ENV.staffTokenJwks]: z.string().check(z.regex(/^(https:\/\/|file:\/\/)/, 'an https:// or file:// URL')),
});

/**
 * The one verifier of staff tokens, built from the environment: Cognito's key set fetched over
 * HTTPS in AWS, the local sign-in's key set read from a file locally. Everything after the key
 * lookup is the same code (aws-jwt-verify) in both places.
 */
export function staffTokenVerifierFromEnv(env: NodeJS.ProcessEnv = process.env): StaffTokenVerifier {
  const config = parseConfig(StaffTokenConfigSchema, env);
  const jwksLocation = config[ENV.staffTokenJwks];
  const keySet = jwksLocation.startsWith('file://')
    ? { jwks: JSON.parse(readFileSync(fileURLToPath(jwksLocation), 'utf8')) as JsonWebKeySet }
    : { uri: jwksLocation };
  return createStaffTokenVerifier({ issuer: config[ENV.staffTokenIssuer], clientId: config[ENV.staffTokenAudience], keySet });
}
