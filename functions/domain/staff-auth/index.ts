/**
 * Public API of the staff sign-in module: verifying Cognito ID tokens (and the local stand-in's,
 * whose sign-in lives in infra/local/sign-in), session cookies, CSRF protection, the 401/403 gate and Cognito's hosted sign-in.
 * Import from here rather than from the individual files.
 *
 * @module
 */

export { authorizeStaff, hasStaffGroup, sessionTokenFrom } from './authorize-staff.js';
export type { StaffAuthorization } from './authorize-staff.js';
export { authorizeUrl, exchangeCode, logoutUrl, oauthState, pkcePair, SignInFailedError } from './cognito-hosted-sign-in.js';
export type { HostedSignInClient } from './cognito-hosted-sign-in.js';
export { checkCsrf, CSRF_FIELD, csrfToken, sameOriginPost, sameSecret } from './csrf.js';
export { cognitoIssuer, cognitoJwksUrl, JWKS_REFETCH_INTERVAL_MS, JwksUnavailableError, signingKeys } from './jwks-provider.js';
export type { JsonWebKeySet, StaffKeySet } from './jwks-provider.js';
export { rsaKeyThumbprint } from './key-thumbprint.js';
export { headerValue } from './request-headers.js';
export type { RequestHeaders } from './request-headers.js';
export { clearSessionCookie, isSecureOrigin, readCookie, SESSION_COOKIE, sessionCookie } from './session-cookie.js';
export type { CookieCarrier, SessionCookieOptions } from './session-cookie.js';
export { isStaffGroup, STAFF_GROUPS, STAFF_USERNAME_PATTERN, toStaffIdentity } from './staff-identity.js';
export type { StaffGroup, StaffIdentity } from './staff-identity.js';
export { CLOCK_SKEW_SECONDS, createStaffTokenVerifier, InvalidStaffTokenError } from './token-verifier.js';
export type { InvalidStaffTokenReason, StaffTokenVerifier, StaffTokenVerifierOptions } from './token-verifier.js';
export { revocationUntil, sessionTokenHash } from './session-revocations.js';
export type { SessionRevocations } from './session-revocations.js';
