import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MIN_SUPPRESSION_SECRET_LENGTH } from '../../functions/domain/marketing-stop/suppression-list.js';

/**
 * The suppression list's HMAC key in local mode, standing in for the Secrets Manager secret the
 * stack generates: read from `<dir>/suppression-key`, or generated there once (owner-only), so the
 * entries written before a restart are still found after it.
 */
export function loadOrCreateSuppressionSecret(dir: string): string {
  const file = join(dir, 'suppression-key');
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= MIN_SUPPRESSION_SECRET_LENGTH) return secret;
    throw new TypeError(`${file} holds no usable suppression key; delete it to have a new one made`);
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
