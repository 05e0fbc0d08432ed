import { createHmac, hash } from 'node:crypto';

/** What a key derived from the store secret is used for; each use gets its own key. */
export type KeyPurpose = 'token' | 'email-hash' | 'ip-hash' | 'api-token';

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

const BLOCK = 64;

/**
 * {@link keyedHash} with one key, for many values (an import hashes every address): the same
 * HMAC-SHA256 (RFC 2104), computed as two one-shot SHA-256 hashes over the key's padded blocks,
 * which costs a fraction of a new HMAC object per value.
 */
export function createKeyedHasher(
  key: Buffer,
  encoding: 'hex' | 'base64url' = 'hex',
): (value: string) => string {
  if (key.length > BLOCK) throw new RangeError(`expected a key of at most ${BLOCK} bytes`);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  let inner = Buffer.alloc(BLOCK + 256, 0x36);
  for (let i = 0; i < key.length; i++) {
    inner[i] = 0x36 ^ key[i]!;
    outer[i] = 0x5c ^ key[i]!;
  }
  return (value) => {
    const length = Buffer.byteLength(value);
    if (BLOCK + length > inner.length) {
      const larger = Buffer.alloc(BLOCK + length);
      inner.copy(larger, 0, 0, BLOCK);
      inner = larger;
    }
    inner.write(value, BLOCK);
    // The inner digest travels as a binary (latin1) string, one character per byte: asking for
    // a Buffer costs several times the hash itself.
    outer.write(hash('sha256', inner.subarray(0, BLOCK + length), 'binary'), BLOCK, 'latin1');
    return hash('sha256', outer, encoding);
  };
}
