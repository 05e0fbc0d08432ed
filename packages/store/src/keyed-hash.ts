import { createHmac } from 'node:crypto';

/** What a key derived from the store secret is used for; each use gets its own key. */
export type KeyPurpose = 'token' | 'email-hash' | 'ip-hash';

/** The secret must be long enough to resist guessing (it signs tokens and keys hashes). */
export const MIN_SECRET_LENGTH = 32;

/** Derives a 32-byte key for one purpose from the store secret (HMAC-SHA256 as a KDF). */
export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  return createHmac('sha256', secret).update(`regiokit/${purpose}/v1`).digest();
}

/** Keyed hash (HMAC-SHA256, hex) of a value, e.g. a normalised address or an IP address. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}
