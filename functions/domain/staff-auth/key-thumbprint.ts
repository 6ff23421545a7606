import { createHash, type KeyObject } from 'node:crypto';

/**
 * The RFC 7638 JWK thumbprint of an RSA key (SHA-256, base64url), used as the local signing key's
 * `kid`: it follows from the key itself, so tokens issued before a restart of local mode still name
 * the key that verifies them.
 */
export function rsaKeyThumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) throw new TypeError('a key thumbprint needs an RSA key');
  // Members in lexicographic order, no whitespace (RFC 7638 section 3).
  const canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}
